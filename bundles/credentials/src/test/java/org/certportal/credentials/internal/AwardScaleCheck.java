package org.certportal.credentials.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.Map;

import org.certportal.credentials.api.CredentialService;
import org.certportal.credentials.api.ImportReport;
import org.certportal.persistence.testing.TestDatabases;
import org.certportal.process.api.ProcessRun;
import org.certportal.process.api.RunOptions;
import org.certportal.security.api.Role;
import org.junit.jupiter.api.Test;

/**
 * A measurement, not a test of the build: N students (default 20,000) each with a diploma, one in ten also
 * with a certificate (superseded), one in twenty schools without an address, imported from CSV, previewed
 * and awarded through the process engine (chunks of 500, as the distribution), the CSVs written; beside it
 * raw JDBC batch inserts of the same awarded rows. Run it with {@code mvn -o -f bundles/credentials/pom.xml
 * verify -Dit.test=AwardScaleCheck -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false}; size: -Dscale.students.
 */
class AwardScaleCheck {

    @Test
    void awardsManyStudentsAndComparesWithRawJdbc() throws Exception {
        assumeTrue(TestDatabases.available().contains(TestDatabases.POSTGRESQL), "needs the throwaway PostgreSQL");
        int students = Integer.getInteger("scale.students", 20_000);
        try (CredentialsPortal p = new CredentialsPortal(TestDatabases.POSTGRESQL, 500)) {
            p.security.as(Role.SYSADMIN);
            Timestamp now = Timestamp.from(CredentialsPortal.NOW);
            try (Connection c = p.ds.getConnection(); PreparedStatement ps = c.prepareStatement("INSERT INTO contact (id,"
                    + " given_name, family_name, family_name_key, external_id, created_at, version)"
                    + " VALUES (?, 'Scale', ?, ?, ?, ?, 1)")) {
                for (long id = 1; id <= students; id++) {
                    ps.setLong(1, id);
                    ps.setString(2, "Student" + id);
                    ps.setString(3, "student" + id);
                    ps.setString(4, "S-" + id);
                    ps.setTimestamp(5, now);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            for (int s = 1; s <= 20; s++) {
                p.body(1000 + s, String.format("S%02d", s), "SCHOOL", s == 7 ? null : s + " School Rd", "Ottawa",
                        "K1A 0B" + (s % 10));
            }
            StringBuilder csv = new StringBuilder("student,type,achieved,session,school\n");
            for (int i = 1; i <= students; i++) {
                String school = String.format("S%02d", 1 + i % 20);
                csv.append("S-").append(i).append(",HSD,2026-06-28,2026-06,").append(school).append('\n');
                if (i % 10 == 0) {
                    csv.append("S-").append(i).append(",COA,2026-05-28,2026-06,").append(school).append('\n');
                }
            }
            long t0 = System.nanoTime();
            ImportReport imported = p.service.importAchieved(new StringReader(csv.toString()), false);
            long importMs = ms(t0);
            assertEquals(students + students / 10, imported.imported(), String.join("\n", imported.errors()));

            long t1 = System.nanoTime();
            ProcessRun preview = run(p, RunOptions.preview());
            String pre = p.engine.file(preview.id(), AwardProcess.PRE);
            long previewMs = ms(t1);

            long t2 = System.nanoTime();
            ProcessRun run = run(p, RunOptions.run());
            String ok = p.engine.file(run.id(), AwardProcess.SUCCESSFUL);
            String failed = p.engine.file(run.id(), AwardProcess.UNSUCCESSFUL);
            long runMs = ms(t2);
            assertEquals(students, run.done());
            assertEquals(students, p.count("SELECT COUNT(DISTINCT number) FROM awarded_credential"));

            long t3 = System.nanoTime();
            try (Connection c = p.ds.getConnection()) {
                c.setAutoCommit(false);
                try (Statement st = c.createStatement()) {
                    st.execute("CREATE TABLE scale_raw (id BIGINT PRIMARY KEY, number VARCHAR(40), contact_id BIGINT,"
                            + " achieved_id BIGINT, awarded_on DATE, status VARCHAR(16), awarded_at TIMESTAMP)");
                }
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO scale_raw VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                    for (int i = 1; i <= students; i++) {
                        ps.setLong(1, i);
                        ps.setString(2, "HSD-2026-" + i);
                        ps.setLong(3, i);
                        ps.setLong(4, i);
                        ps.setObject(5, java.time.LocalDate.of(2026, 7, 15));
                        ps.setString(6, "AWARDED");
                        ps.setTimestamp(7, now);
                        ps.addBatch();
                        if (i % 1000 == 0) {
                            ps.executeBatch();
                        }
                    }
                    ps.executeBatch();
                }
                c.commit();
            }
            long rawMs = ms(t3);
            System.out.printf("AwardScaleCheck on PostgreSQL, %,d students (%,d achieved): import %,d ms; preview with"
                    + " pre-processing.csv (%,d chars) %,d ms; award+order run with both CSVs (%,d + %,d chars) %,d ms"
                    + " (%,.0f students/s); raw JDBC batch insert of %,d rows %,d ms; run/raw %.1f×%n", students,
                    imported.imported(), importMs, pre.length(), previewMs, ok.length(), failed.length(), runMs,
                    students * 1000.0 / runMs, students, rawMs, runMs / (double) Math.max(1, rawMs));
        }
    }

    private static ProcessRun run(CredentialsPortal p, RunOptions options) throws Exception {
        long id = p.engine.service().start(CredentialService.AWARD_PROCESS, Map.of("session", "2026-06"), options);
        p.engine.runUntilIdle();
        return p.engine.service().run(id).orElseThrow();
    }

    private static long ms(long since) {
        return (System.nanoTime() - since) / 1_000_000;
    }
}
