package org.certportal.ui.internal;

import java.util.Optional;

import org.certportal.ui.spi.ViewContribution;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.di.DefaultInstantiator;
import com.vaadin.flow.function.SerializableFunction;
import com.vaadin.flow.router.NavigationEvent;
import com.vaadin.flow.server.VaadinService;

/**
 * Builds the route targets Vaadin navigates to: a contributed view by its contribution (which
 * hands it the services it calls), the shell's own pages and layout as Vaadin always does.
 */
final class ContributedViews extends DefaultInstantiator {
    private static final long serialVersionUID = 1L;
    private final SerializableFunction<Class<?>, Optional<Component>> views;

    /** @param views a new view of a contributed class, or empty for any other class */
    ContributedViews(VaadinService service, SerializableFunction<Class<?>, Optional<Component>> views) {
        super(service);
        this.views = views;
    }

    /** Contributed views of the portal of that service. */
    static ContributedViews of(VaadinService service) {
        return new ContributedViews(service, type -> {
            PortalContext portal = service.getContext().getAttribute(PortalContext.class);
            return portal == null ? Optional.empty() : portal.views().createView(type);
        });
    }

    @Override
    public <T extends HasElement> T createRouteTarget(Class<T> routeTargetType, NavigationEvent event) {
        Optional<Component> view = views.apply(routeTargetType);
        return view.isPresent() ? routeTargetType.cast(view.get()) : super.createRouteTarget(routeTargetType, event);
    }

    /** The contribution's new view, checked to be what it routes to. */
    static Component create(ViewContribution contribution, Class<?> viewClass) {
        Component view = contribution.createView();
        if (!viewClass.isInstance(view)) {
            throw new IllegalStateException("The contribution of the view '" + contribution.title() + "' built "
                    + (view == null ? "nothing" : "a " + view.getClass().getName()) + ", not its view class "
                    + viewClass.getName());
        }
        return view;
    }
}
