package org.certportal.ui.internal;

import java.io.IOException;
import java.util.Optional;

import javax.security.auth.Subject;
import javax.servlet.ServletContext;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.HttpSession;

import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;

import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.server.VaadinServlet;
import com.vaadin.flow.server.VaadinServletContext;
import com.vaadin.flow.server.startup.ApplicationRouteRegistry;

/**
 * The portal's Vaadin servlet. Opens the portal context once Vaadin is initialised (so contributed
 * routes go into the registry Vaadin already built) and runs every request as the signed-in user,
 * so that services called by views see who is calling.
 */
public class PortalServlet extends VaadinServlet {
    private static final long serialVersionUID = 1L;
    /** A plain GET that ends the session and redirects to the sign-in page. */
    static final String SIGN_OUT_PATH = "/sign-out";
    private transient PortalContext portal;

    @Override
    protected void servletInitialized() throws ServletException {
        super.servletInitialized();
        ServletContext sc = getServletContext();
        BundleContext bc = (BundleContext) sc.getAttribute("osgi-bundlecontext");
        if (bc == null) {
            bc = FrameworkUtil.getBundle(PortalServlet.class).getBundleContext();
        }
        ApplicationRouteRegistry registry = ApplicationRouteRegistry.getInstance(new VaadinServletContext(sc));
        portal = PortalContext.open(bc, RouteConfiguration.forRegistry(registry));
        getService().getContext().setAttribute(PortalContext.class, portal);
        getService().addSessionInitListener(e -> e.getSession().setErrorHandler(new PortalErrorHandler()));
        getService().addUIInitListener(e -> e.getUI().addBeforeEnterListener(new AccessGuard(portal)));
    }

    @Override
    public void destroy() {
        if (portal != null) {
            portal.close();
        }
        super.destroy();
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (SIGN_OUT_PATH.equals(request.getPathInfo())) {
            if (session != null) {
                session.invalidate();
            }
            response.sendRedirect(request.getContextPath() + "/login");
            return;
        }
        Optional<Subject> subject = Optional.ofNullable(session == null ? null
                : (Subject) session.getAttribute(PortalSession.SUBJECT));
        if (subject.isEmpty() || portal == null) {
            super.service(request, response);
            return;
        }
        try {
            portal.security().callAs(subject.get(), () -> {
                try {
                    super.service(request, response);
                } catch (ServletException | IOException e) {
                    throw new Tunnel(e);
                }
                return null;
            });
        } catch (Tunnel t) {
            if (t.getCause() instanceof IOException io) {
                throw io;
            }
            throw (ServletException) t.getCause();
        }
    }

    /** Carries a checked exception out of the privileged action. */
    private static final class Tunnel extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Tunnel(Exception cause) {
            super(cause);
        }
    }
}
