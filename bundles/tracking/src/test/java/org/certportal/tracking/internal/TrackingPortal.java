package org.certportal.tracking.internal;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.OptionalInt;

import javax.sql.DataSource;

import org.certportal.audit.internal.AuditLogImpl;
import org.certportal.audit.internal.AuditPermissionProvider;
import org.certportal.contacts.internal.ContactPermissionProvider;
import org.certportal.contacts.internal.ContactServiceImpl;
import org.certportal.enrollments.api.CertificationStatus;
import org.certportal.enrollments.internal.EnrollmentPermissionProvider;
import org.certportal.enrollments.internal.EnrollmentServiceImpl;
import org.certportal.mail.api.MailOutbox;
import org.certportal.mail.internal.MailOutboxImpl;
import org.certportal.mail.internal.MailPermissionProvider;
import org.certportal.persistence.internal.LiquibaseSchemaMigrator;
import org.certportal.persistence.testing.TestDatabases;
import org.certportal.persistence.testing.TestJpa;
import org.certportal.process.internal.ProcessHarness;
import org.certportal.process.internal.ProcessPermissionProvider;
import org.certportal.programs.api.ProgramOptions;
import org.certportal.programs.api.RecertificationBasis;
import org.certportal.programs.internal.ProgramServiceImpl;
import org.certportal.programs.testing.FakePrograms;
import org.certportal.security.api.Role;
import org.certportal.security.testing.TestSecurity;
import org.certportal.settings.api.OrganisationSettings;
import org.certportal.settings.api.SettingsService;
import org.certportal.tracking.internal.process.ExpiryProcess;

/**
 * The tracking service and the daily expiry with the real neighbours their SQL and transactions meet
 * (migrations of contacts, programs and enrollments with their published views, audit log, the
 * enrollments' status door, the process engine) on one test database; program rules come from a fake
 * program service, rows are written straight into the owners' tables.
 */
final class TrackingPortal implements AutoCloseable {
    /** Noon on 1 March 2026, UTC; the organisation sends expiring notices 30 days ahead. */
    static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    static final LocalDate TODAY = LocalDate.of(2026, 3, 1);
    static final long CPA = 1;
    static final long RN = 2;

    final DataSource ds;
    final TestSecurity security;
    final AuditLogImpl audit;
    final TestJpa enrollmentsJpa;
    final TestJpa contactsJpa;
    final ContactServiceImpl contacts;
    final MailOutboxImpl outbox;
    /** Runs before the expiry run queues mail (a test's "meanwhile"); nothing by default. */
    volatile Runnable beforeExpiryMail = () -> { };
    final StaffAccounts users = new StaffAccounts();
    final ReminderServiceImpl reminders;
    final EnrollmentServiceImpl enrollments;
    final FakePrograms programs = new FakePrograms();
    final TrackingServiceImpl service;
    final ExpiryProcess expiry;
    final ProcessHarness engine;
    final Clock clock;

    TrackingPortal(String db) throws SQLException {
        this(db, NOW);
    }

    TrackingPortal(String db, Instant now) throws SQLException {
        this(TestDatabases.fresh(db), now, true);
    }

    /** Another portal on a database a first one filled (a later day, after a restart). */
    TrackingPortal(DataSource ds, Instant now) throws SQLException {
        this(ds, now, false);
    }

    private TrackingPortal(DataSource ds, Instant now, boolean fresh) throws SQLException {
        this.ds = ds;
        clock = Clock.fixed(now, ZoneOffset.UTC);
        LiquibaseSchemaMigrator migrator = new LiquibaseSchemaMigrator(ds);
        migrator.migrate(ProgramServiceImpl.class, "db/programs.changelog.xml");
        security = new TestSecurity(new TrackingPermissionProvider(), new EnrollmentPermissionProvider(),
                new AuditPermissionProvider(), new ProcessPermissionProvider(), new ContactPermissionProvider(),
                new MailPermissionProvider())
                .as(Role.STAFF);
        audit = new AuditLogImpl(security, migrator, ds);
        contactsJpa = new TestJpa("certportal-contacts", ds);
        contacts = new ContactServiceImpl(contactsJpa, security, migrator, audit);
        enrollmentsJpa = new TestJpa("certportal-enrollments", ds);
        programs.add(CPA, "CPA", options(30));
        programs.add(RN, "RN", options(0));
        enrollments = new EnrollmentServiceImpl(enrollmentsJpa, security, migrator, audit, programs);
        new TrackingSchema(migrator);
        Settings settings = new Settings();
        service = new TrackingServiceImpl(ds, security, enrollments, settings, audit, clock);
        outbox = MailOutboxImpl.migrating(security, migrator, ds, audit);
        expiry = new ExpiryProcess(security, enrollments, programs, settings, contacts, hooked(outbox), clock);
        engine = new ProcessHarness(security, migrator, ds, audit, outbox, clock, 2).add(expiry);
        reminders = new ReminderServiceImpl(ds, security, settings, programs, contacts, users, outbox, audit, clock);
        if (fresh) {
            program(CPA, "CPA", "Certified Public Accountant");
            program(RN, "RN", "Registered Nurse");
        }
    }

    /** The outbox as the expiry run sees it: {@link #beforeExpiryMail} runs before each call that queues. */
    private MailOutbox hooked(MailOutbox real) {
        return (MailOutbox) Proxy.newProxyInstance(MailOutbox.class.getClassLoader(), new Class<?>[] { MailOutbox.class },
                (proxy, method, args) -> {
                    if (method.getName().startsWith("queue")) {
                        beforeExpiryMail.run();
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    static ProgramOptions options(int graceDays) {
        return new ProgramOptions(false, false, false, false, false, 24, 12, graceDays, BigDecimal.ZERO,
                RecertificationBasis.COMPLETION_DATE, null);
    }

    void program(long id, String code, String name) throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("INSERT INTO program (id,"
                + " code, code_key, name, name_key, status, requires_approval, in_order, enrollees_may_cancel,"
                + " maintenance, admin_review, validity_months, deadline_months, grace_period_days, fee,"
                + " recertification_basis, rule_version, created_at, version) VALUES (?, ?, ?, ?, ?, 'ACTIVE', FALSE,"
                + " FALSE, FALSE, FALSE, FALSE, 24, 12, 30, 0, 'COMPLETION_DATE', 1, ?, 1)")) {
            ps.setLong(1, id);
            ps.setString(2, code);
            ps.setString(3, code.toUpperCase(Locale.ROOT));
            ps.setString(4, name);
            ps.setString(5, name.toLowerCase(Locale.ROOT));
            ps.setTimestamp(6, Timestamp.from(NOW));
            ps.executeUpdate();
        }
    }

    void contact(long id, String given, String family, String externalId) throws SQLException {
        contact(id, given, family, externalId, null);
    }

    void contact(long id, String given, String family, String externalId, String email) throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("INSERT INTO contact (id,"
                + " given_name, family_name, family_name_key, external_id, created_at, version, email)"
                + " VALUES (?, ?, ?, ?, ?, ?, 1, ?)")) {
            ps.setLong(1, id);
            ps.setString(2, given);
            ps.setString(3, family);
            ps.setString(4, family.toLowerCase(Locale.ROOT));
            ps.setString(5, externalId);
            ps.setTimestamp(6, Timestamp.from(NOW));
            ps.setString(7, email);
            ps.executeUpdate();
        }
    }

    void enrollment(long id, long contactId, long programId, CertificationStatus status, LocalDate enrolledOn,
            LocalDate earnedOn, LocalDate expiresOn) throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("INSERT INTO enrollment (id,"
                + " contact_id, program_id, rule_version, cycle, enrolled_on, grace_period_begins, expires_on,"
                + " earned_on, status, status_changed_at, version) VALUES (?, ?, ?, 1, 1, ?, ?, ?, ?, ?, ?, 0)")) {
            ps.setLong(1, id);
            ps.setLong(2, contactId);
            ps.setLong(3, programId);
            ps.setObject(4, enrolledOn);
            ps.setObject(5, enrolledOn.plusMonths(12));
            ps.setObject(6, expiresOn);
            ps.setObject(7, earnedOn);
            ps.setString(8, status.name());
            ps.setTimestamp(9, Timestamp.from(NOW));
            ps.executeUpdate();
        }
    }

    /** n enrollments of one contact, program and status from id {@code firstId} on, in one batch. */
    void enrollments(long firstId, int n, long contactId, long programId, CertificationStatus status,
            LocalDate enrolledOn) throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("INSERT INTO enrollment (id,"
                + " contact_id, program_id, rule_version, cycle, enrolled_on, grace_period_begins, expires_on,"
                + " earned_on, status, status_changed_at, version) VALUES (?, ?, ?, 1, 1, ?, ?, NULL, NULL, ?, ?, 0)")) {
            for (int i = 0; i < n; i++) {
                ps.setLong(1, firstId + i);
                ps.setLong(2, contactId);
                ps.setLong(3, programId);
                ps.setObject(4, enrolledOn);
                ps.setObject(5, enrolledOn.plusMonths(12));
                ps.setString(6, status.name());
                ps.setTimestamp(7, Timestamp.from(NOW));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    String status(long enrollmentId) throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT status FROM enrollment WHERE id = ?")) {
            ps.setLong(1, enrollmentId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    long count(String sql) throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Override
    public void close() {
        enrollmentsJpa.close();
        contactsJpa.close();
    }

    /** UTC, expiring notices 30 days ahead. */
    static final class Settings implements SettingsService {
        @Override
        public OrganisationSettings current() {
            OrganisationSettings d = OrganisationSettings.defaults();
            return new OrganisationSettings(ZoneId.of("UTC"), OptionalInt.of(30), d.maxUploadBytes(), d.uploadTypes());
        }

        @Override
        public OrganisationSettings update(OrganisationSettings settings) {
            throw new UnsupportedOperationException();
        }
    }
}
