package org.certportal.ui.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.certportal.security.api.Caller;
import org.certportal.security.api.PermissionListener;
import org.certportal.security.api.SecurityService;
import org.certportal.ui.internal.actions.PageActions;
import org.certportal.ui.internal.nav.RouteBook;
import org.certportal.ui.spi.PageAction;
import org.certportal.ui.spi.RegisteredView;
import org.certportal.ui.spi.ViewContribution;
import org.certportal.ui.spi.ViewRegistry;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.util.tracker.ServiceTracker;
import org.osgi.util.tracker.ServiceTrackerCustomizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.router.RouteConfiguration;

/**
 * Tracks {@link ViewContribution} services and keeps the Vaadin routes in step with them; tells
 * the open portal layouts when views come and go. Registered as the {@link ViewRegistry}.
 */
final class ViewWhiteboard
        implements ViewRegistry, PermissionListener, ServiceTrackerCustomizer<ViewContribution, ViewContribution> {
    private static final Logger LOG = LoggerFactory.getLogger(ViewWhiteboard.class);

    /** An open portal layout; told which view classes went away (possibly none). */
    interface Listener {
        void viewsChanged(Set<String> removedViewClasses);
    }

    private final BundleContext context;
    private final RouteConfiguration routes;
    private final Supplier<SecurityService> security;
    private final RouteBook book;
    private final PageActions actions;
    private final Map<Long, ViewContribution> contributions = new ConcurrentHashMap<>();
    private final Set<Listener> listeners = ConcurrentHashMap.newKeySet();
    private ServiceTracker<ViewContribution, ViewContribution> tracker;
    private ServiceRegistration<?> registration;

    ViewWhiteboard(BundleContext context, RouteConfiguration routes, Supplier<SecurityService> security,
            Set<String> reservedRoutes, PageActions actions) {
        this.context = context;
        this.actions = actions;
        this.routes = routes;
        this.security = security;
        this.book = new RouteBook(reservedRoutes);
    }

    void open() {
        tracker = new ServiceTracker<>(context, ViewContribution.class, this);
        tracker.open();
        registration = context.registerService(
                new String[] { ViewRegistry.class.getName(), PermissionListener.class.getName() }, this, null);
    }

    void close() {
        // the portal itself is going: open pages need not hear of each view leaving (their sessions are gone)
        listeners.clear();
        if (registration != null) {
            registration.unregister();
        }
        if (tracker != null) {
            tracker.close();
        }
    }

    void addListener(Listener listener) {
        listeners.add(listener);
    }

    void removeListener(Listener listener) {
        listeners.remove(listener);
    }

    Optional<String> permissionFor(Class<?> viewClass) {
        return book.permissionFor(viewClass.getName());
    }

    /**
     * A new view of a contributed view class, built by the contribution serving it; empty for
     * classes no contribution serves (the shell's own pages).
     */
    Optional<Component> createView(Class<?> viewClass) {
        return book.serviceServing(viewClass.getName()).map(contributions::get)
                .filter(c -> c.viewClass() == viewClass).map(c -> ContributedViews.create(c, viewClass));
    }

    @Override
    public List<RegisteredView> views() {
        return book.all();
    }

    @Override
    public List<RegisteredView> visibleTo(Caller caller) {
        SecurityService s = security.get();
        if (s == null || caller == null) {
            return List.of();
        }
        return book.active().stream().filter(v -> s.isPermitted(caller, v.permission())).toList();
    }

    @Override
    public List<PageAction> actionsOn(String target, String subject) {
        SecurityService s = security.get();
        if (s == null) {
            return List.of();
        }
        return actions.on(target, subject == null ? "" : subject, s::isPermitted);
    }

    /** A feature's permissions came or went: who sees which view may have changed. */
    @Override
    public void permissionsChanged() {
        fire(Set.of());
    }

    @Override
    public ViewContribution addingService(ServiceReference<ViewContribution> ref) {
        ViewContribution c = context.getService(ref);
        if (c == null) {
            return null;
        }
        long id = (Long) ref.getProperty(Constants.SERVICE_ID);
        contributions.put(id, c);
        RegisteredView proposed = describe(c, ref);
        RouteBook.Claim claim = book.claim(id, proposed);
        if (claim.granted()) {
            serve(id, c);
        } else {
            LOG.warn("Refused the view '{}' of bundle {}: {}", proposed.title(), proposed.bundle(),
                    claim.view().reason());
        }
        fire(Set.of());
        return c;
    }

    @Override
    public void modifiedService(ServiceReference<ViewContribution> ref, ViewContribution c) {
        // a contribution describes itself through its methods; service properties carry nothing
    }

    @Override
    public void removedService(ServiceReference<ViewContribution> ref, ViewContribution c) {
        long id = (Long) ref.getProperty(Constants.SERVICE_ID);
        contributions.remove(id);
        RouteBook.Release release = book.release(id);
        Set<String> removed = Set.of();
        if (release.removed().filter(RegisteredView::active).isPresent()) {
            RegisteredView gone = release.removed().get();
            routes.removeRoute(gone.route());
            removed = Set.of(gone.viewClassName());
            LOG.info("Removed the view route '{}' of bundle {}", gone.route(), gone.bundle());
        }
        release.promotedService().ifPresent(promoted -> {
            ViewContribution waiting = contributions.get(promoted);
            if (waiting != null) {
                serve(promoted, waiting);
            }
        });
        fire(removed);
        context.ungetService(ref);
    }

    private void serve(long id, ViewContribution c) {
        try {
            routes.setRoute(c.route(), c.viewClass(), MainLayout.class);
            LOG.info("Serving the view '{}' at /{} ({})", c.title(), c.route(), c.viewClass().getName());
        } catch (RuntimeException e) {
            book.refuse(id, "the router refused it: " + e.getMessage());
            LOG.warn("Refused the view route '{}': the router refused it", c.route(), e);
        }
    }

    private static RegisteredView describe(ViewContribution c, ServiceReference<ViewContribution> ref) {
        String viewClass;
        try {
            viewClass = c.viewClass() == null ? null : c.viewClass().getName();
        } catch (RuntimeException | LinkageError e) {
            viewClass = null;
        }
        return new RegisteredView(c.route(), c.title(), c.permission(), c.group(), c.order(), c.icon(), viewClass,
                ref.getBundle().getSymbolicName(), ref.getBundle().getBundleId(), false, "");
    }

    private void fire(Set<String> removedViewClasses) {
        for (Listener l : listeners) {
            try {
                l.viewsChanged(removedViewClasses);
            } catch (RuntimeException e) {
                // a UI whose session has ended: it will not come back
                LOG.debug("Dropping a portal layout listener: {}", e.toString());
                listeners.remove(l);
            }
        }
    }
}
