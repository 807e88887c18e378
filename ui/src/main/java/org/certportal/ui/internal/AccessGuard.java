package org.certportal.ui.internal;

import java.util.Optional;

import org.certportal.security.api.Caller;
import org.certportal.security.api.Permissions;
import org.certportal.security.api.SecurityService;
import org.certportal.ui.internal.views.AccessDeniedView;
import org.certportal.ui.internal.views.LoginView;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterListener;
import com.vaadin.flow.router.HasErrorParameter;

/**
 * Before every navigation: signed-out users go to the sign-in page (and come back after), users
 * without the view's permission see the access-denied page.
 */
final class AccessGuard implements BeforeEnterListener {
    private static final long serialVersionUID = 1L;
    private final transient PortalContext portal;

    AccessGuard(PortalContext portal) {
        this.portal = portal;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Class<?> target = event.getNavigationTarget();
        if (target == LoginView.class || HasErrorParameter.class.isAssignableFrom(target)) {
            return;
        }
        SecurityService security = portal.security();
        Optional<Caller> caller = PortalSession.caller(security);
        if (caller.isEmpty()) {
            PortalSession.rememberTarget(event.getLocation().getPathWithQueryParameters());
            event.forwardTo(LoginView.class);
            return;
        }
        if (target == AccessDeniedView.class) {
            return;
        }
        String permission = portal.views().permissionFor(target).orElse(Permissions.PORTAL_ACCESS);
        if (!security.isPermitted(caller.get(), Permissions.PORTAL_ACCESS)
                || !security.isPermitted(caller.get(), permission)) {
            event.rerouteTo(AccessDeniedView.class);
        }
    }
}
