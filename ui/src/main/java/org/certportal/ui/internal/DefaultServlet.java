package org.certportal.ui.internal;

import java.io.IOException;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * The web application's "default" servlet, declared in web.xml so that Pax Web does not add its own:
 * Pax Web's is registered without a class name, which Vaadin reads as a servlet it cannot load
 * ("Failed to load class null") and as a Vaadin servlet needing a second Atmosphere ("Atmosphere
 * already initialized" once that is prevented). The portal servlet at /* serves every request, static
 * files included, so nothing reaches this one.
 */
public class DefaultServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.sendError(HttpServletResponse.SC_NOT_FOUND);
    }
}
