package org.certportal.process.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.certportal.process.api.RunFilter;
import org.certportal.process.api.RunOptions;
import org.certportal.process.api.RunState;
import org.certportal.security.api.AccessDeniedException;
import org.certportal.persistence.testing.TestDatabases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The home cards' run counts (active now; failed since a time), counted in the database on H2 and PostgreSQL. */
class ProcessRunCountsIT {

    static Stream<String> databases() {
        return TestDatabases.available().stream();
    }

    private static void finish(EngineFixture f, long runId, RunState state, Instant at) throws Exception {
        try (Connection c = f.dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "UPDATE process_run SET state = ?, finished_at = ? WHERE id = ?")) {
            ps.setString(1, state.name());
            ps.setObject(2, LocalDateTime.ofInstant(at, ZoneOffset.UTC));
            ps.setLong(3, runId);
            assertEquals(1, ps.executeUpdate());
        }
        try (Connection c = f.dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "DELETE FROM process_active_scope WHERE run_id = ?")) {
            ps.setLong(1, runId); // as the engine's finish does: the scope is free for the next run
            ps.executeUpdate();
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void activeRunsAndRunsFailedSinceATimeAreCounted(String db) throws Exception {
        EngineFixture f = new EngineFixture(db);
        Instant now = EngineFixture.START;
        // one active run per process and scope: each finishes before the next starts
        finish(f, f.service.start(CounterType.ID, Map.of(), RunOptions.run()), RunState.FAILED,
                now.minus(Duration.ofDays(1)));
        finish(f, f.service.start(CounterType.ID, Map.of(), RunOptions.run()), RunState.FAILED,
                now.minus(Duration.ofDays(8)));
        finish(f, f.service.start(CounterType.ID, Map.of(), RunOptions.run()), RunState.COMPLETED,
                now.minus(Duration.ofDays(1)));
        f.service.start(CounterType.ID, Map.of(), RunOptions.run());
        RunFilter failed = new RunFilter(null, Set.of(RunState.FAILED), null);
        Instant weekAgo = now.minus(Duration.ofDays(7));

        assertEquals(1, f.service.countRuns(RunFilter.active(), null), "the one still queued");
        assertEquals(1, f.service.countRuns(failed, weekAgo));
        assertEquals(2, f.service.countRuns(failed, null));
        assertEquals(2, f.service.countRuns(RunFilter.all(), weekAgo), "finished in the week, whatever their end");
        assertEquals(f.service.runs(failed, org.certportal.persistence.api.PageRequest.first(10)).total(),
                f.service.countRuns(failed, null), "the list and the count agree");
        f.security.anonymous();
        assertThrows(AccessDeniedException.class, () -> f.service.countRuns(RunFilter.active(), null));
    }
}
