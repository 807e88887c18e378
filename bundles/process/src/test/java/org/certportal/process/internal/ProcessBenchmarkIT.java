package org.certportal.process.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;

import org.certportal.persistence.testing.TestDatabases;
import org.certportal.process.api.RunState;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs the benchmark of {@code process:benchmark} with an engine in the test thread: small here, so it
 * proves the benchmark itself (every row updated once by each side). For the figures:
 * {@code mvn -o -f bundles/process/pom.xml verify -Dit.test=ProcessBenchmarkIT -Dprocess.benchmark.rows=100000}.
 */
class ProcessBenchmarkIT {
    static Stream<String> databases() {
        return TestDatabases.available().stream();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void theBenchmarkUpdatesEveryRowOnceByEachSideAndReportsBoth(String db) throws Exception {
        EngineFixture f = new EngineFixture(db);
        int rows = Integer.getInteger("process.benchmark.rows", 3000);
        Engine engine = f.engine("bench", 500);
        ProcessBenchmark.Result result = new ProcessBenchmark(f.dataSource, f.types, f.service).run(rows, id -> {
            engine.runUntilIdle();
            return f.service.run(id).orElseThrow();
        });
        System.out.println("process benchmark on " + db + ": " + result);
        assertEquals(RunState.COMPLETED, result.run().state());
        assertEquals(rows, result.run().done());
    }
}
