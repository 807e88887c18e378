package org.certportal.masscert.internal;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;

import javax.sql.DataSource;

import org.certportal.accounting.internal.AccountingHandlers;
import org.certportal.accounting.internal.AccountingPermissionProvider;
import org.certportal.accounting.internal.AccountingSchema;
import org.certportal.accounting.internal.AccountingServiceImpl;
import org.certportal.audit.internal.AuditLogImpl;
import org.certportal.audit.internal.AuditPermissionProvider;
import org.certportal.completions.internal.CompletionPermissionProvider;
import org.certportal.completions.internal.CompletionServiceImpl;
import org.certportal.completions.internal.CompletionsSchema;
import org.certportal.contacts.internal.ContactPermissionProvider;
import org.certportal.contacts.internal.ContactServiceImpl;
import org.certportal.enrollments.internal.ApplicationServiceImpl;
import org.certportal.enrollments.internal.EnrollmentPermissionProvider;
import org.certportal.enrollments.internal.EnrollmentServiceImpl;
import org.certportal.mail.internal.MailOutboxImpl;
import org.certportal.persistence.internal.LiquibaseSchemaMigrator;
import org.certportal.persistence.testing.TestDatabases;
import org.certportal.persistence.testing.TestJpa;
import org.certportal.process.internal.ProcessHarness;
import org.certportal.process.internal.ProcessPermissionProvider;
import org.certportal.programs.api.GradeType;
import org.certportal.programs.api.ProgramOptions;
import org.certportal.programs.api.ProgramStatus;
import org.certportal.programs.api.RecertificationBasis;
import org.certportal.programs.api.Requirement;
import org.certportal.programs.api.RequirementKind;
import org.certportal.programs.internal.ProgramServiceImpl;
import org.certportal.programs.testing.FakePrograms;
import org.certportal.security.api.Role;
import org.certportal.security.testing.TestSecurity;
import org.certportal.settings.api.OrganisationSettings;
import org.certportal.settings.api.SettingsService;

/**
 * Mass certification with the real neighbours its transactions meet (contacts, enrollments and
 * applications, completions, accounting, mail outbox, audit log, the process engine) on one test
 * database; programs come from a fake program service and are mirrored in the programs table for the
 * published views.
 */
final class MassCertPortal implements AutoCloseable {
    /** The services judge dates by the real clock: the fixtures are dated before today. */
    static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);
    static final LocalDate ENROLLED = TODAY.minusDays(60);
    /** Free, no application: a course, then an exam (numeric, at least 70, approved by staff). */
    static final long FREE = 1;
    /** A fee of 150 CAD and a related application: an exam (pass/fail) and education credits, both approved. */
    static final long FEE = 2;
    /** Only a course: nothing to mass-certify. */
    static final long COURSE_ONLY = 3;

    final DataSource ds;
    final TestSecurity security;
    final AuditLogImpl audit;
    final MailOutboxImpl outbox;
    final TestJpa contactsJpa;
    final TestJpa enrollmentsJpa;
    final TestJpa completionsJpa;
    final FakePrograms programs = new FakePrograms();
    final ContactServiceImpl contacts;
    final EnrollmentServiceImpl enrollments;
    final ApplicationServiceImpl applications;
    final CompletionServiceImpl completions;
    final AccountingServiceImpl accounting;
    final MassCertProcess process;
    final CertificationPaid paid;
    final MassCertServiceImpl service;
    final ProcessHarness engine;

    MassCertPortal(String db) throws SQLException {
        ds = TestDatabases.fresh(db);
        Clock clock = Clock.systemUTC();
        LiquibaseSchemaMigrator migrator = new LiquibaseSchemaMigrator(ds);
        migrator.migrate(ProgramServiceImpl.class, "db/programs.changelog.xml");
        security = new TestSecurity(new MassCertPermissionProvider(), new EnrollmentPermissionProvider(),
                new CompletionPermissionProvider(), new AccountingPermissionProvider(), new ContactPermissionProvider(),
                new AuditPermissionProvider(), new ProcessPermissionProvider()).as(Role.CERTIFICATION_ADMIN);
        audit = new AuditLogImpl(security, migrator, ds);
        outbox = MailOutboxImpl.migrating(security, migrator, ds, audit);
        contactsJpa = new TestJpa("certportal-contacts", ds);
        contacts = new ContactServiceImpl(contactsJpa, security, migrator, audit);
        enrollmentsJpa = new TestJpa("certportal-enrollments", ds);
        enrollments = new EnrollmentServiceImpl(enrollmentsJpa, security, migrator, audit, programs);
        applications = new ApplicationServiceImpl(enrollmentsJpa, security, audit, programs, enrollments);
        completionsJpa = new TestJpa("certportal-completions", ds);
        completions = new CompletionServiceImpl(completionsJpa, security, new CompletionsSchema(migrator), audit,
                programs, enrollments, contacts, outbox);
        accounting = new AccountingServiceImpl(ds, security, audit, contacts, new Settings(),
                new AccountingSchema(migrator));
        MassCertSchema schema = new MassCertSchema(migrator);
        process = new MassCertProcess(security, programs, enrollments, applications, completions, accounting,
                contacts, outbox, clock);
        paid = new CertificationPaid(enrollments, contacts, outbox, programs, schema);
        AccountingHandlers.register(accounting, paid);
        service = new MassCertServiceImpl(security, ds, audit, programs, enrollments, contacts, process, clock);
        engine = new ProcessHarness(security, migrator, ds, audit, outbox, clock, 2).add(process);

        program(FREE, "FREE", options(BigDecimal.ZERO, false), List.of(
                requirement(11, FREE, 1, "Ethics course", RequirementKind.COURSE, GradeType.NONE, null, false),
                requirement(12, FREE, 2, "Written exam", RequirementKind.EXAM, GradeType.NUMERIC, "70", true)));
        program(FEE, "FEE", options(new BigDecimal("150.00"), true).withFee(new BigDecimal("150.00"), "CAD"), List.of(
                requirement(21, FEE, 1, "Board exam", RequirementKind.EXAM, GradeType.PASS_FAIL, null, true),
                requirement(22, FEE, 2, "Education credits", RequirementKind.EDUCATION_CREDITS, GradeType.NONE, null,
                        true)));
        program(COURSE_ONLY, "COURSE", options(BigDecimal.ZERO, false), List.of(
                requirement(31, COURSE_ONLY, 1, "Course", RequirementKind.COURSE, GradeType.NONE, null, false)));
    }

    static ProgramOptions options(BigDecimal fee, boolean application) {
        return new ProgramOptions(false, false, false, false, false, 24, 12, 30, fee,
                RecertificationBasis.COMPLETION_DATE, null, application);
    }

    static Requirement requirement(long id, long programId, int position, String title, RequirementKind kind,
            GradeType grade, String minimum, boolean approval) {
        return new Requirement(id, programId, position, title, kind, grade, minimum == null ? null
                : new BigDecimal(minimum), approval, BigDecimal.ZERO, List.of());
    }

    /** In the fake program service and, for the published views, in the programs table. */
    void program(long id, String code, ProgramOptions options, List<Requirement> requirements) throws SQLException {
        programs.add(id, code, ProgramStatus.ACTIVE, options, requirements);
        update("INSERT INTO program (id, code, code_key, name, name_key, status, requires_approval, in_order,"
                + " enrollees_may_cancel, maintenance, admin_review, validity_months, deadline_months,"
                + " grace_period_days, fee, recertification_basis, rule_version, created_at, version) VALUES (?, ?, ?,"
                + " ?, ?, 'ACTIVE', FALSE, FALSE, FALSE, FALSE, FALSE, 24, 12, 30, ?, 'COMPLETION_DATE', 1, ?, 1)",
                id, code, code, "Program " + code, ("program " + code).toLowerCase(Locale.ROOT), options.fee(),
                Timestamp.valueOf(ENROLLED.atStartOfDay()));
    }

    void contact(long id, String given, String family, String email) throws SQLException {
        update("INSERT INTO contact (id, given_name, family_name, family_name_key, email, external_id, created_at,"
                + " version) VALUES (?, ?, ?, ?, ?, ?, ?, 1)", id, given, family, family.toLowerCase(Locale.ROOT),
                email, "C-" + id, Timestamp.valueOf(ENROLLED.atStartOfDay()));
    }

    void update(String sql, Object... values) throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                ps.setObject(i + 1, values[i]);
            }
            ps.executeUpdate();
        }
    }

    long count(String sql) throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    List<String> strings(String sql) throws SQLException {
        List<String> found = new ArrayList<>();
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                found.add(rs.getString(1));
            }
        }
        return found;
    }

    @Override
    public void close() {
        completionsJpa.close();
        enrollmentsJpa.close();
        contactsJpa.close();
    }

    static final class Settings implements SettingsService {
        @Override
        public OrganisationSettings current() {
            OrganisationSettings d = OrganisationSettings.defaults();
            return new OrganisationSettings(ZoneId.of("UTC"), OptionalInt.empty(), d.maxUploadBytes(), d.uploadTypes());
        }

        @Override
        public OrganisationSettings update(OrganisationSettings settings) {
            throw new UnsupportedOperationException();
        }
    }
}
