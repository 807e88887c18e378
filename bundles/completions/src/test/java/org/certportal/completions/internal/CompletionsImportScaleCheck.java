package org.certportal.completions.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.StringReader;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

import org.certportal.completions.api.ImportMode;
import org.certportal.completions.api.ImportReport;
import org.certportal.contacts.api.Contact;
import org.certportal.persistence.testing.TestDatabases;
import org.certportal.programs.api.GradeType;
import org.certportal.programs.api.ProgramStatus;
import org.certportal.programs.api.Requirement;
import org.certportal.security.api.Role;
import org.junit.jupiter.api.Test;

/**
 * The benchmark of the issue on the throwaway PostgreSQL: 100,000 completion rows (25,000 enrollees
 * × 4 requirements, so every enrollment is earned and mailed) imported from CSV through the service.
 * Not part of the build (about a minute); run it with {@code mvn -o -f bundles/completions/pom.xml verify -Dit.test=CompletionsImportScaleCheck
 * -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false}; size: -Dscale.rows.
 */
class CompletionsImportScaleCheck {
    private static final long BENCH = 9;

    @Test
    void importsAHundredThousandRowsAndComparesWithRawJdbc() throws Exception {
        assumeTrue(TestDatabases.available().contains(TestDatabases.POSTGRESQL), "needs the throwaway PostgreSQL");
        int rows = Integer.getInteger("scale.rows", 100_000);
        int people = rows / 4;
        try (Portal portal = new Portal(TestDatabases.POSTGRESQL)) {
            portal.security.as(Role.SYSADMIN);
            List<Requirement> requirements = new ArrayList<>();
            for (int i = 1; i <= 4; i++) {
                requirements.add(Portal.requirement(90 + i, BENCH, i, "Module " + i, GradeType.NONE, null, false));
            }
            portal.programs.add(BENCH, "BENCH", ProgramStatus.ACTIVE, Portal.options(false, false), requirements);
            try (Connection c = portal.ds.getConnection(); PreparedStatement ps = c.prepareStatement("INSERT INTO"
                    + " contact (id, given_name, family_name, family_name_key, email, external_id, created_at, version)"
                    + " VALUES (?, 'Bench', ?, ?, ?, ?, ?, 1)")) {
                for (long id = 1; id <= people; id++) {
                    ps.setLong(1, id);
                    ps.setString(2, "Completer" + id);
                    ps.setString(3, "completer" + id);
                    ps.setString(4, "c" + id + "@example.org");
                    ps.setString(5, "B-" + id);
                    ps.setTimestamp(6, Timestamp.valueOf(Portal.TODAY.atStartOfDay()));
                    ps.addBatch();
                    portal.contacts.add(new Contact(id, "Bench", "Completer" + id, "c" + id + "@example.org", null,
                            "B-" + id, 1));
                }
                ps.executeBatch();
            }
            List<Long> ids = new ArrayList<>();
            for (long id = 1; id <= people; id++) {
                ids.add(id);
            }
            assertEquals(people, portal.enrollments.enroll(BENCH, ids, Portal.ENROLLED).enrolled().size());

            StringBuilder csv = new StringBuilder("contact,program,requirement,date,grade\n");
            for (long id = 1; id <= people; id++) {
                for (Requirement r : requirements) {
                    csv.append("B-").append(id).append(",BENCH,").append(r.position()).append(',')
                            .append(Portal.TODAY).append(",\n");
                }
            }
            long started = System.nanoTime();
            ImportReport report = portal.service.importCsv(new StringReader(csv.toString()), ImportMode.ALL_OR_NOTHING);
            double seconds = (System.nanoTime() - started) / 1e9;
            assertEquals(List.of(), report.errors());
            assertEquals(people * 4, report.imported());
            assertEquals(people, report.earned());
            System.out.printf("SCALE import %,d completion rows from CSV (%,d enrollments earned, mailed): %,.0f rows/s"
                    + " in %.1f s (raw JDBC next to it: certportal:completions-benchmark of the bench feature)%n",
                    report.imported(), report.earned(), report.imported() / seconds, seconds);
            assertEquals(people, portal.count("SELECT COUNT(*) FROM mail_outbox"));
            assertEquals(BigDecimal.valueOf(people * 4L), BigDecimal.valueOf(portal.count(
                    "SELECT COUNT(*) FROM completion WHERE status = 'COMPLETE'")));
        }
    }
}
