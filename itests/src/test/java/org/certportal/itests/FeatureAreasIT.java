package org.certportal.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;

import javax.inject.Inject;

import org.apache.karaf.features.FeaturesService;
import org.certportal.ui.spi.RegisteredView;
import org.certportal.ui.spi.ViewRegistry;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;

/**
 * The certification feature areas hot-deployed in a running portal: uninstalling their features
 * takes their services and views away, installing them again brings both back, without a restart.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class FeatureAreasIT {
    private static final EnumSet<FeaturesService.Option> NO_REFRESH = EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles);

    @Inject
    BundleContext context;
    @Inject
    FeaturesService features;
    @Inject
    ViewRegistry views;

    @org.junit.Before
    public void awaitBoot() throws Exception {
        Distribution.awaitBoot(features);
    }

    @Configuration
    public Option[] config() {
        return Distribution.options(28481, 28401);
    }

    @Test
    public void certificationAreasComeAndGoWithTheirFeatures() throws Exception {
        String programs = "org.certportal.programs.api.ProgramService";
        String enrollments = "org.certportal.enrollments.api.EnrollmentService";
        String completions = "org.certportal.completions.api.CompletionService";
        Set<String> routes = Set.of("programs", "enrollments", "enrollee", "enrollments-purge", "approvals");

        await(() -> service(programs) && service(enrollments) && activeRoutes().containsAll(routes));
        // areas built on these come off first, or their features would keep these installed
        List<String> above = new java.util.ArrayList<>();
        for (String area : List.of("certportal-tracking", "certportal-credentials", "certportal-masscert")) {
            org.apache.karaf.features.Feature f = features.getFeature(area);
            if (f != null && features.isInstalled(f)) {
                uninstall(area);
                above.add(area);
            }
        }

        uninstall("certportal-completions");
        await(() -> !service(completions) && !activeRoutes().contains("approvals"));
        uninstall("certportal-enrollments");
        await(() -> !service(enrollments) && !activeRoutes().contains("enrollments"));
        assertTrue("programs stay", service(programs) && activeRoutes().contains("programs"));

        uninstall("certportal-programs");
        await(() -> !service(programs) && !activeRoutes().contains("programs"));
        assertNull(bundleNamed("org.certportal.programs"));

        features.installFeature("certportal-completions", NO_REFRESH);
        await(() -> service(programs) && service(enrollments) && service(completions) && activeRoutes().containsAll(routes),
                () -> "programs " + service(programs) + ", enrollments " + service(enrollments) + ", routes "
                        + activeRoutes() + ", bundles " + java.util.Arrays.stream(context.getBundles())
                                .filter(b -> b.getSymbolicName().startsWith("org.certportal"))
                                .map(b -> b.getSymbolicName() + ":" + b.getState()).toList());
        assertNotNull("completions pulled enrollments and programs back in", bundleNamed("org.certportal.programs"));
        assertEquals(List.of(), views.views().stream().filter(v -> routes.contains(v.route()) && !v.active())
                .map(RegisteredView::reason).toList());
        for (String area : above) {
            features.installFeature(area, NO_REFRESH);
        }
    }

    private void uninstall(String name) throws Exception {
        features.uninstallFeature(name, NO_REFRESH);
    }

    /**
     * Whether a service of that interface is registered, whoever exports the interface: the test's
     * own wiring still points at the first programs bundle after it was uninstalled.
     */
    private boolean service(String className) {
        try {
            return context.getAllServiceReferences(className, null) != null;
        } catch (org.osgi.framework.InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private Set<String> activeRoutes() {
        return views.views().stream().filter(RegisteredView::active).map(RegisteredView::route)
                .collect(java.util.stream.Collectors.toSet());
    }

    private org.osgi.framework.Bundle bundleNamed(String symbolicName) {
        for (org.osgi.framework.Bundle b : context.getBundles()) {
            if (symbolicName.equals(b.getSymbolicName())) {
                return b;
            }
        }
        return null;
    }

    /** Features and DS work asynchronously: wait for the condition, up to a deadline. */
    private static void await(BooleanSupplier condition) throws InterruptedException {
        await(condition, () -> "");
    }

    private static void await(BooleanSupplier condition, java.util.function.Supplier<String> state)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("condition not met within 60 s " + state.get());
            }
            Thread.sleep(100);
        }
    }
}
