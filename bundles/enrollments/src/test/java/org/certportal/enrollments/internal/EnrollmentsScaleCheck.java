package org.certportal.enrollments.internal;

import org.certportal.programs.testing.FakePrograms;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;

import javax.sql.DataSource;

import org.certportal.audit.internal.AuditLogImpl;
import org.certportal.contacts.api.ContactDraft;
import org.certportal.contacts.internal.ContactServiceImpl;
import org.certportal.contacts.internal.DemoContacts;
import org.certportal.enrollments.api.EnrolleeFilter;
import org.certportal.enrollments.api.EnrollmentService;
import org.certportal.persistence.api.PageRequest;
import org.certportal.persistence.internal.LiquibaseSchemaMigrator;
import org.certportal.persistence.testing.TestDatabases;
import org.certportal.persistence.testing.TestJpa;
import org.certportal.programs.api.ProgramOptions;
import org.certportal.programs.api.RecertificationBasis;
import org.certportal.security.api.Role;
import org.certportal.security.testing.TestSecurity;
import org.junit.jupiter.api.Test;

/**
 * The benchmark of the issue at full size on the throwaway PostgreSQL: 200,000 contacts, 50 programs,
 * 1,000,000 enrollments, then the tracker and page timings and 10,000 enrolled in one action (raw JDBC
 * next to the same work: the bench feature's commands). Not part of the build (a few minutes); run it
 * with {@code mvn -o -f bundles/enrollments/pom.xml
 * verify -Dit.test=EnrollmentsScaleCheck -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false}. Sizes:
 * -Dscale.contacts, -Dscale.enrollments; -Dscale.throughService=true loads the enrollments through the
 * service's demo data (about 7 minutes here) instead of by SQL.
 */
class EnrollmentsScaleCheck {

    @Test
    void trackersAndFirstPagesStayUnder150MsAtTheP95WithAMillionEnrollments() throws Exception {
        assumeTrue(TestDatabases.available().contains(TestDatabases.POSTGRESQL), "needs the throwaway PostgreSQL");
        int contacts = Integer.getInteger("scale.contacts", 200_000);
        int enrollmentCount = Integer.getInteger("scale.enrollments", 1_000_000);
        DataSource ds = TestDatabases.fresh(TestDatabases.POSTGRESQL);
        LiquibaseSchemaMigrator migrator = new LiquibaseSchemaMigrator(ds);
        migrator.migrate(ContactServiceImpl.class, "db/contacts.changelog.xml");
        long t = System.nanoTime();
        insertContacts(ds, DemoContacts.generate(contacts, 7, LocalDate.now()));
        System.out.printf("%,d contacts in %.1f s%n", contacts, (System.nanoTime() - t) / 1e9);

        TestSecurity security = new TestSecurity(new EnrollmentPermissionProvider()).as(Role.SYSADMIN);
        FakePrograms programs = new FakePrograms();
        List<Long> programIds = new ArrayList<>();
        for (long id = 1; id <= 50; id++) {
            programs.add(id, "P" + id, new ProgramOptions(false, false, id % 3 == 0, id % 5 == 0, false, 24, 12, 30,
                    BigDecimal.ZERO, RecertificationBasis.COMPLETION_DATE, null));
            programIds.add(id);
        }
        try (TestJpa jpa = new TestJpa("certportal-enrollments", ds)) {
            EnrollmentServiceImpl service = new EnrollmentServiceImpl(jpa, security, migrator,
                    new AuditLogImpl(security, migrator, ds), programs, Clock.systemUTC());
            t = System.nanoTime();
            if (Boolean.getBoolean("scale.throughService")) {
                System.out.println("demo enrollments " + new DemoEnrollments(service, 11).generate(enrollmentCount,
                        programIds, LongStream.rangeClosed(1, contacts).toArray()));
            } else {
                insertEnrollments(ds, enrollmentCount / programIds.size(), programIds.size(), contacts);
            }
            System.out.printf("%,d enrollments in %.1f s%n", enrollmentCount, (System.nanoTime() - t) / 1e9);
            try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                s.execute("ANALYZE");
            }

            Random random = new Random(3);
            String[] prefixes = { "smi", "gar", "lee", "mar", "wil", "ki", "jo", "ba", "ng", "ro" };
            double trackers = p95(() -> service.trackers(programIds.get(random.nextInt(programIds.size()))));
            double firstPages = p95(() -> service.enrollees(programIds.get(random.nextInt(programIds.size())),
                    new EnrolleeFilter(prefixes[random.nextInt(prefixes.length)], null, null),
                    new PageRequest(0, 50, EnrollmentService.SORT_NAME, true)));
            System.out.printf("p95 over 100 runs: four tracker counts %.1f ms, filtered first page of enrollees"
                    + " (name prefix, 50 by name, with count) %.1f ms%n", trackers, firstPages);

            programs.add(51, "FRESH", ProgramOptions.defaults());
            List<Long> ids = LongStream.rangeClosed(1, Math.min(10_000, contacts)).boxed().toList();
            t = System.nanoTime();
            int enrolled = service.enroll(51, ids, null).enrolled().size();
            System.out.printf("enroll %,d in one action: %,.0f rows/s (raw JDBC next to it: certportal:enrollments-benchmark"
                    + " of the bench feature)%n", enrolled, enrolled / ((System.nanoTime() - t) / 1e9));
            assertTrue(trackers <= 150, "four tracker counts, p95 " + trackers + " ms");
            assertTrue(firstPages <= 150, "filtered first page, p95 " + firstPages + " ms");
        }
    }

    /** Milliseconds of the 95th percentile of 100 runs of the query. */
    private static double p95(Runnable query) {
        double[] millis = new double[100];
        for (int i = 0; i < millis.length; i++) {
            long started = System.nanoTime();
            query.run();
            millis[i] = (System.nanoTime() - started) / 1e6;
        }
        Arrays.sort(millis);
        return millis[94];
    }

    /**
     * The quick load: the same shape as the demo data (three years of monthly groups, a third earned, 2%
     * cancelled), written by the database itself.
     */
    private static void insertEnrollments(DataSource ds, int perProgram, int programs, int contacts) throws Exception {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO enrollment SELECT p * 10000000 + i, ((i::bigint * 7919 + p * 104729) % " + contacts
                    + ") + 1, p, 1, 1, d, d + interval '12 months', CASE WHEN st = 'ACTIVE' THEN d + interval"
                    + " '26 months' ELSE d + interval '12 months' + interval '30 days' END, CASE WHEN st = 'ACTIVE'"
                    + " THEN d + interval '2 months' END, st, now(), 1 FROM (SELECT p, i, (current_date - (i % 1095))::date d,"
                    + " CASE WHEN i % 50 = 0 THEN 'CANCELLED' WHEN i % 5 < 2 AND (i % 1095) BETWEEN 90 AND 900"
                    + " THEN 'ACTIVE' ELSE 'IN_PROGRESS' END st FROM generate_series(1, " + programs + ") p,"
                    + " generate_series(1, " + perProgram + ") i) x");
        }
    }

    private static void insertContacts(DataSource ds, List<ContactDraft> drafts) throws Exception {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("INSERT INTO contact (id,"
                + " given_name, family_name, family_name_key, email, birth_date, external_id, created_at, version)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1)")) {
            c.setAutoCommit(false);
            long id = 0;
            Timestamp now = Timestamp.valueOf(LocalDateTime.now());
            for (ContactDraft d : drafts) {
                ps.setLong(1, ++id);
                ps.setString(2, d.givenName());
                ps.setString(3, d.familyName());
                ps.setString(4, d.familyName().toLowerCase(java.util.Locale.ROOT));
                ps.setString(5, d.email());
                ps.setObject(6, d.birthDate());
                ps.setString(7, d.externalId());
                ps.setTimestamp(8, now);
                ps.addBatch();
                if (id % 1000 == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
            c.commit();
        }
    }
}
