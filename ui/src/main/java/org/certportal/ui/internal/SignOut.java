package org.certportal.ui.internal;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.HttpSession;

import com.vaadin.flow.server.WrappedSession;

/**
 * Sign-out happens only on the portal's own request: the header's button (a Vaadin message) sends
 * the browser to the sign-out address with a one-time token, or the sign-out page posts its form. A
 * GET without the token (a link, or an image another site plants in a page a signed-in user opens)
 * signs no one out: it shows the page with the button that does.
 */
final class SignOut {
    static final String PATH = "/sign-out";
    static final String CONFIRM_BUTTON_ID = "sign-out-confirm";
    private static final String TOKEN = "org.certportal.ui.signOutToken";
    private static final SecureRandom RANDOM = new SecureRandom();

    private SignOut() {
    }

    /**
     * A new one-time token for the session, which the sign-out address then accepts in a GET: the
     * click that asks for it is a Vaadin message (a POST carrying Vaadin's CSRF token), and no other
     * site can know it.
     */
    static String newToken(WrappedSession session) {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        session.setAttribute(TOKEN, token);
        return token;
    }

    /** Whether the request carries the token its session holds. */
    static boolean hasToken(HttpServletRequest request, HttpSession session) {
        Object expected = session == null ? null : session.getAttribute(TOKEN);
        String given = request.getParameter("token");
        return expected != null && given != null && MessageDigest.isEqual(
                expected.toString().getBytes(StandardCharsets.US_ASCII), given.getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * Whether the request comes from the portal's own page. Browsers send Origin with every POST; when
     * it names another host the request was sent by another site's page.
     */
    static boolean fromOwnPage(HttpServletRequest request) {
        String origin = request.getHeader("Origin");
        if (origin == null) {
            return true; // an old browser or a tool: the SameSite cookie keeps other sites' requests out
        }
        String host = request.getHeader("Host");
        try {
            URI uri = new URI(origin);
            if (host == null || uri.getHost() == null) {
                return false;
            }
            String authority = uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
            return authority.equalsIgnoreCase(host);
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** The page a GET of the sign-out address shows: one button posting the sign-out. */
    static void confirmationPage(HttpServletResponse response) throws IOException {
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        byte[] page = ("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"UTF-8\"><title>Sign out · CertPortal"
                + "</title></head><body style=\"font-family: sans-serif; margin: 3em\"><h1>CertPortal</h1>"
                + "<form method=\"post\" action=\"" + PATH + "\"><p>Sign out of CertPortal?</p>"
                + "<button type=\"submit\" id=\"" + CONFIRM_BUTTON_ID + "\">Sign out</button> "
                + "<a href=\"/\">Stay signed in</a></form></body></html>").getBytes(StandardCharsets.UTF_8);
        response.setContentLength(page.length);
        response.getOutputStream().write(page);
    }
}
