package org.certportal.enrollments.internal;

import org.certportal.programs.testing.FakePrograms;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.certportal.audit.internal.AuditLogImpl;
import org.certportal.contacts.internal.ContactServiceImpl;
import org.certportal.enrollments.api.CertificationStatus;
import org.certportal.enrollments.api.Enrollment;
import org.certportal.persistence.internal.LiquibaseSchemaMigrator;
import org.certportal.persistence.testing.TestDatabases;
import org.certportal.persistence.testing.TestJpa;
import org.certportal.programs.api.ProgramOptions;
import org.certportal.programs.api.RecertificationBasis;
import org.certportal.security.api.AccessDeniedException;
import org.certportal.security.api.Role;
import org.certportal.security.testing.TestSecurity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** markEarned on the caller's connection: part of the caller's transaction, committed or rolled back with it. */
class EarnOnCallersConnectionIT {
    private static final LocalDate TODAY = LocalDate.of(2025, 6, 15);
    private static final long PLAIN = 1, REVIEWED = 2;

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
        AuditLogImpl audit = new AuditLogImpl(security, migrator, ds);
        jpa = new TestJpa("certportal-enrollments", ds);
        FakePrograms programs = new FakePrograms();
        programs.add(PLAIN, "PLAIN", options(false));
        programs.add(REVIEWED, "REV", options(true));
        service = new EnrollmentServiceImpl(jpa, security, migrator, audit, programs,
                Clock.fixed(TODAY.atTime(12, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC));
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("INSERT INTO contact (id,"
                + " given_name, family_name, family_name_key, created_at, version) VALUES (?, 'G', 'F', 'f', ?, 1)")) {
            for (long id = 1; id <= 4; id++) {
                ps.setLong(1, id);
                ps.setTimestamp(2, Timestamp.valueOf(TODAY.atStartOfDay()));
                ps.executeUpdate();
            }
        }
    }

    @AfterEach
    void close() {
        if (jpa != null) {
            jpa.close();
        }
    }

    private static ProgramOptions options(boolean review) {
        return new ProgramOptions(false, false, false, false, review, 24, 12, 30, BigDecimal.ZERO,
                RecertificationBasis.COMPLETION_DATE, null);
    }

    @ParameterizedTest
    @MethodSource("databases")
    void earningManyOnTheCallersConnectionIsAllOrNothingWithEachItsOwnDate(String db) throws Exception {
        start(db);
        Enrollment a = service.enroll(PLAIN, List.of(1L), TODAY.minusMonths(1)).enrolled().get(0);
        Enrollment b = service.enroll(REVIEWED, List.of(2L), TODAY.minusMonths(1)).enrolled().get(0);
        Enrollment c3 = service.enroll(PLAIN, List.of(3L), TODAY.minusDays(1)).enrolled().get(0);

        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            assertThrows(IllegalArgumentException.class, () -> service.markEarned(c, Map.of(a.id(), TODAY, c3.id(),
                    TODAY.minusDays(2))), "one earned before its enrollment: none is earned");
            c.commit();
        }
        assertEquals(CertificationStatus.IN_PROGRESS, service.find(a.id()).orElseThrow().status());

        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            List<Enrollment> earned = service.markEarned(c, Map.of(a.id(), TODAY.minusDays(3), b.id(), TODAY,
                    c3.id(), TODAY));
            c.commit();
            assertEquals(3, earned.size());
        }
        Enrollment first = service.find(a.id()).orElseThrow();
        assertEquals(CertificationStatus.ACTIVE, first.status());
        assertEquals(TODAY.minusDays(3), first.earnedOn());
        assertEquals(CertificationStatus.ADMIN_REVIEW, service.find(b.id()).orElseThrow().status());
        assertEquals(TODAY, service.find(c3.id()).orElseThrow().earnedOn());
    }

    @ParameterizedTest
    @MethodSource("databases")
    void earningOnTheCallersConnectionCommitsAndRollsBackWithTheCaller(String db) throws Exception {
        start(db);
        Enrollment plain = service.enroll(PLAIN, List.of(1L), TODAY.minusMonths(1)).enrolled().get(0);
        Enrollment reviewed = service.enroll(REVIEWED, List.of(2L), TODAY.minusMonths(1)).enrolled().get(0);

        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            assertEquals(CertificationStatus.ACTIVE, service.markEarned(c, plain.id(), TODAY).status());
            c.rollback();
        }
        assertEquals(CertificationStatus.IN_PROGRESS, service.find(plain.id()).orElseThrow().status(),
                "rolled back with the caller");

        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            assertThrows(IllegalArgumentException.class, () -> service.markEarned(c, plain.id(), TODAY.plusDays(1)));
            assertThrows(IllegalArgumentException.class, () -> service.markEarned(c, 999, TODAY));
            Enrollment earned = service.markEarned(c, plain.id(), TODAY.minusDays(2));
            Enrollment review = service.markEarned(c, reviewed.id(), TODAY);
            c.commit();
            assertEquals(TODAY.minusDays(2), earned.earnedOn());
            assertEquals(TODAY.minusDays(2).plusMonths(24), earned.expiresOn());
            assertEquals(CertificationStatus.ADMIN_REVIEW, review.status());
        }
        assertEquals(CertificationStatus.ACTIVE, service.find(plain.id()).orElseThrow().status());
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            assertThrows(IllegalArgumentException.class, () -> service.markEarned(c, plain.id(), TODAY),
                    "earned once");
            security.as(Role.STUDENT_RECORDS);
            assertThrows(AccessDeniedException.class, () -> service.markEarned(c, reviewed.id(), TODAY));
            c.rollback();
        }
    }
}
