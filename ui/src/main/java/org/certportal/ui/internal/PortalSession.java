package org.certportal.ui.internal;

import java.time.Duration;
import java.util.Optional;

import javax.security.auth.Subject;

import org.certportal.security.api.Caller;
import org.certportal.security.api.SecurityService;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.WrappedSession;

/** The signed-in subject lives in the HTTP session; these read and change it. */
public final class PortalSession {
    static final String SUBJECT = "org.certportal.ui.subject";
    static final String AFTER_SIGN_IN = "org.certportal.ui.afterSignIn";

    private PortalSession() {
    }

    public static Optional<Subject> subject() {
        VaadinSession session = VaadinSession.getCurrent();
        return session == null ? Optional.empty()
                : Optional.ofNullable((Subject) session.getSession().getAttribute(SUBJECT));
    }

    public static boolean isSignedIn() {
        return subject().isPresent();
    }

    public static Optional<Caller> caller(SecurityService security) {
        return subject().flatMap(security::callerOf);
    }

    public static void signIn(Subject subject, Duration idleTimeout) {
        // a new session id on sign-in, so an id planted before it is worth nothing after it
        if (VaadinRequest.getCurrent() instanceof VaadinServletRequest request) {
            request.getHttpServletRequest().changeSessionId();
        }
        WrappedSession session = VaadinSession.getCurrent().getSession();
        session.setAttribute(SUBJECT, subject);
        session.setMaxInactiveInterval((int) Math.min(Integer.MAX_VALUE, idleTimeout.toSeconds()));
    }

    /**
     * Sends the browser to {@link SignOut#PATH} with a one-time token, which ends the session outside
     * Vaadin: invalidating it inside this request could lose the redirect to the sign-in page.
     */
    public static void signOut(UI ui) {
        String token = SignOut.newToken(VaadinSession.getCurrent().getSession());
        ui.getPage().setLocation(SignOut.PATH + "?token=" + token);
    }

    /** Remembers where a signed-out user wanted to go. */
    public static void rememberTarget(String path) {
        VaadinSession.getCurrent().getSession().setAttribute(AFTER_SIGN_IN, path);
    }

    public static String takeTarget() {
        WrappedSession session = VaadinSession.getCurrent().getSession();
        Object target = session.getAttribute(AFTER_SIGN_IN);
        session.removeAttribute(AFTER_SIGN_IN);
        return target == null ? "" : target.toString();
    }
}
