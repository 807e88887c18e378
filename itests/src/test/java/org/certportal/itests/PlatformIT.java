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
import javax.sql.DataSource;
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
import org.osgi.service.cm.ConfigurationAdmin;
import org.ops4j.pax.exam.util.Filter;

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
    @Inject
    ConfigurationAdmin configurations;
    @Inject
    @Filter("(osgi.jndi.service.name=certportal)")
    DataSource dataSource;

    @org.junit.Before
    public void awaitBoot() throws Exception {
        Distribution.awaitBoot(features);
    }

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

    /**
     * A feature whose migration fails is stopped with its services and views; the failed changeset
     * left nothing behind; once fixed, the same bundle starts, migrates and its service appears.
     */
    @Test
    public void aBadMigrationStopsItsBundleAndLeavesNothingHalfApplied() throws Exception {
        Bundle sample = context.installBundle(new File(System.getProperty("certportal.sampleViews")).toURI().toString());
        org.osgi.service.cm.Configuration config = configurations.getConfiguration("org.certportal.sample.migration", "?");
        try {
            sample.start();
            config.update(new java.util.Hashtable<>(java.util.Map.of("changelog", "db/sample-bad.changelog.xml")));
            await(() -> sample.getState() == Bundle.RESOLVED);
            assertEquals("the bundle's services are gone with it", null,
                    context.getServiceReference("org.certportal.sample.views.internal.SampleMigrated"));
            assertTrue(sampleViews().stream().noneMatch(RegisteredView::active));
            assertEquals("the first changeset stays", 1, count("SELECT COUNT(*) FROM databasechangelog WHERE id = 'sample-1'"));
            assertEquals("the failed changeset is not recorded", 0,
                    count("SELECT COUNT(*) FROM databasechangelog WHERE id = 'sample-bad-2'"));
            assertEquals("its insert rolled back", 0, count("SELECT COUNT(*) FROM sample_thing"));

            // fixed (here: configured with the good changelog), the bundle starts and migrates
            config.update(new java.util.Hashtable<>(java.util.Map.of("changelog", "db/sample-good.changelog.xml")));
            sample.start();
            // SCR registers an immediate component's service as it activates it: wait for the migration itself
            await(() -> count("SELECT COUNT(*) FROM sample_thing") == 1);
            await(() -> context.getServiceReference("org.certportal.sample.views.internal.SampleMigrated") != null);
        } finally {
            config.delete();
            sample.uninstall();
        }
    }

    private long count(String sql) {
        try (java.sql.Connection c = dataSource.getConnection(); java.sql.ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
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
