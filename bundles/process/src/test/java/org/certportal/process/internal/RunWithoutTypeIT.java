package org.certportal.process.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;

import org.certportal.process.api.ProcessRun;
import org.certportal.process.api.RunOptions;
import org.certportal.process.api.RunState;
import org.certportal.persistence.testing.TestDatabases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A run whose process type went away with what provided it (a benchmark command's own type after the
 * command crashed) fails once the type has been missing for a while, instead of waiting forever; a
 * type that only comes up late still finds its run.
 */
class RunWithoutTypeIT {

    static Stream<String> databases() {
        return TestDatabases.available().stream();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aQueuedRunWhoseTypeStaysGoneFailsAfterTheGraceTime(String db) throws Exception {
        EngineFixture f = new EngineFixture(db);
        f.items(10);
        long id = f.service.start(CounterType.ID, Map.of(), RunOptions.run());
        f.types.remove(f.counter);
        Engine restarted = f.engine("portal-a", 100);

        f.clock.advance(Engine.TYPE_GONE_AFTER.minus(Duration.ofSeconds(1)));
        assertTrue(restarted.claimNext().isEmpty());
        assertEquals(RunState.QUEUED, f.state(id), "a type may come up late at a start: the run waits");

        f.clock.advance(Duration.ofSeconds(2));
        assertTrue(restarted.claimNext().isEmpty());
        ProcessRun run = f.service.run(id).orElseThrow();
        assertEquals(RunState.FAILED, run.state());
        assertEquals("Its process type " + CounterType.ID + " has not been installed for 10 minutes: what provided"
                + " it (a feature, or a command that ended) is gone.", run.error());
        assertEquals(Map.of(0, 10L), f.counters(), "no row was processed");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aTypeThatComesBackInTimeRunsItsQueuedRun(String db) throws Exception {
        EngineFixture f = new EngineFixture(db);
        f.items(10);
        long id = f.service.start(CounterType.ID, Map.of(), RunOptions.run());
        f.types.remove(f.counter);
        Engine engine = f.engine("portal-a", 100);
        f.clock.advance(Engine.TYPE_GONE_AFTER.minus(Duration.ofMinutes(1)));
        assertTrue(engine.claimNext().isEmpty());
        f.types.add(f.counter);
        assertEquals(1, engine.runUntilIdle());
        assertEquals(RunState.COMPLETED, f.state(id));
    }
}
