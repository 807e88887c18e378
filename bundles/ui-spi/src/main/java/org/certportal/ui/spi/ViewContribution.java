package org.certportal.ui.spi;

import com.vaadin.flow.component.Component;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Whiteboard service describing one view of a feature bundle. While it is registered the portal
 * serves {@link #viewClass()} at {@link #route()} inside the portal layout and lists it in the
 * menu of users holding {@link #permission()}. The view class needs no {@code @Route}.
 */
@ConsumerType
public interface ViewContribution {

    /**
     * Path below the portal root, lower case words separated by '-' and '/', e.g.
     * {@code programs} or {@code programs/approvals}; a segment {@code :name} is a route parameter
     * and keeps the view out of the menu.
     */
    String route();

    /** Menu and page title. */
    String title();

    /** The permission a user needs to see and open the view (see the security API). */
    String permission();

    /** The view; loaded by the contributing bundle. */
    Class<? extends Component> viewClass();

    /** Menu group title; views of one group are listed together. */
    default String group() {
        return "General";
    }

    /** Position in the menu: groups by their lowest order, views within a group by theirs. */
    default int order() {
        return 100;
    }

    /** A Vaadin icon name such as {@code vaadin:diploma}. */
    default String icon() {
        return "vaadin:file-o";
    }
}
