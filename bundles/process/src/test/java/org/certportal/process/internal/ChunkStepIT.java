package org.certportal.process.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.certportal.persistence.api.PageRequest;
import org.certportal.persistence.testing.TestDatabases;
import org.certportal.process.api.ProcessRun;
import org.certportal.process.api.RowResult;
import org.certportal.process.api.RowState;
import org.certportal.process.api.RunOptions;
import org.certportal.process.api.RunState;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A type's own chunk step ({@code ProcessType.processChunk}) on H2 and PostgreSQL: one call per chunk with
 * per-row outcomes and result lines, a failing row that sends its chunk (and only it) back row by row,
 * and a dry run.
 */
class ChunkStepIT {

    static Stream<String> databases() {
        return TestDatabases.available().stream();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void eachChunkIsOneCallWithAnOutcomeAndResultLinesPerRow(String db) throws Exception {
        EngineFixture f = new EngineFixture(db);
        f.items(1234);
        f.counter.chunked = true;
        long id = f.service.start(CounterType.ID, Map.of("skip-every", "100"), RunOptions.run());
        f.engine("portal-a", 100).runUntilIdle();

        ProcessRun run = f.service.run(id).orElseThrow();
        assertEquals(RunState.COMPLETED, run.state());
        assertEquals(1222, run.done());
        assertEquals(12, run.skipped());
        assertEquals(13, f.counter.chunkCalls.get(), "one call per chunk of 100");
        assertEquals(0, f.counter.rowCalls.get(), "no row went through the row step");
        assertEquals(Map.of(0, 12L, 1, 1222L), f.counters());
        assertEquals("item 100 is left alone", f.service.rows(id, RowState.SKIPPED, PageRequest.first(1)).items()
                .get(0).message());
        String changed = f.file(id, "changed.csv");
        assertTrue(changed.startsWith("item,what\r\n1,counted\r\n2,counted\r\n"), changed.substring(0, 40));
        assertTrue(changed.contains("\r\n100,skipped\r\n"));
        assertEquals(1235, changed.split("\r\n").length, "header and one line per row");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aFailingRowSendsItsChunkRowByRowAndFailsAloneWhileTheOtherChunksStayWhole(String db) throws Exception {
        EngineFixture f = new EngineFixture(db);
        f.items(500);
        f.counter.chunked = true;
        f.counter.broken.add(150L);
        long id = f.service.start(CounterType.ID, Map.of(), RunOptions.run());
        f.engine("portal-a", 100).runUntilIdle();

        ProcessRun run = f.service.run(id).orElseThrow();
        assertEquals(RunState.COMPLETED, run.state());
        assertEquals(499, run.done());
        assertEquals(1, run.failed());
        assertEquals(Map.of(0, 1L, 1, 499L), f.counters(), "the chunk's batch was rolled back, then each row once");
        assertEquals(100, f.counter.rowCalls.get(), "only the failing chunk went row by row");
        assertEquals(5, f.counter.chunkCalls.get());
        List<RowResult> failed = f.service.rows(id, RowState.FAILED, PageRequest.first(10)).items();
        assertEquals(List.of("item:150"), failed.stream().map(RowResult::key).toList());
        assertEquals("item 150 is broken", failed.get(0).message());
        String changed = f.file(id, "changed.csv");
        assertEquals(500, changed.split("\r\n").length, "header and a line per row kept; the failed row has none");
        assertTrue(!changed.contains("\r\n150,"), "the failed row's line went with it");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void rowsGoneSinceTheSelectionFailWithoutUndoingTheirChunk(String db) throws Exception {
        EngineFixture f = new EngineFixture(db);
        f.items(300);
        f.counter.chunked = true;
        long id = f.service.start(CounterType.ID, Map.of(), RunOptions.run());
        Engine engine = f.engine("portal-a", 100);
        StoredRun claimed = engine.claimNext().orElseThrow();
        // the selection is made when the run starts; then an item goes before its chunk is processed
        f.counter.afterRow = item -> {
            if (item == 1) {
                try {
                    f.update("DELETE FROM test_item WHERE id = 250");
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
            }
        };
        engine.execute(claimed, () -> false);

        ProcessRun run = f.service.run(id).orElseThrow();
        assertEquals(RunState.COMPLETED, run.state());
        assertEquals(299, run.done());
        assertEquals(1, run.failed());
        assertEquals(3, f.counter.chunkCalls.get());
        assertEquals(0, f.counter.rowCalls.get(), "a failed outcome keeps the chunk whole");
        assertEquals(Map.of(1, 299L), f.counters());
        assertEquals("item 250 is gone", f.service.rows(id, RowState.FAILED, PageRequest.first(1)).items().get(0)
                .message());
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aDryRunThroughTheChunkStepChangesNothing(String db) throws Exception {
        EngineFixture f = new EngineFixture(db);
        f.items(250);
        f.counter.chunked = true;
        long id = f.service.start(CounterType.ID, Map.of(), RunOptions.preview());
        f.engine("portal-a", 100).runUntilIdle();

        ProcessRun run = f.service.run(id).orElseThrow();
        assertEquals(RunState.COMPLETED, run.state());
        assertEquals(250, run.done());
        assertEquals(3, f.counter.chunkCalls.get());
        assertEquals(Map.of(0, 250L), f.counters());
        assertEquals("counter of item 7 would go up by one",
                f.service.rows(id, null, new PageRequest(6, 1, null, true)).items().get(0).message());
    }
}
