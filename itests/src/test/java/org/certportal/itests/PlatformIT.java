package org.certportal.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;

import javax.inject.Inject;
import javax.security.auth.Subject;

import org.apache.karaf.features.FeaturesService;
import org.certportal.security.api.AccessDeniedException;
import org.certportal.security.api.Caller;
import org.certportal.security.api.PortalUser;
import org.certportal.security.api.SecurityService;
import org.certportal.security.api.SignInFailedException;
import org.certportal.security.api.UserDirectory;
import org.certportal.ui.spi.RegisteredView;
import org.certportal.ui.spi.ViewContribution;
import org.certportal.ui.spi.ViewRegistry;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

import com.vaadin.flow.component.Component;

/** Boots the CertPortal distribution itself and checks the platform services and the view whiteboard. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PlatformIT {

    @Inject
    BundleContext context;
    @Inject
    FeaturesService features;
    @Inject
    SecurityService security;
    @Inject
    UserDirectory users;
    @Inject
    ViewRegistry views;

    @Configuration
    public Option[] config() {
        return Distribution.options(28181, 28101);
    }

    @Test
    public void platformFeatureAndServicesAreUp() throws Exception {
        assertTrue(features.isInstalled(features.getFeature("certportal-platform")));
        assertNotNull(security);
        assertNotNull(views);
        for (String bsn : List.of("org.certportal.security", "org.certportal.ui", "org.certportal.ui.spi")) {
            Bundle b = bundle(bsn);
            assertNotNull(bsn + " is installed", b);
            assertEquals(bsn + " is active", Bundle.ACTIVE, b.getState());
        }
    }

    @Test
    public void signInAndPermissionsAreEnforcedInTheServices() throws Exception {
        try {
            security.signIn("staff", "wrong-password".toCharArray());
            throw new AssertionError("a wrong password must be refused");
        } catch (SignInFailedException expected) {
            assertEquals("Wrong user name or password.", expected.getMessage());
        }
        Subject staff = security.signIn("staff", "certportal".toCharArray());
        Subject admin = security.signIn("sysadmin", "certportal".toCharArray());
        assertEquals("staff", security.callerOf(staff).orElseThrow().userName());

        assertTrue(refusal(() -> security.callAs(staff, () -> users.list())).contains("users.admin"));
        assertTrue(refusal(() -> users.list()).contains("not signed in"));

        List<PortalUser> all = security.callAs(admin, () -> users.list());
        assertTrue(all.stream().anyMatch(u -> u.userName().equals("certmanager")));
    }

    @Test
    public void contributedViewsComeAndGoWithTheirBundle() throws Exception {
        Caller staff = caller("staff");
        Caller manager = caller("certmanager");
        Caller records = caller("records");
        assertTrue(routes(views.visibleTo(manager)).isEmpty());

        Bundle sample = context.installBundle(new File(System.getProperty("certportal.sampleViews")).toURI().toString());
        sample.start();
        await(() -> routes(views.visibleTo(manager)).equals(List.of("sample", "sample-manager")));
        assertEquals(List.of("sample"), routes(views.visibleTo(staff)));
        assertEquals(List.of(), routes(views.visibleTo(records)));

        // a second bundle claiming a taken route is refused, with the reason kept
        ServiceRegistration<ViewContribution> rival = context.registerService(ViewContribution.class,
                new RivalView(), null);
        RegisteredView refused = sampleViews().stream().filter(v -> !v.active()).findFirst().orElseThrow();
        assertEquals("sample", refused.route());
        assertTrue(refused.reason(), refused.reason().contains("already served for bundle org.certportal.sample.views"));

        sample.uninstall();
        // the rival takes the freed route over; the manager view is gone
        await(() -> sampleViews().size() == 1 && sampleViews().get(0).active());
        assertEquals("Rival", sampleViews().get(0).title());
        // its permission left with the sample bundle: only SysAdmin holds an undefined permission
        assertEquals(List.of(), routes(views.visibleTo(manager)));
        assertEquals(List.of("sample"), routes(views.visibleTo(caller("sysadmin"))));
        rival.unregister();
        assertTrue(sampleViews().isEmpty());
    }

    /** The message of the AccessDeniedException the call must throw (JUnit 4.12 in the container has no assertThrows). */
    private static String refusal(Runnable call) {
        try {
            call.run();
        } catch (AccessDeniedException expected) {
            return expected.getMessage();
        }
        throw new AssertionError("the call was not refused");
    }

    private Caller caller(String user) throws SignInFailedException {
        return security.callerOf(security.signIn(user, "certportal".toCharArray())).orElseThrow();
    }

    /** The routes of the sample bundle (and its rival); feature bundles of the distribution are left out. */
    private static List<String> routes(List<RegisteredView> list) {
        return list.stream().map(RegisteredView::route).filter(r -> r.startsWith("sample")).sorted().toList();
    }

    private List<RegisteredView> sampleViews() {
        return views.views().stream().filter(v -> v.route().startsWith("sample")).toList();
    }

    private Bundle bundle(String symbolicName) {
        for (Bundle b : context.getBundles()) {
            if (symbolicName.equals(b.getSymbolicName())) {
                return b;
            }
        }
        return null;
    }

    /** DS activates components asynchronously: wait for the condition, up to a deadline. */
    private static void await(BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("condition not met within 30 s");
            }
            Thread.sleep(50);
        }
    }

    /** A contribution from another bundle (the test probe) that wants the same route. */
    static final class RivalView implements ViewContribution {
        @Override
        public String route() {
            return "sample";
        }

        @Override
        public String title() {
            return "Rival";
        }

        @Override
        public String permission() {
            return "sample.read";
        }

        @Override
        public Class<? extends Component> viewClass() {
            return RivalComponent.class;
        }
    }

    /** Minimal view class for the rival contribution. */
    public static final class RivalComponent extends Component {
        private static final long serialVersionUID = 1L;

        public RivalComponent() {
            super(new com.vaadin.flow.dom.Element("div"));
        }
    }
}
