package org.certportal.ui.internal;

import java.util.Set;
import java.util.stream.Collectors;

import org.certportal.security.api.Caller;
import org.certportal.security.api.SecurityService;
import org.certportal.ui.internal.actions.PageActions;
import org.certportal.ui.internal.home.HomeCards;
import org.certportal.ui.spi.RegisteredView;
import org.osgi.framework.BundleContext;
import org.osgi.util.tracker.ServiceTracker;

import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.server.VaadinService;

/**
 * What the portal's views need from OSGi: the security service, the view whiteboard, the home
 * page's cards and the page actions. One per servlet, kept as an attribute of the Vaadin context (the shell's own pages are built by Vaadin, not by DS).
 */
public final class PortalContext {
    /** Routes of the shell itself. */
    static final Set<String> SHELL_ROUTES = Set.of("", "login", "access-denied", "sign-out");

    private final ServiceTracker<SecurityService, SecurityService> security;
    private final ViewWhiteboard views;
    private final HomeCards cards;
    private final PageActions actions;

    private PortalContext(BundleContext context, RouteConfiguration routes) {
        this.security = new ServiceTracker<>(context, SecurityService.class, null);
        this.actions = new PageActions(context);
        this.views = new ViewWhiteboard(context, routes, security::getService, SHELL_ROUTES, actions);
        this.cards = new HomeCards(context);
    }

    static PortalContext open(BundleContext context, RouteConfiguration routes) {
        PortalContext portal = new PortalContext(context, routes);
        portal.security.open();
        portal.actions.open();
        portal.views.open();
        portal.cards.open();
        return portal;
    }

    void close() {
        cards.close();
        views.close();
        actions.close();
        security.close();
    }

    /** The portal of the current Vaadin request or UI access. */
    public static PortalContext current() {
        return VaadinService.getCurrent().getContext().getAttribute(PortalContext.class);
    }

    public SecurityService security() {
        SecurityService s = security.getService();
        if (s == null) {
            throw new IllegalStateException("The security service is not available: is the certportal-platform"
                    + " feature fully started?");
        }
        return s;
    }

    ViewWhiteboard views() {
        return views;
    }

    /** The routes of the views this caller may open now. */
    public Set<String> routesVisibleTo(Caller caller) {
        return views.visibleTo(caller).stream().map(RegisteredView::route).collect(Collectors.toSet());
    }

    public HomeCards cards() {
        return cards;
    }
}
