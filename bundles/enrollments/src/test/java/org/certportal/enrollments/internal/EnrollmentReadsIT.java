package org.certportal.enrollments.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.certportal.audit.internal.AuditLogImpl;
import org.certportal.contacts.api.ContactNames;
import org.certportal.contacts.internal.ContactServiceImpl;
import org.certportal.enrollments.api.CertificationStatus;
import org.certportal.enrollments.api.Enrollment;
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

/** What other features read of enrollments: the batch lookup of the API and the published view enrollment_summary. */
class EnrollmentReadsIT {
    private static final LocalDate TODAY = LocalDate.of(2025, 6, 15);
    private static final long PLAIN = 1, OTHER = 2;

    private DataSource ds;
    private TestJpa jpa;
    private TestSecurity security;
    private EnrollmentServiceImpl service;
    private FakePrograms programs;

    static Stream<String> databases() {
        return TestDatabases.available().stream();
    }

    private void start(String db) throws SQLException {
        ds = TestDatabases.fresh(db);
        LiquibaseSchemaMigrator migrator = new LiquibaseSchemaMigrator(ds);
        migrator.migrate(ContactServiceImpl.class, "db/contacts.changelog.xml");
        security = new TestSecurity(new EnrollmentPermissionProvider()).as(Role.STAFF);
        jpa = new TestJpa("certportal-enrollments", ds);
        programs = new FakePrograms();
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

    @ParameterizedTest
    @MethodSource("databases")
    void theEnrollmentsInProgressOfManyContactsInAProgramAreReadAtOnce(String db) throws Exception {
        start(db);
        List<Enrollment> enrolled = service.enroll(PLAIN, List.of(1L, 2L, 3L), TODAY.minusDays(10)).enrolled();
        service.enroll(OTHER, List.of(4L), TODAY.minusDays(10));
        Enrollment third = enrolled.get(2);
        service.cancel(third.id(), third.version(), "moved away");

        Map<Long, Enrollment> found = service.inProgress(PLAIN, Arrays.asList(1L, 2L, 3L, 4L, 5L, 999L, 2L, null));

        assertEquals(Map.of(1L, enrolled.get(0), 2L, enrolled.get(1)), found,
                "cancelled ones, other programs' and unknown contacts are left out; each as stored");
        assertEquals(Map.of(), service.inProgress(PLAIN, List.of()));
        security.anonymous();
        assertThrows(AccessDeniedException.class, () -> service.inProgress(PLAIN, List.of(1L)));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void thePublishedViewShowsEachEnrollmentsContactProgramAndStatus(String db) throws Exception {
        start(db);
        List<Enrollment> enrolled = new ArrayList<>(service.enroll(PLAIN, List.of(1L, 2L), null).enrolled());
        enrolled.addAll(service.enroll(OTHER, List.of(1L), null).enrolled());
        service.cancel(enrolled.get(1).id(), enrolled.get(1).version(), "moved away");

        List<String> rows = new ArrayList<>();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT id, contact_id, program_id, status FROM enrollment_summary ORDER BY id")) {
            while (rs.next()) {
                rows.add(rs.getLong(1) + " " + rs.getLong(2) + " " + rs.getLong(3) + " " + rs.getString(4));
            }
        }
        assertEquals(List.of(enrolled.get(0).id() + " 1 1 " + CertificationStatus.IN_PROGRESS,
                enrolled.get(1).id() + " 2 1 " + CertificationStatus.CANCELLED,
                enrolled.get(2).id() + " 1 2 " + CertificationStatus.IN_PROGRESS), rows);
    }

    @ParameterizedTest
    @MethodSource("databases")
    void theAuditLogNamesAnEnrollmentByItsPersonAndCertification(String db) throws Exception {
        start(db);
        List<Enrollment> enrolled = service.enroll(PLAIN, List.of(1L), null).enrolled();
        Enrollment other = service.enroll(OTHER, List.of(2L), null).enrolled().get(0);
        String first = String.valueOf(enrolled.get(0).id()), second = String.valueOf(other.id());
        EnrollmentAuditSubjects subjects = new EnrollmentAuditSubjects(jpa, security, programs);

        assertEquals(Map.of(first, "Given Family1 (X-1), PLAIN", second, "Given Family2 (X-2), OTHER"),
                subjects.names(List.of(first, second, "bulk", "999999", first)),
                "one name per enrollment; ids that name none (a bulk entry, a purged one) are left out");
        security.anonymous();
        assertThrows(AccessDeniedException.class, () -> subjects.names(List.of(first)));
    }
}
