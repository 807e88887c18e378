package org.certportal.process.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.certportal.persistence.api.PageRequest;
import org.certportal.persistence.testing.TestDatabases;
import org.certportal.process.api.ProcessRun;
import org.certportal.process.api.RowState;
import org.certportal.process.api.RunOptions;
import org.certportal.process.api.RunState;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * kill -9 in the middle of a run on PostgreSQL: a child JVM runs the engine, the test kills it with
 * SIGKILL once some chunks are committed, then a new engine of the same portal resumes the run, and
 * every row ends processed exactly once; alike when the type works whole chunks through its chunk step.
 */
class ProcessCrashIT {
    private static final int ROWS = 20_000;
    private static final int CHUNK = 100;
    private static final String NODE = "crash-test-portal";

    @ParameterizedTest
    @ValueSource(strings = { "rows", "chunked" })
    void aRunKilledWithSigkillMidChunkResumesAndProcessesEveryRowExactlyOnce(String mode) throws Exception {
        assumeTrue(TestDatabases.available().contains(TestDatabases.POSTGRESQL), "needs the build's PostgreSQL");
        TestDatabases.UrlDataSource ds = (TestDatabases.UrlDataSource) TestDatabases.fresh(TestDatabases.POSTGRESQL);
        EngineFixture f = new EngineFixture(ds, Clock.systemUTC());
        f.items(ROWS);
        long id = f.service.start(CounterType.ID, Map.of(), RunOptions.run());

        Path log = Files.createTempFile("process-crash-child", ".log");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), CrashChild.class.getName(), ds.url(), NODE,
                String.valueOf(CHUNK), mode).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long doneAtKill;
        try {
            Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
            // poll the run until some chunks are committed; the wait is on the child, so an early exit shows at once
            while ((doneAtKill = f.count("SELECT done_count FROM process_run WHERE id = " + id)) < 2000) {
                assertTrue(child.isAlive(), "the child stopped early: " + Files.readString(log));
                assertTrue(Instant.now().isBefore(deadline), "no progress: " + Files.readString(log));
                child.waitFor(20, TimeUnit.MILLISECONDS);
            }
        } finally {
            child.destroyForcibly();
        }
        assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        assertEquals(128 + 9, child.exitValue(), "ended by SIGKILL");

        ProcessRun killed = f.service.run(id).orElseThrow();
        assertEquals(RunState.RUNNING, killed.state(), "nobody finished it");
        assertTrue(killed.done() >= doneAtKill && killed.done() < ROWS, "killed mid-run: " + killed.done());
        assertEquals(0, killed.done() % CHUNK, "only whole chunks committed");
        assertEquals(killed.done(), f.count("SELECT COUNT(*) FROM test_item WHERE counter = 1"),
                "the chunk in flight left no change behind");
        assertEquals(0, f.count("SELECT COUNT(*) FROM test_item WHERE counter > 1"));

        // the portal starts again: its engine resumes the run at once
        f.counter.chunked = "chunked".equals(mode);
        assertEquals(1, f.engine(NODE, CHUNK, Clock.systemUTC()).runUntilIdle());
        ProcessRun resumed = f.service.run(id).orElseThrow();
        assertEquals(RunState.COMPLETED, resumed.state());
        assertEquals(ROWS, resumed.total());
        assertEquals(ROWS, resumed.done());
        assertEquals(Map.of(1, (long) ROWS), f.counters(), "every row exactly once");
        assertEquals(0, f.service.rows(id, RowState.PENDING, PageRequest.first(1)).total());
        assertEquals(ROWS, f.service.rows(id, RowState.DONE, PageRequest.first(1)).total());
        Files.deleteIfExists(log);
    }
}
