package org.certportal.ui.spi;

import com.vaadin.flow.component.Component;

/**
 * A contribution described by fixed values, for the common case. A feature declares it as a DS
 * component: {@code @Component(service = ViewContribution.class)} on a subclass whose constructor
 * passes the values, takes the services the view calls ({@code @Activate} constructor with
 * {@code @Reference} parameters) and whose {@link #createView()} hands them to the view; see
 * {@link ViewContribution}.
 */
public abstract class BasicViewContribution implements ViewContribution {
    private final String route;
    private final String title;
    private final String permission;
    private final Class<? extends Component> viewClass;
    private final String group;
    private final int order;
    private final String icon;

    protected BasicViewContribution(String route, String title, String permission,
            Class<? extends Component> viewClass, String group, int order, String icon) {
        this.route = route;
        this.title = title;
        this.permission = permission;
        this.viewClass = viewClass;
        this.group = group;
        this.order = order;
        this.icon = icon;
    }

    @Override
    public String route() {
        return route;
    }

    @Override
    public String title() {
        return title;
    }

    @Override
    public String permission() {
        return permission;
    }

    @Override
    public Class<? extends Component> viewClass() {
        return viewClass;
    }

    @Override
    public String group() {
        return group;
    }

    @Override
    public int order() {
        return order;
    }

    @Override
    public String icon() {
        return icon;
    }
}
