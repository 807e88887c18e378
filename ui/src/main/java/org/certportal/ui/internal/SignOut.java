package org.certportal.ui.internal;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasComponents;
import com.vaadin.flow.dom.Element;

/**
 * Sign-out is a POST from the portal's own pages. A GET (a link, or an image another site plants in
 * a page a signed-in user opens) signs no one out: it shows a page with the button that does.
 */
final class SignOut {
    static final String PATH = "/sign-out";
    static final String CONFIRM_BUTTON_ID = "sign-out-confirm";
    private static final String FORM_ID = "sign-out-form";

    private SignOut() {
    }

    /**
     * Makes the button post a hidden form added to the container, in the browser alone: no round trip
     * to Vaadin first, so nothing can lose the sign-out between the click and the post.
     */
    static void postFrom(Component button, HasComponents container) {
        Element form = new Element("form");
        form.setAttribute("id", FORM_ID);
        form.setAttribute("method", "post");
        form.setAttribute("action", PATH);
        form.setAttribute("hidden", true);
        container.getElement().appendChild(form);
        button.getElement().setAttribute("onclick", "document.getElementById('" + FORM_ID + "').submit()");
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
