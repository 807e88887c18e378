package org.certportal.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.OptionalInt;
import java.util.Set;
import java.util.List;

import java.sql.Connection;
import java.sql.ResultSet;

import javax.inject.Inject;
import javax.sql.DataSource;
import javax.security.auth.Subject;

import org.certportal.audit.api.AuditLog;
import org.certportal.audit.api.AuditRecord;
import org.certportal.contacts.api.Contact;
import org.certportal.contacts.api.ContactDraft;
import org.certportal.contacts.api.ContactService;
import org.certportal.persistence.api.Page;
import org.certportal.persistence.api.PageRequest;
import org.certportal.security.api.AccessDeniedException;
import org.certportal.security.api.SecurityService;
import org.certportal.settings.api.OrganisationSettings;
import org.certportal.settings.api.SettingsService;
import org.certportal.mail.api.MailMessage;
import org.certportal.mail.api.MailOutbox;
import org.certportal.mail.api.OutboxEntry;
import org.certportal.accounting.api.AccountingPermissions;
import org.certportal.accounting.api.AccountingService;
import org.certportal.accounting.api.Batch;
import org.certportal.accounting.api.OrderRequest;
import org.certportal.accounting.api.OrderStatus;
import org.certportal.credentials.api.AwardCriteria;
import org.certportal.credentials.api.CredentialPermissions;
import org.certportal.credentials.api.CredentialService;
import org.certportal.enrollments.api.CertificationStatus;
import org.certportal.enrollments.api.Enrollment;
import org.certportal.enrollments.api.EnrollmentPermissions;
import org.certportal.enrollments.api.EnrollmentService;
import org.certportal.enrollments.api.PurgeCandidate;
import org.certportal.process.api.ProcessService;
import org.certportal.process.api.RunFilter;
import org.certportal.process.api.RunOptions;
import org.certportal.programs.api.GradeType;
import org.certportal.programs.api.Program;
import org.certportal.programs.api.ProgramDraft;
import org.certportal.programs.api.ProgramOptions;
import org.certportal.programs.api.ProgramService;
import org.certportal.programs.api.ProgramStatus;
import org.certportal.programs.api.RequirementDraft;
import org.certportal.programs.api.RequirementKind;
import org.certportal.security.api.Caller;
import org.certportal.security.api.PermissionDefinition;
import org.certportal.security.api.PermissionProvider;
import org.certportal.tracking.api.MassDropService;
import org.certportal.tracking.api.TrackingPermissions;
import org.certportal.ui.spi.RegisteredView;
import org.certportal.ui.spi.ViewRegistry;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.util.Filter;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * The core services (contacts, audit, settings) in the distribution, on its default embedded database,
 * and the role matrix (RoleMatrix) across every area: it boots every area, so the matrix needs no start of its own.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class CoreServicesIT {
    private static final long BOOT_TIMEOUT = 120_000;

    @Inject
    SecurityService security;
    @Inject
    org.apache.karaf.features.FeaturesService features;
    // the areas start after the platform: on a busy machine that can take longer than Pax Exam's 10 s default
    @Inject
    @Filter(timeout = BOOT_TIMEOUT)
    ContactService contacts;
    @Inject
    @Filter(timeout = BOOT_TIMEOUT)
    AuditLog audit;
    @Inject
    @Filter(timeout = BOOT_TIMEOUT)
    SettingsService settings;
    @Inject
    @Filter(timeout = BOOT_TIMEOUT)
    MailOutbox outbox;
    @Inject
    @Filter(value = "(osgi.jndi.service.name=certportal)", timeout = BOOT_TIMEOUT)
    DataSource dataSource;
    @Inject
    BundleContext context;
    @Inject
    @Filter(timeout = BOOT_TIMEOUT)
    ViewRegistry views;
    @Inject
    @Filter(timeout = BOOT_TIMEOUT)
    ProgramService programs;
    @Inject
    @Filter(timeout = BOOT_TIMEOUT)
    EnrollmentService enrollments;
    @Inject
    @Filter(timeout = BOOT_TIMEOUT)
    AccountingService accounting;
    @Inject
    @Filter(timeout = BOOT_TIMEOUT)
    CredentialService credentials;
    @Inject
    @Filter(timeout = BOOT_TIMEOUT)
    ProcessService processes;

    /** The product name the data source must report. */
    protected String expectedDatabase() {
        return "H2";
    }

    @org.junit.Before
    public void awaitBoot() throws Exception {
        Distribution.awaitBoot(features);
    }

    @Configuration
    public Option[] config() {
        return Distribution.options(28281, 28201);
    }

    private Subject as(String user) throws Exception {
        return security.signIn(user, "certportal".toCharArray());
    }

    @Test
    public void runsOnTheConfiguredDatabaseWithTheMigratedSchema() throws Exception {
        try (Connection c = dataSource.getConnection()) {
            assertEquals(expectedDatabase(), c.getMetaData().getDatabaseProductName());
            try (ResultSet rs = c.createStatement().executeQuery(
                    "SELECT COUNT(*) FROM databasechangelog WHERE id = 'contacts-1'")) {
                assertTrue(rs.next());
                assertEquals("the changeset ran exactly once", 1, rs.getInt(1));
            }
        }
    }

    @Test
    public void createsFindsAndPagesInTheDatabase() throws Exception {
        Subject staff = as("staff");
        Contact ada = security.callAs(staff, () -> contacts.create(
                new ContactDraft("Ada", "Lovelace", "Ada@Example.org", LocalDate.of(1990, 12, 10), "S-0001")));
        assertEquals("ada@example.org", ada.email());
        for (int i = 0; i < 30; i++) {
            int n = i;
            security.callAs(staff, () -> contacts.create(
                    new ContactDraft("Given" + n, String.format("Zed%02d", n), null, null, null)));
        }
        Page<Contact> page = security.callAs(staff, () -> contacts.search("zed", new PageRequest(10, 5, null, true)));
        assertEquals(30, page.total());
        assertEquals(List.of("Zed10", "Zed11", "Zed12", "Zed13", "Zed14"),
                page.items().stream().map(Contact::familyName).toList());
        Page<Contact> byId = security.callAs(staff, () -> contacts.search("S-0001", PageRequest.first(10)));
        assertEquals(List.of(ada.id()), byId.items().stream().map(Contact::id).toList());
        java.util.Map<Long, Contact> some = security.callAs(staff, () -> contacts.findAll(
                List.of(ada.id(), page.items().get(0).id(), ada.id(), -1L)));
        assertEquals("each found once, unknown ids left out", java.util.Set.of(ada.id(), page.items().get(0).id()),
                some.keySet());
        assertEquals("Lovelace", some.get(ada.id()).familyName());
        Page<Contact> wildcard = security.callAs(staff, () -> contacts.search("%", PageRequest.first(10)));
        assertEquals("a % in the search text matches itself only", 0, wildcard.total());

        Contact renamed = security.callAs(staff, () -> contacts.update(ada.id(), ada.version(),
                new ContactDraft("Ada", "King", "ada@example.org", null, "S-0001")));
        assertEquals("King", renamed.familyName());

        // both changes are in the audit log, newest first, with who and what
        Page<AuditRecord> trail = security.callAs(as("sysadmin"),
                () -> audit.search("contact", String.valueOf(ada.id()), null, PageRequest.first(10)));
        assertEquals(2, trail.total());
        assertEquals(List.of("updated", "created"), trail.items().stream().map(AuditRecord::action).toList());
        assertEquals("staff", trail.items().get(0).actor());
        assertEquals("familyName: Lovelace → King\nbirthDate: 1990-12-10 → ∅", trail.items().get(0).changes());
        assertTrue(message(() -> security.callAs(staff, () -> audit.search(null, null, null, PageRequest.first(1))))
                .contains("audit.read"));
    }

    @Test
    public void settingsAreReadByAllChangedBySysadminAndAudited() throws Exception {
        Subject admin = as("sysadmin");
        Subject staff = as("staff");
        OrganisationSettings wanted = new OrganisationSettings(ZoneId.of("America/Toronto"), OptionalInt.of(60),
                5L * 1024 * 1024, Set.of("application/pdf"));
        security.callAs(admin, () -> settings.update(wanted));
        assertEquals(wanted, security.callAs(staff, () -> settings.current()));

        String denied = message(() -> security.callAs(staff, () -> settings.update(OrganisationSettings.defaults())));
        assertTrue(denied, denied.contains("settings.edit"));
        String invalid = message(() -> security.callAs(admin, () -> settings.update(new OrganisationSettings(
                ZoneId.of("UTC"), OptionalInt.of(0), 2048, Set.of("application/pdf")))));
        assertTrue(invalid, invalid.startsWith("Expiring notices"));
        assertEquals("refused changes leave the settings as they were", wanted,
                security.callAs(staff, () -> settings.current()));

        Page<AuditRecord> trail = security.callAs(admin,
                () -> audit.search("settings", "organisation", "sysadmin", PageRequest.first(5)));
        assertTrue(trail.items().get(0).changes(), trail.items().get(0).changes().contains("timeZone: UTC → America/Toronto")
                || trail.items().get(0).changes().contains("→ America/Toronto"));
    }

    @Test
    public void createsManyAtOnceOrNoneWhenOneIsInvalid() throws Exception {
        Subject staff = as("staff");
        long before = security.callAs(staff, () -> contacts.search("", PageRequest.first(1)).total());
        List<ContactDraft> good = new java.util.ArrayList<>();
        for (int i = 0; i < 12; i++) {
            good.add(new ContactDraft("Bulk", "Many" + i, "bulk" + i + "@example.org", null, "BULK-" + i));
        }
        assertEquals(12, (int) security.callAs(staff, () -> contacts.createAll(good)));
        List<ContactDraft> bad = new java.util.ArrayList<>(good.subList(0, 3));
        bad.replaceAll(d -> new ContactDraft(d.givenName(), d.familyName(), d.email(), null, null));
        bad.add(new ContactDraft("Bulk", "Broken", "broken@", null, null));
        String refused = message(() -> security.callAs(staff, () -> contacts.createAll(bad)));
        assertEquals("Contact 4: Email 'broken@' is not a valid address.", refused);
        String taken = message(() -> security.callAs(staff, () -> contacts.createAll(good.subList(0, 2))));
        assertTrue(taken, taken.startsWith("External identifier(s) already taken: BULK-"));
        assertEquals(before + 12, (long) security.callAs(staff, () -> contacts.search("", PageRequest.first(1)).total()));
    }

    @Test
    public void refusesBadInputAndCallersWithoutTheRole() throws Exception {
        Subject staff = as("staff");
        Subject records = as("records");
        long before = security.callAs(staff, () -> contacts.search("", PageRequest.first(1)).total());
        String invalid = message(() -> security.callAs(staff,
                () -> contacts.create(new ContactDraft("Bob", "Builder", "not-an-email", null, null))));
        assertEquals("Email 'not-an-email' is not a valid address.", invalid);
        String denied = message(() -> security.callAs(records,
                () -> contacts.create(new ContactDraft("Bob", "Builder", null, null, null))));
        assertTrue(denied, denied.contains("contacts.edit"));
        security.callAs(staff, () -> contacts.create(new ContactDraft("Eve", "Twin", null, null, "S-0002")));
        String duplicate = message(() -> security.callAs(staff,
                () -> contacts.create(new ContactDraft("Eve", "Other", null, null, "S-0002"))));
        assertTrue(duplicate, duplicate.contains("already has the external identifier"));
        assertTrue("reading many contacts checks the caller too",
                message(() -> contacts.findAll(List.of(1L))).contains("not signed in"));
        // Student Records may read
        long after = security.callAs(records, () -> contacts.search("", PageRequest.first(1)).total());
        assertEquals(before + 1, after);
    }

    /**
     * The staff guide's role table as a whole (RoleMatrix): each demo user, holding one role, may open
     * exactly the routes and holds exactly the permissions of their column, every served route and
     * every defined permission has a row, and the guide's own table says the same where it names them.
     */
    @Test
    public void eachRoleOpensTheRoutesAndHoldsThePermissionsOfTheRoleMatrix() throws Exception {
        List<String> routes = RoleMatrix.ROUTES.stream().map(RoleMatrix.Row::name).toList();
        java.time.Instant deadline = java.time.Instant.now().plusSeconds(60);
        while (!activeRoutes().containsAll(routes) && java.time.Instant.now().isBefore(deadline)) {
            Thread.sleep(100); // the areas register their views as they start
        }
        assertEquals("no contribution is refused (certportal:views --refused)", List.of(), views.views().stream()
                .filter(v -> !v.active()).map(v -> v.route() + ": " + v.reason()).toList());
        assertEquals("every served route has a row", new java.util.TreeSet<>(routes),
                new java.util.TreeSet<>(activeRoutes()));
        assertEquals("every defined permission has a row",
                new java.util.TreeSet<>(RoleMatrix.PERMISSIONS.stream().map(RoleMatrix.Row::name).toList()),
                definedPermissions());

        List<String> wrong = new java.util.ArrayList<>();
        for (int column = 0; column < RoleMatrix.USERS.size(); column++) {
            String user = RoleMatrix.USERS.get(column);
            Caller caller = security.callerOf(as(user)).orElseThrow();
            Set<String> opens = views.visibleTo(caller).stream().map(RegisteredView::route)
                    .collect(java.util.stream.Collectors.toSet());
            for (RoleMatrix.Row route : RoleMatrix.ROUTES) {
                if (opens.contains(route.name()) != route.granted().get(column)) {
                    wrong.add(user + (opens.contains(route.name()) ? " opens " : " cannot open ") + route.name());
                }
            }
            for (RoleMatrix.Row permission : RoleMatrix.PERMISSIONS) {
                boolean held = security.isPermitted(caller, permission.name());
                if (held != permission.granted().get(column)) {
                    wrong.add(user + (held ? " holds " : " lacks ") + permission.name());
                }
            }
        }
        assertEquals("cells that differ from the matrix", List.of(), wrong);

        java.util.Map<String, List<Boolean>> guide = RoleMatrix.staffGuideTable(
                java.nio.file.Path.of(System.getProperty("certportal.staffGuide")));
        List<String> disagree = new java.util.ArrayList<>();
        for (RoleMatrix.Row permission : RoleMatrix.PERMISSIONS) {
            List<String> named = guide.keySet().stream().filter(what -> what.startsWith(permission.guideRow())).toList();
            if (named.size() != 1) {
                disagree.add(permission.name() + ": " + named.size() + " rows of the guide start with '"
                        + permission.guideRow() + "'");
            } else if (!guide.get(named.get(0)).equals(permission.granted())) {
                disagree.add(permission.name() + ": the guide's '" + named.get(0) + "' says " + guide.get(named.get(0)));
            }
        }
        assertEquals("the staff guide's role table agrees", List.of(), disagree);
    }

    /**
     * A mutating call of each certification area, made by a role the matrix refuses it to: the service
     * says which permission is missing and the data stays as it was.
     */
    @Test
    public void servicesRefuseWhatTheRoleMatrixDeniesAndChangeNothing() throws Exception {
        Subject staff = as("staff");
        Subject certadmin = as("certadmin");
        Subject manager = as("certmanager");
        Subject sysadmin = as("sysadmin");
        String tag = "RM-" + Long.toString(System.nanoTime(), 36).toUpperCase();
        // a cancelled enrollment, which a Certification Manager could purge, and an unpaid order
        Contact contact = security.callAs(certadmin,
                () -> contacts.create(new ContactDraft("Matrix", "Refused", null, null, tag)));
        Program program = security.callAs(certadmin, () -> {
            Program draft = programs.create(new ProgramDraft(tag, "Role matrix " + tag, "", ProgramOptions.defaults()));
            programs.addRequirement(draft.id(),
                    new RequirementDraft("Exam", RequirementKind.EXAM, GradeType.NONE, null, false, null));
            return programs.changeStatus(draft.id(), programs.find(draft.id()).orElseThrow().version(),
                    ProgramStatus.ACTIVE);
        });
        org.certportal.enrollments.api.EnrollResult result = security.callAs(staff,
                () -> enrollments.enroll(program.id(), List.of(contact.id()), enrollments.today()));
        assertEquals(List.of(), result.refused());
        Enrollment enrolled = result.enrolled().get(0);
        Enrollment cancelled = security.callAs(certadmin,
                () -> enrollments.cancel(enrolled.id(), enrolled.version(), "Role matrix"));
        java.util.function.Supplier<List<Long>> purgeable = () -> security.callAs(manager,
                () -> enrollments.purgeCandidates(program.id(), "", PageRequest.first(10))).items().stream()
                .map(PurgeCandidate::enrollmentId).toList();
        assertEquals(List.of(cancelled.id()), purgeable.get());
        Batch batch = security.callAs(manager, () -> accounting.createBatch("Role matrix " + tag));
        long order = security.callAs(manager, () -> {
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(false);
                long id = accounting.createOrder(c, new OrderRequest(contact.id(), "role-matrix", tag, "Role matrix fee",
                        new java.math.BigDecimal("25.00"), "USD", batch.id()));
                c.commit();
                return id;
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        RunFilter awards = new RunFilter(CredentialService.AWARD_PROCESS, Set.of(), null);
        RunFilter drops = new RunFilter(MassDropService.PROCESS_TYPE, Set.of(), null);
        long awardRuns = security.callAs(sysadmin, () -> processes.runs(awards, PageRequest.first(1)).total());
        long dropRuns = security.callAs(sysadmin, () -> processes.runs(drops, PageRequest.first(1)).total());

        assertDenied("certadmin", EnrollmentPermissions.PURGE,
                () -> security.callAs(certadmin, () -> enrollments.purge(List.of(cancelled.id()))));
        assertDenied("certadmin", AccountingPermissions.MANAGE,
                () -> security.callAs(certadmin, () -> accounting.markPaid(List.of(order), null)));
        assertDenied("staff", CredentialPermissions.AWARD,
                () -> security.callAs(staff, () -> credentials.startAward(AwardCriteria.all(), false)));
        assertDenied("certadmin", TrackingPermissions.MASS_DROP, () -> security.callAs(certadmin,
                () -> processes.start(MassDropService.PROCESS_TYPE, java.util.Map.of("program", tag, "statuses",
                        "cancelled", "target", "inactive", "termination-date", String.valueOf(enrollments.today()),
                        "reason", "Role-matrix"), RunOptions.run())));

        assertEquals("the refused purge left the enrollment", List.of(cancelled.id()), purgeable.get());
        assertEquals(CertificationStatus.CANCELLED,
                security.callAs(manager, () -> enrollments.find(cancelled.id())).orElseThrow().status());
        assertEquals("the refused payment left the order unpaid", List.of(OrderStatus.UNPAID),
                security.callAs(manager, () -> accounting.orders(batch.id(), null, PageRequest.first(5))).items()
                        .stream().map(o -> o.status()).toList());
        assertEquals("no award run was queued", awardRuns,
                (long) security.callAs(sysadmin, () -> processes.runs(awards, PageRequest.first(1)).total()));
        assertEquals("no mass drop run was queued", dropRuns,
                (long) security.callAs(sysadmin, () -> processes.runs(drops, PageRequest.first(1)).total()));
    }

    private Set<String> activeRoutes() {
        return views.views().stream().filter(RegisteredView::active).map(RegisteredView::route)
                .collect(java.util.stream.Collectors.toSet());
    }

    /** The permissions the running areas define, whichever bundle defines them. */
    private Set<String> definedPermissions() throws Exception {
        Set<String> names = new java.util.TreeSet<>();
        for (ServiceReference<PermissionProvider> ref : context.getServiceReferences(PermissionProvider.class, null)) {
            try {
                context.getService(ref).permissions().stream().map(PermissionDefinition::name).forEach(names::add);
            } finally {
                context.ungetService(ref);
            }
        }
        return names;
    }

    private static void assertDenied(String user, String permission, Runnable call) {
        try {
            call.run();
        } catch (AccessDeniedException e) {
            assertEquals("Not permitted: user '" + user + "' lacks the permission '" + permission + "'.", e.getMessage());
            return;
        }
        throw new AssertionError(user + " was not refused " + permission);
    }

    private static String message(Runnable call) {
        try {
            call.run();
        } catch (IllegalArgumentException | AccessDeniedException e) {
            return e.getMessage();
        }
        throw new AssertionError("the call was not refused");
    }

    /**
     * The outbox in the distribution: a message queued in a committed transaction is picked up by
     * the sender, which really tries SMTP (nothing listens on the configured port here, so the
     * attempt is refused and retried later) and shows the reason to staff.
     */
    @Test
    public void queuedMailIsTriedAfterCommitAndItsFailureIsShownToStaff() throws Exception {
        long id;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            id = outbox.queue(c, new MailMessage("ada@example.org", "Welcome to " + expectedDatabase(), "Hello"));
            c.commit();
        }
        Subject staff = as("staff");
        long deadline = System.currentTimeMillis() + 60_000;
        OutboxEntry entry;
        do {
            Thread.sleep(200);
            entry = security.callAs(staff, () -> outbox.search(null, "ada@", PageRequest.first(50))).items().stream()
                    .filter(e -> e.id() == id).findFirst().orElseThrow();
            // the first attempt is over when it is no longer being sent
        } while ((entry.attempts() == 0 || "SENDING".equals(entry.status().name()))
                && System.currentTimeMillis() < deadline);
        assertEquals(1, entry.attempts());
        assertEquals("QUEUED", entry.status().name());
        assertTrue("the SMTP transport was reached: " + entry.lastError(),
                entry.lastError() != null && entry.lastError().toLowerCase().contains("refused"));
    }
}
