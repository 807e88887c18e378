package org.certportal.process.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.certportal.persistence.api.PageRequest;
import org.certportal.persistence.testing.TestDatabases;
import org.certportal.process.api.ProcessRun;
import org.certportal.process.api.Recurrence;
import org.certportal.process.api.RunAlreadyActiveException;
import org.certportal.process.api.RunFilter;
import org.certportal.process.api.RunOptions;
import org.certportal.process.api.RunState;
import org.certportal.process.api.ScheduleRequest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Two portals (engines and services of their own) on one database, racing. */
class TwoPortalsIT {
    private static final int ROUNDS = 15;

    static Stream<String> databases() {
        return TestDatabases.available().stream();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void ofTwoPortalsStartingTheSameScopeAtOnceExactlyOneWinsAndTheOtherIsToldWhy(String db) throws Exception {
        EngineFixture f = new EngineFixture(db);
        List<ProcessServiceImpl> portals = List.of(f.service, f.newService(f.clock));
        for (int round = 0; round < ROUNDS; round++) {
            Map<String, String> params = Map.of("scope", "scope " + round);
            List<Object> results = race(portals.stream().<Callable<Object>>map(p -> () -> {
                try {
                    return p.start(CounterType.ID, params, RunOptions.run());
                } catch (RunAlreadyActiveException e) {
                    return e;
                }
            }).toList());
            long won = results.stream().filter(Long.class::isInstance).count();
            assertEquals(1, won, "round " + round + ": " + results);
            RunAlreadyActiveException lost = (RunAlreadyActiveException) results.stream()
                    .filter(RunAlreadyActiveException.class::isInstance).findFirst().orElseThrow();
            long winner = (Long) results.stream().filter(Long.class::isInstance).findFirst().orElseThrow();
            assertTrue(lost.getMessage().contains("is already active (run " + winner + ","), lost.getMessage());
        }
        assertEquals(ROUNDS, f.service.runs(RunFilter.all(), PageRequest.first(100)).total());
    }

    @ParameterizedTest
    @MethodSource("databases")
    void twoEnginesShareQueuedRunsAndProcessEachRowOfEachRunExactlyOnce(String db) throws Exception {
        EngineFixture f = new EngineFixture(db);
        f.items(600);
        int runs = 6;
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            ids.add(f.service.start(CounterType.ID, Map.of("scope", "part " + i), RunOptions.run()));
        }
        List<Engine> engines = List.of(f.engine("portal-a", 50), f.engine("portal-b", 50));
        List<Object> executed = race(engines.stream().<Callable<Object>>map(e -> e::runUntilIdle).toList());

        assertEquals(runs, executed.stream().mapToInt(o -> (Integer) o).sum(), "each run executed by one engine");
        for (long id : ids) {
            ProcessRun run = f.service.run(id).orElseThrow();
            assertEquals(RunState.COMPLETED, run.state());
            assertEquals(600, run.done());
        }
        assertEquals(Map.of(runs, 600L), f.counters(), "every item counted once per run");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void ofTwoEnginesFiringOneDueScheduleOnlyOneMakesARun(String db) throws Exception {
        EngineFixture f = new EngineFixture(db);
        f.items(20);
        for (int i = 0; i < 5; i++) {
            f.service.schedule(new ScheduleRequest(CounterType.ID, Map.of("scope", "s" + i),
                    LocalDateTime.of(2026, 5, 4, 9, 0), ZoneOffset.UTC, Recurrence.DAILY, RunOptions.run()));
        }
        f.clock.advance(Duration.ofHours(2));
        List<Engine> engines = List.of(f.engine("portal-a", 50), f.engine("portal-b", 50));
        List<Object> made = race(engines.stream().<Callable<Object>>map(e -> e::fireDueSchedules).toList());
        assertEquals(5, made.stream().mapToInt(o -> (Integer) o).sum());
        assertEquals(5, f.service.runs(RunFilter.all(), PageRequest.first(100)).total());
    }

    /** Runs the tasks at the same moment, one thread each, and returns their results in order. */
    private static List<Object> race(List<Callable<Object>> tasks) throws Exception {
        CyclicBarrier start = new CyclicBarrier(tasks.size());
        ExecutorService threads = Executors.newFixedThreadPool(tasks.size());
        try {
            List<Future<Object>> futures = new ArrayList<>();
            for (Callable<Object> task : tasks) {
                futures.add(threads.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            List<Object> results = new ArrayList<>();
            for (Future<Object> future : futures) {
                results.add(future.get(2, TimeUnit.MINUTES));
            }
            return results;
        } finally {
            threads.shutdownNow();
        }
    }
}
