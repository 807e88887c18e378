package org.certportal.completions.internal;

import org.certportal.programs.testing.FakePrograms;
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
import java.util.OptionalInt;
import java.util.Set;

import javax.sql.DataSource;

import org.certportal.audit.internal.AuditLogImpl;
import org.certportal.contacts.api.Contact;
import org.certportal.contacts.internal.ContactServiceImpl;
import org.certportal.enrollments.api.Enrollment;
import org.certportal.enrollments.internal.EnrollmentServiceImpl;
import org.certportal.enrollments.internal.EnrollmentPermissionProvider;
import org.certportal.mail.api.MailOutbox;
import org.certportal.mail.internal.MailOutboxImpl;
import org.certportal.persistence.internal.LiquibaseSchemaMigrator;
import org.certportal.persistence.testing.TestDatabases;
import org.certportal.persistence.testing.TestJpa;
import org.certportal.programs.api.GradeType;
import org.certportal.programs.api.Offering;
import org.certportal.programs.api.ProgramOptions;
import org.certportal.programs.api.ProgramStatus;
import org.certportal.programs.api.RecertificationBasis;
import org.certportal.programs.api.Requirement;
import org.certportal.programs.api.RequirementKind;
import org.certportal.security.api.Role;
import org.certportal.security.testing.TestSecurity;
import org.certportal.settings.api.OrganisationSettings;
import org.certportal.settings.api.SettingsService;

/**
 * The completion service with the real neighbours that matter to its transactions (migrations,
 * audit log, mail outbox, enrollment service) on one test database; programs and contacts faked
 * through their APIs, contact rows written to the contacts table for the joins and lookups.
 */
final class Portal implements AutoCloseable {
    static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);
    static final LocalDate ENROLLED = TODAY.minusDays(30);
    /** NONE, PASS_FAIL */
    static final long PLAIN = 1;
    /** NUMERIC ≥ 70 with an offering, needs approval; NONE */
    static final long GRADED = 2;
    /** in order: three NONE */
    static final long ORDERED = 3;
    /** admin review of certification: one NONE */
    static final long REVIEWED = 4;
    static final long DRAFT = 5;
    static final long OFFERING = 201;
    static final int MAX_UPLOAD = 1000;

    final DataSource ds;
    final LiquibaseSchemaMigrator migrator;
    final CompletionsSchema schema;
    final TestSecurity security;
    final AuditLogImpl audit;
    final MailOutboxImpl outbox;
    final TestJpa enrollmentsJpa;
    final EnrollmentServiceImpl enrollments;
    final FakePrograms programs = new FakePrograms();
    final FakeContacts contacts = new FakeContacts();
    final TestJpa jpa;
    final CompletionServiceImpl service;

    Portal(String db) throws SQLException {
        this(db, null);
    }

    /** @param outbox another outbox than the real one, or null */
    Portal(String db, MailOutbox otherOutbox) throws SQLException {
        ds = TestDatabases.fresh(db);
        migrator = new LiquibaseSchemaMigrator(ds);
        migrator.migrate(ContactServiceImpl.class, "db/contacts.changelog.xml");
        security = new TestSecurity(new CompletionPermissionProvider(), new EnrollmentPermissionProvider()).as(Role.STAFF);
        audit = new AuditLogImpl(security, migrator, ds);
        outbox = MailOutboxImpl.migrating(security, migrator, ds, audit);
        enrollmentsJpa = new TestJpa("certportal-enrollments", ds);
        enrollments = new EnrollmentServiceImpl(enrollmentsJpa, security, migrator, audit, programs);
        jpa = new TestJpa("certportal-completions", ds);
        ProgramOptions plain = options(false, false);
        programs.add(PLAIN, "PLAIN", ProgramStatus.ACTIVE, plain, List.of(requirement(11, PLAIN, 1, "Orientation",
                GradeType.NONE, null, false), requirement(12, PLAIN, 2, "Written exam", GradeType.PASS_FAIL, null,
                        false)));
        programs.add(GRADED, "GRADED", ProgramStatus.ACTIVE, plain, List.of(new Requirement(21, GRADED, 1,
                "Written exam", RequirementKind.EXAM, GradeType.NUMERIC, new BigDecimal("70"), true, BigDecimal.ZERO,
                List.of(new Offering(OFFERING, 21, "Spring sitting", ENROLLED, "Hall A"))), requirement(22, GRADED, 2,
                        "Portfolio", GradeType.NONE, null, false)));
        programs.add(ORDERED, "ORDERED", ProgramStatus.ACTIVE, options(true, false), List.of(requirement(31, ORDERED,
                1, "First", GradeType.NONE, null, false), requirement(32, ORDERED, 2, "Second", GradeType.NONE, null,
                        false), requirement(33, ORDERED, 3, "Third", GradeType.NONE, null, false)));
        programs.add(REVIEWED, "REVIEWED", ProgramStatus.ACTIVE, options(false, true), List.of(requirement(41,
                REVIEWED, 1, "Only", GradeType.NONE, null, false)));
        programs.add(DRAFT, "DRAFT", ProgramStatus.DRAFT, plain, List.of(requirement(51, DRAFT, 1, "Only",
                GradeType.NONE, null, false)));
        schema = new CompletionsSchema(migrator);
        service = new CompletionServiceImpl(jpa, security, audit, programs, enrollments, contacts,
                otherOutbox == null ? outbox : otherOutbox, Clock.systemUTC());
        service.settings = new Settings();
    }

    static ProgramOptions options(boolean inOrder, boolean adminReview) {
        return new ProgramOptions(false, inOrder, false, false, adminReview, 24, 12, 30, BigDecimal.ZERO,
                RecertificationBasis.COMPLETION_DATE, null);
    }

    static Requirement requirement(long id, long programId, int position, String title, GradeType type,
            BigDecimal minimum, boolean approval) {
        return new Requirement(id, programId, position, title, RequirementKind.COURSE, type, minimum, approval,
                BigDecimal.ZERO, List.of());
    }

    /** A contact in the contacts table and in the fake contact service. */
    void contact(long id, String externalId, String email) throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("INSERT INTO contact (id,"
                + " given_name, family_name, family_name_key, email, external_id, created_at, version)"
                + " VALUES (?, 'Ada', ?, ?, ?, ?, ?, 1)")) {
            ps.setLong(1, id);
            ps.setString(2, "Family" + id);
            ps.setString(3, "family" + id);
            ps.setString(4, email);
            ps.setString(5, externalId);
            ps.setTimestamp(6, Timestamp.valueOf(TODAY.atStartOfDay()));
            ps.executeUpdate();
        }
        contacts.add(new Contact(id, "Ada", "Family" + id, email, null, externalId, 1));
    }

    Enrollment enroll(long programId, long contactId) {
        return enrollments.enroll(programId, List.of(contactId), ENROLLED).enrolled().get(0);
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
        jpa.close();
        enrollmentsJpa.close();
    }

    /** Small upload limits, PDF only. */
    static final class Settings implements SettingsService {
        @Override
        public OrganisationSettings current() {
            return new OrganisationSettings(ZoneId.of("UTC"), OptionalInt.empty(), MAX_UPLOAD,
                    Set.of("application/pdf"));
        }

        @Override
        public OrganisationSettings update(OrganisationSettings settings) {
            throw new UnsupportedOperationException();
        }
    }
}
