package org.certportal.enrollments.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ConcurrentModificationException;
import java.util.List;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.certportal.audit.internal.AuditLogImpl;
import org.certportal.enrollments.api.CertificationStatus;
import org.certportal.enrollments.api.Enrollment;
import org.certportal.enrollments.api.StatusChange;
import org.certportal.enrollments.api.StatusChangeResult;
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

/**
 * The one door of status changes, on H2 and on the throwaway PostgreSQL: the transition table
 * decides every move (a correction only a little more), refused moves write nothing, and every
 * change is audited exactly once, on the caller's connection and in the caller's transaction.
 */
class StatusChangesIT {
    private static final LocalDate TODAY = LocalDate.of(2025, 6, 15);
    private static final Clock CLOCK = Clock.fixed(TODAY.atTime(12, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);

    private DataSource ds;
    private TestJpa jpa;
    private TestSecurity security;
    private AuditLogImpl audit;
    private EnrollmentServiceImpl service;

    static Stream<String> databases() {
        return TestDatabases.available().stream();
    }

    private void start(String db) throws SQLException {
        ds = TestDatabases.fresh(db);
        LiquibaseSchemaMigrator migrator = new LiquibaseSchemaMigrator(ds);
        security = new TestSecurity(new EnrollmentPermissionProvider()).as(Role.STAFF);
        audit = new AuditLogImpl(security, migrator, ds);
        jpa = new TestJpa("certportal-enrollments", ds);
        FakePrograms programs = new FakePrograms();
        programs.add(1, "PLAIN", new ProgramOptions(false, false, false, false, false, 24, 12, 30, BigDecimal.ZERO,
                RecertificationBasis.COMPLETION_DATE, null));
        service = new EnrollmentServiceImpl(jpa, security, migrator, audit, programs, CLOCK);
        insert(1, CertificationStatus.IN_PROGRESS, null);
        insert(2, CertificationStatus.IN_PROGRESS, null);
        insert(3, CertificationStatus.CANCELLED, null);
        insert(4, CertificationStatus.ACTIVE, null); // active without an earned date
        insert(5, CertificationStatus.APPLIED, LocalDate.of(2025, 5, 1));
    }

    @AfterEach
    void close() {
        if (jpa != null) {
            jpa.close();
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void theTableDecidesEachMoveRefusedOnesWriteNothingAndEachChangeIsAuditedOnce(String db) throws Exception {
        start(db);
        StatusChangeResult result;
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            result = service.changeStatus(c, List.of(StatusChange.of(1, CertificationStatus.NOT_COMPLETED, "deadline"),
                    StatusChange.of(3, CertificationStatus.ACTIVE, "reopen").expecting(0),
                    StatusChange.of(2, CertificationStatus.INACTIVE, null).expecting(0),
                    StatusChange.of(42, CertificationStatus.EXPIRED, null)), "tracking run 7");
            c.commit();
        }

        assertEquals(List.of(1L, 2L), result.changed().stream().map(Enrollment::id).toList());
        assertEquals(List.of(CertificationStatus.NOT_COMPLETED, CertificationStatus.INACTIVE),
                result.changed().stream().map(Enrollment::status).toList());
        assertEquals(List.of(new StatusChangeResult.Refused(42, "No enrollment with id 42."),
                new StatusChangeResult.Refused(3, "An enrollment that is cancelled cannot become active.")),
                result.refused());
        assertEquals("NOT_COMPLETED/1 INACTIVE/1 CANCELLED/0", stored(1) + " " + stored(2) + " " + stored(3),
                "the refused move wrote nothing");
        assertEquals(1, audited(1));
        assertEquals(1, audited(2));
        assertEquals(0, audited(3));
        assertTrue(changes(1).contains("status: IN_PROGRESS → NOT_COMPLETED"), changes(1));
        assertTrue(changes(1).contains("reason: ∅ → deadline"), changes(1));
        assertTrue(changes(1).contains("source: ∅ → tracking run 7"), changes(1));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aCorrectionTheTableForbidsIsRefusedAndOneItAllowsIsAuditedOnce(String db) throws Exception {
        start(db);
        StatusChanges door = new StatusChanges(audit, CLOCK);
        StatusChangeResult result;
        try (Connection c = ds.getConnection()) {
            List<Enrollment> rows = EnrollmentQueries.byIds(c, List.of(4L, 5L));
            Enrollment active = rows.stream().filter(e -> e.id() == 4).findFirst().orElseThrow();
            Enrollment applied = rows.stream().filter(e -> e.id() == 5).findFirst().orElseThrow();
            result = door.change(c, List.of(
                    new StatusChanges.Move(applied, CertificationStatus.ACTIVE, applied.earnedOn(), null,
                            "Consistency check: earned but applied", true),
                    new StatusChanges.Move(active, CertificationStatus.IN_PROGRESS, null, active.expiresOn(),
                            "Consistency check: active without an earned date", true)),
                    "consistency check run 3", StatusChanges.Audit.EACH);
        }

        assertEquals(List.of(new StatusChangeResult.Refused(5, "An enrollment that is applied cannot become active by"
                + " a correction; a person decides.")), result.refused());
        assertEquals("APPLIED/0 IN_PROGRESS/1", stored(5) + " " + stored(4));
        assertEquals(0, audited(5));
        assertEquals(1, audited(4));

        // the same undoing is no move for anyone else: Active never goes back to In progress
        insert(6, CertificationStatus.ACTIVE, null);
        try (Connection c = ds.getConnection()) {
            assertEquals(List.of(new StatusChangeResult.Refused(6, "An enrollment that is active cannot become in"
                    + " progress.")), service.changeStatus(c, List.of(StatusChange.of(6,
                            CertificationStatus.IN_PROGRESS, null)), null).refused());
        }
        assertEquals(0, audited(6));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aStaleVersionFailsTheCallAndTheRightToEditIsNeeded(String db) throws Exception {
        start(db);
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            assertThrows(ConcurrentModificationException.class, () -> service.changeStatus(c,
                    List.of(StatusChange.of(1, CertificationStatus.INACTIVE, null).expecting(3)), null));
            assertThrows(IllegalArgumentException.class, () -> service.changeStatus(c,
                    List.of(StatusChange.of(1, CertificationStatus.INACTIVE, null),
                            StatusChange.of(1, CertificationStatus.CANCELLED, null)), null));
            c.rollback();
        }
        security.anonymous();
        try (Connection c = ds.getConnection()) {
            assertThrows(AccessDeniedException.class, () -> service.changeStatus(c,
                    List.of(StatusChange.of(1, CertificationStatus.INACTIVE, null)), null));
        }
        assertEquals("IN_PROGRESS/0", stored(1));
        assertEquals(0, audited(1));
    }

    private String stored(long id) throws SQLException {
        try (Connection c = ds.getConnection()) {
            Enrollment e = EnrollmentQueries.byIds(c, List.of(id)).get(0);
            return e.status() + "/" + e.version();
        }
    }

    private long audited(long id) throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM"
                + " audit_entry WHERE entity_type = 'enrollment' AND entity_id = ?")) {
            s.setString(1, String.valueOf(id));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private String changes(long id) throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement s = c.prepareStatement("SELECT changes FROM"
                + " audit_entry WHERE entity_type = 'enrollment' AND entity_id = ?")) {
            s.setString(1, String.valueOf(id));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private void insert(long id, CertificationStatus status, LocalDate earnedOn) throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement s = c.prepareStatement("INSERT INTO enrollment (id,"
                + " contact_id, program_id, rule_version, cycle, enrolled_on, grace_period_begins, expires_on, earned_on,"
                + " status, status_changed_at, version) VALUES (?, ?, 1, 1, 1, ?, ?, ?, ?, ?, ?, 0)")) {
            s.setLong(1, id);
            s.setLong(2, 1000 + id);
            s.setObject(3, LocalDate.of(2025, 1, 10));
            s.setObject(4, LocalDate.of(2026, 1, 10));
            s.setObject(5, LocalDate.of(2026, 2, 10));
            s.setObject(6, earnedOn);
            s.setString(7, status.name());
            s.setTimestamp(8, Timestamp.valueOf("2025-01-10 09:00:00"));
            s.executeUpdate();
        }
    }
}
