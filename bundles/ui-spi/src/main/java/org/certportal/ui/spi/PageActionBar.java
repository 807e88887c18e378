package org.certportal.ui.spi;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.Location;

/**
 * The buttons other areas contribute ({@link PageAction}) to one place of a page. The page builds it
 * with its target and calls {@link #show(String)} with the subject it displays; without a
 * {@link ViewRegistry} (the portal shell is being replaced) or without actions, the bar is empty and
 * hidden.
 *
 * @since 2.3
 */
public class PageActionBar extends HorizontalLayout {
    private final transient Supplier<Optional<ViewRegistry>> views;
    private final String target;

    public PageActionBar(Supplier<Optional<ViewRegistry>> views, String target) {
        this.views = views;
        this.target = target;
        setPadding(false);
        setSpacing(true);
        setVisible(false);
    }

    /** Shows the actions offered for this subject (an id as text; empty for a page without one). */
    public void show(String subject) {
        removeAll();
        List<PageAction> actions = views.get().map(v -> v.actionsOn(target, subject)).orElse(List.of());
        for (PageAction action : actions) {
            Button button = new Button(action.label(), e -> {
                closeEnclosingDialog();
                open(action.location(subject));
            });
            button.setId("action-" + action.key());
            add(button);
        }
        setVisible(!actions.isEmpty());
    }

    /**
     * A bar in a dialog (a run's details) leads away from it: the dialog closes first, or, modal and
     * attached to the UI, it would outlive the navigation and the server would ignore every click on
     * the page it led to.
     */
    private void closeEnclosingDialog() {
        Optional<Component> c = getParent();
        while (c.isPresent()) {
            if (c.get() instanceof Dialog dialog) {
                dialog.close();
                return;
            }
            c = c.get().getParent();
        }
    }

    /** Navigates to a location with its query string: {@code navigate(String)} would take it for part of the path. */
    private static void open(String location) {
        Location target = new Location(location);
        UI.getCurrent().navigate(target.getPath(), target.getQueryParameters());
    }
}
