package org.certportal.bench.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.certportal.audit.internal.AuditLogImpl;
import org.certportal.mail.internal.MailOutboxImpl;
import org.certportal.persistence.internal.LiquibaseSchemaMigrator;
import org.certportal.persistence.testing.TestDatabases;
import org.certportal.process.api.RunState;
import org.certportal.process.internal.ProcessHarness;
import org.certportal.process.internal.ProcessPermissionProvider;
import org.certportal.security.api.Role;
import org.certportal.security.testing.TestSecurity;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs the benchmark of {@code process:benchmark} with the real engine in the test thread: small here,
 * so it proves the benchmark itself (every row updated once by each side). For the figures:
 * {@code mvn -o -f bundles/bench/pom.xml verify -Dit.test=ProcessBenchmarkIT -Dprocess.benchmark.rows=100000}.
 */
class ProcessBenchmarkIT {
    static Stream<String> databases() {
        return TestDatabases.available().stream();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void theBenchmarkUpdatesEveryRowOnceByEachSideAndReportsBoth(String db) throws Exception {
        DataSource ds = TestDatabases.fresh(db);
        TestSecurity security = new TestSecurity(new ProcessPermissionProvider()).as(Role.CERTIFICATION_ADMIN);
        LiquibaseSchemaMigrator migrator = new LiquibaseSchemaMigrator(ds);
        AuditLogImpl audit = new AuditLogImpl(security, migrator, ds);
        ProcessHarness engine = new ProcessHarness(security, migrator, ds, audit,
                MailOutboxImpl.migrating(security, migrator, ds, audit), Clock.systemUTC(), 500);
        int rows = Integer.getInteger("process.benchmark.rows", 3000);
        ProcessBenchmark.Publisher publisher = type -> {
            engine.add(type);
            return () -> engine.remove(type);
        };
        ProcessBenchmark.Result result = new ProcessBenchmark(ds, publisher, engine.service()).run(rows, id -> {
            engine.runUntilIdle();
            return engine.service().run(id).orElseThrow();
        });
        System.out.println("process benchmark on " + db + ": " + result);
        assertEquals(RunState.COMPLETED, result.run().state());
        assertEquals(rows, result.run().done());
    }
}
