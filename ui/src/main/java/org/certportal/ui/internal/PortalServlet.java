package org.certportal.ui.internal;

import java.io.IOException;
import java.util.Optional;

import javax.security.auth.Subject;
import javax.servlet.ServletContext;
import javax.servlet.ServletException;
import javax.servlet.SessionCookieConfig;
import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.HttpSession;

import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.vaadin.flow.di.Instantiator;
import com.vaadin.flow.function.DeploymentConfiguration;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.server.ServiceException;
import com.vaadin.flow.server.VaadinServlet;
import com.vaadin.flow.server.VaadinServletService;
import com.vaadin.flow.server.VaadinServletContext;
import com.vaadin.flow.server.startup.ApplicationRouteRegistry;

/**
 * The portal's Vaadin servlet. Opens the portal context once Vaadin is initialised (so contributed
 * routes go into the registry Vaadin already built) and runs every request as the signed-in user,
 * so that services called by views see who is calling.
 */
public class PortalServlet extends VaadinServlet {
    private static final Logger LOG = LoggerFactory.getLogger(PortalServlet.class);
    private static final long serialVersionUID = 1L;
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

    /** Vaadin's service, with contributed views built by their contributions. */
    @Override
    protected VaadinServletService createServletService(DeploymentConfiguration configuration)
            throws ServiceException {
        VaadinServletService service = new PortalService(this, configuration);
        service.init();
        return service;
    }

    private static final class PortalService extends VaadinServletService {
        private static final long serialVersionUID = 1L;

        PortalService(VaadinServlet servlet, DeploymentConfiguration configuration) {
            super(servlet, configuration);
        }

        @Override
        protected Instantiator createInstantiator() {
            return ContributedViews.of(this);
        }
    }

    @Override
    public void destroy() {
        if (portal != null) {
            portal.close();
        }
        super.destroy();
    }

    /**
     * Tells the browser to drop the ended session's cookie. Jetty gives a new session the id the
     * request names when that id is still known (a push request of the signed-out page can hold it
     * a moment longer) and then fails with "Create session failed: … already in cache"; without the
     * cookie the sign-in page gets a fresh id.
     */
    private static void forgetSessionCookie(HttpServletRequest request, HttpServletResponse response) {
        SessionCookieConfig config = request.getServletContext().getSessionCookieConfig();
        String name = config == null || config.getName() == null ? "JSESSIONID" : config.getName();
        String path = config != null && config.getPath() != null ? config.getPath()
                : request.getContextPath().isEmpty() ? "/" : request.getContextPath();
        Cookie cookie = new Cookie(name, "");
        cookie.setPath(path);
        cookie.setMaxAge(0);
        cookie.setHttpOnly(true);
        cookie.setSecure(request.isSecure()); // as the session cookie it replaces
        response.addCookie(cookie);
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        HttpHardening.secureHeaders(response);
        Optional<String> malformed = HttpHardening.malformed(request);
        if (malformed.isPresent()) {
            LOG.info("Refused a malformed request from {}: {}", request.getRemoteAddr(), malformed.get());
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, malformed.get());
            return;
        }
        if (HttpHardening.isUidl(request)) {
            byte[] body = request.getInputStream().readNBytes(HttpHardening.MAX_UIDL_BYTES + 1);
            if (body.length > HttpHardening.MAX_UIDL_BYTES) {
                LOG.info("Refused a message of {} bytes from {}", request.getContentLengthLong(), request.getRemoteAddr());
                response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "The message is too large.");
                return;
            }
            ReadBodyRequest read = new ReadBodyRequest(request, body);
            malformed = HttpHardening.malformedUidl(read.text());
            if (malformed.isPresent()) {
                LOG.info("Refused a malformed request from {}: {}", request.getRemoteAddr(), malformed.get());
                response.sendError(HttpServletResponse.SC_BAD_REQUEST, malformed.get());
                return;
            }
            serve(read, response);
        } else {
            serve(request, response);
        }
    }

    private void serve(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (SignOut.PATH.equals(request.getPathInfo())) {
            signOut(request, response, session);
            return;
        }
        Optional<Subject> subject = Optional.ofNullable(session == null ? null
                : (Subject) session.getAttribute(PortalSession.SUBJECT));
        if (subject.isPresent() && portal != null && portal.security().callerOf(subject.get()).isEmpty()) {
            // the account was disabled or its password reset since sign-in: the session ends now
            LOG.info("Ending a session of {}: the account was disabled or its password reset since sign-in",
                    request.getRemoteAddr());
            session.invalidate();
            forgetSessionCookie(request, response);
            if ("GET".equals(request.getMethod())) {
                response.sendRedirect(request.getContextPath() + "/login");
                return;
            }
            subject = Optional.empty(); // a Vaadin request of an open page: it answers "session expired"
        }
        if (subject.isEmpty() || portal == null) {
            try {
                serveVaadin(request, response);
            } catch (ServletException e) {
                if (!sessionCreationFailed(e) || response.isCommitted() || !"GET".equals(request.getMethod())) {
                    throw e;
                }
                // Jetty would not reuse the id of a session it still holds for an ended one: start afresh
                LOG.warn("No new session under the id of an ended one ({}); sending the browser on without it",
                        request.getRequestURI());
                forgetSessionCookie(request, response);
                String query = request.getQueryString();
                response.sendRedirect(request.getRequestURI() + (query == null ? "" : "?" + query));
            }
            return;
        }
        try {
            portal.security().callAs(subject.get(), () -> {
                try {
                    serveVaadin(request, response);
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

    /**
     * Vaadin's handling of the request. Vaadin's own requests (heartbeat, UIDL, upload...) that it
     * cannot read fail with an exception: that is a bad request, answered with a 400 and one log line,
     * not a 500 with a stack trace any anonymous client could fill the log with.
     */
    private void serveVaadin(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        try {
            super.service(request, response);
        } catch (ServletException | RuntimeException e) {
            String kind = request.getParameter("v-r");
            if (kind == null || response.isCommitted() || sessionCreationFailed(e)) {
                throw e;
            }
            LOG.info("Refused a malformed Vaadin '{}' request from {}: {}", HttpHardening.printable(kind),
                    request.getRemoteAddr(), HttpHardening.printable(String.valueOf(rootCause(e))));
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, "Malformed request");
        }
    }

    /** A POST from the portal's page or a GET with the session's token ends the session; any other GET only asks. */
    private static void signOut(HttpServletRequest request, HttpServletResponse response, HttpSession session)
            throws IOException {
        if (!"POST".equals(request.getMethod()) && !SignOut.hasToken(request, session)) {
            if (session == null || session.getAttribute(PortalSession.SUBJECT) == null) {
                response.sendRedirect(request.getContextPath() + "/login");
            } else {
                SignOut.confirmationPage(response);
            }
            return;
        }
        if ("POST".equals(request.getMethod()) && !SignOut.fromOwnPage(request)) {
            LOG.info("Refused a sign-out from {} posted by another site ({})", request.getRemoteAddr(),
                    HttpHardening.printable(request.getHeader("Origin")));
            response.sendError(HttpServletResponse.SC_FORBIDDEN, "Sign out from the portal's own page.");
            return;
        }
        if (session != null) {
            session.invalidate();
        }
        forgetSessionCookie(request, response);
        if ("POST".equals(request.getMethod())) {
            response.setStatus(HttpServletResponse.SC_SEE_OTHER);
            response.setHeader("Location", request.getContextPath() + "/login");
        } else {
            response.sendRedirect(request.getContextPath() + "/login");
        }
    }

    private static Throwable rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    private static boolean sessionCreationFailed(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IllegalStateException && "Create session failed".equals(t.getMessage())) {
                return true;
            }
        }
        return false;
    }

    /** Carries a checked exception out of the privileged action. */
    private static final class Tunnel extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Tunnel(Exception cause) {
            super(cause);
        }
    }
}
