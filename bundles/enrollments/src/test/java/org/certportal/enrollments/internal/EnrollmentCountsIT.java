package org.certportal.enrollments.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.certportal.audit.internal.AuditLogImpl;
import org.certportal.contacts.api.ContactNames;
import org.certportal.contacts.internal.ContactServiceImpl;
import org.certportal.enrollments.api.EnrolleeFilter;
import org.certportal.enrollments.api.EnrolleeRow;
import org.certportal.enrollments.api.PurgeCandidate;
import org.certportal.persistence.api.Page;
import org.certportal.persistence.api.PageRequest;
import org.certportal.persistence.internal.LiquibaseSchemaMigrator;
import org.certportal.persistence.testing.TestDatabases;
import org.certportal.persistence.testing.TestJpa;
import org.certportal.programs.api.ProgramOptions;
import org.certportal.programs.api.RecertificationBasis;
import org.certportal.programs.testing.FakePrograms;
import org.certportal.security.api.AccessDeniedException;
import org.certportal.security.api.Role;
import org.certportal.security.testing.TestSecurity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The home cards' counts across programs, counted in the database on H2 and PostgreSQL. */
class EnrollmentCountsIT {
    private static final LocalDate TODAY = LocalDate.of(2025, 6, 15);
    private static final long PLAIN = 1, OTHER = 2;

    private DataSource ds;
    private TestJpa jpa;
    private TestSecurity security;
    private EnrollmentServiceImpl service;

    static Stream<String> databases() {
        return TestDatabases.available().stream();
    }

    private void start(String db) throws SQLException {
        ds = TestDatabases.fresh(db);
        LiquibaseSchemaMigrator migrator = new LiquibaseSchemaMigrator(ds);
        migrator.migrate(ContactServiceImpl.class, "db/contacts.changelog.xml");
        security = new TestSecurity(new EnrollmentPermissionProvider()).as(Role.STAFF);
        jpa = new TestJpa("certportal-enrollments", ds);
        FakePrograms programs = new FakePrograms();
        ProgramOptions options = new ProgramOptions(false, false, true, false, false, 24, 12, 30, BigDecimal.ZERO,
                RecertificationBasis.COMPLETION_DATE, null);
        programs.add(PLAIN, "PLAIN", options);
        programs.add(OTHER, "OTHER", options);
        service = new EnrollmentServiceImpl(jpa, security, migrator, new AuditLogImpl(security, migrator, ds), programs,
                Clock.fixed(TODAY.atTime(12, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC));
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("INSERT INTO contact (id,"
                + " given_name, family_name, family_name_key, external_id, created_at, version)"
                + " VALUES (?, 'Given', ?, ?, ?, ?, 1)")) {
            for (long id = 1; id <= 5; id++) {
                ps.setLong(1, id);
                ps.setString(2, "Family" + id);
                ps.setString(3, ContactNames.key("Family" + id));
                ps.setString(4, "X-" + id);
                ps.setTimestamp(5, Timestamp.valueOf(TODAY.atStartOfDay()));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    @AfterEach
    void close() {
        if (jpa != null) {
            jpa.close();
        }
    }

    /** Sets a contact's enrollment to a status and an expiration date, as earning and the expiry would. */
    private void certify(long contactId, String status, LocalDate expiresOn) throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "UPDATE enrollment SET status = ?, expires_on = ? WHERE contact_id = ?")) {
            ps.setString(1, status);
            ps.setDate(2, Date.valueOf(expiresOn));
            ps.setLong(3, contactId);
            assertEquals(1, ps.executeUpdate());
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void enrollmentsOfARangeAreCountedAcrossProgramsBothEndsIncluded(String db) throws Exception {
        start(db);
        service.enroll(PLAIN, List.of(1L, 2L), TODAY.withDayOfMonth(1));
        service.enroll(PLAIN, List.of(3L), TODAY.withDayOfMonth(1).minusDays(1));
        service.enroll(OTHER, List.of(4L), TODAY);

        assertEquals(3, service.countEnrolled(TODAY.withDayOfMonth(1), TODAY));
        assertEquals(1, service.countEnrolled(TODAY.minusMonths(1), TODAY.withDayOfMonth(1).minusDays(1)));
        assertEquals(0, service.countEnrolled(TODAY.plusDays(1), TODAY.plusDays(30)));
        assertThrows(IllegalArgumentException.class, () -> service.countEnrolled(TODAY, TODAY.minusDays(1)));
        security.anonymous();
        assertThrows(AccessDeniedException.class, () -> service.countEnrolled(TODAY, TODAY));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void certificationsExpiringAreActiveOrExpiringOnesOfTheRange(String db) throws Exception {
        start(db);
        service.enroll(PLAIN, List.of(1L, 2L, 3L), TODAY.minusDays(10));
        service.enroll(OTHER, List.of(4L, 5L), TODAY.minusDays(10));
        certify(1, "ACTIVE", TODAY);
        certify(2, "EXPIRING", TODAY.plusDays(30));
        certify(3, "ACTIVE", TODAY.plusDays(31));
        certify(4, "IN_PROGRESS", TODAY.plusDays(5));
        certify(5, "EXPIRED", TODAY.plusDays(5));

        assertEquals(2, service.countExpiring(TODAY, TODAY.plusDays(30)), "today and the 30th day count; not earned"
                + " or already expired ones do not");
        assertEquals(0, service.countExpiring(TODAY.minusDays(30), TODAY.minusDays(1)));
        security.anonymous();
        assertThrows(AccessDeniedException.class, () -> service.countExpiring(TODAY, TODAY));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void listsPastTheCountCapSayMoreThan(String db) throws Exception {
        start(db);
        service.enroll(OTHER, List.of(1L, 2L), TODAY);
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("INSERT INTO enrollment (id,"
                + " contact_id, program_id, rule_version, cycle, enrolled_on, grace_period_begins, expires_on,"
                + " earned_on, status, status_changed_at, version) VALUES (?, ?, ?, 1, 1, ?, ?, ?, ?, 'EXPIRED', ?, 0)")) {
            for (int i = 0; i <= Page.COUNT_CAP; i++) {
                ps.setLong(1, 100_000 + i);
                ps.setLong(2, 1 + i % 5);
                ps.setLong(3, PLAIN);
                ps.setDate(4, Date.valueOf(TODAY.minusYears(3)));
                ps.setDate(5, Date.valueOf(TODAY.minusYears(1)));
                ps.setDate(6, Date.valueOf(TODAY.minusYears(1)));
                ps.setDate(7, Date.valueOf(TODAY.minusYears(2)));
                ps.setTimestamp(8, Timestamp.valueOf(TODAY.atStartOfDay()));
                ps.addBatch();
            }
            ps.executeBatch();
        }
        Page<EnrolleeRow> enrollees = service.enrollees(PLAIN, null, PageRequest.first(50));
        assertTrue(enrollees.more());
        assertEquals("more than 10,000 enrollees", enrollees.totalText("enrollee", "enrollees"));
        Page<EnrolleeRow> other = service.enrollees(OTHER, null, PageRequest.first(50));
        assertEquals("2 enrollees", other.totalText("enrollee", "enrollees"), "below the cap: exact");
        assertEquals(2001, service.enrollees(PLAIN, new EnrolleeFilter("X-1", null, null), PageRequest.first(50))
                .total(), "a name filter below the cap counts exactly: contact 1's rows");
        security.as(Role.SYSADMIN);
        Page<PurgeCandidate> purgeable = service.purgeCandidates(null, null, PageRequest.first(50));
        assertTrue(purgeable.more());
        assertEquals(Page.COUNT_CAP, purgeable.total());
    }
}
