package org.certportal.process.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import org.certportal.persistence.api.PageRequest;
import org.certportal.persistence.testing.TestDatabases;
import org.certportal.process.api.ProcessRun;
import org.certportal.process.api.ProcessSchedule;
import org.certportal.process.api.ProcessTypeInfo;
import org.certportal.process.api.Recurrence;
import org.certportal.process.api.RowResult;
import org.certportal.process.api.RowState;
import org.certportal.process.api.RunAlreadyActiveException;
import org.certportal.process.api.RunFilter;
import org.certportal.process.api.RunOptions;
import org.certportal.process.api.RunState;
import org.certportal.process.api.ScheduleRequest;
import org.certportal.process.api.ScheduleState;
import org.certportal.security.api.AccessDeniedException;
import org.certportal.security.api.Role;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The engine on a fresh database each (H2, and the build's throwaway PostgreSQL), with the counter process. */
class ProcessEngineIT {

    static Stream<String> databases() {
        return TestDatabases.available().stream();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aRunProcessesEveryRowOnceInChunksWithCountsResultFilesAuditAndMail(String db) throws Exception {
        EngineFixture f = new EngineFixture(db);
        f.items(1234);
        long id = f.service.start(CounterType.ID, Map.of("skip-every", "100"),
                RunOptions.run().notifying("staff@example.org"));
        assertEquals(RunState.QUEUED, f.state(id));

        assertEquals(1, f.engine("portal-a", 100).runUntilIdle());

        ProcessRun run = f.service.run(id).orElseThrow();
        assertEquals(RunState.COMPLETED, run.state());
        assertEquals(1234, run.total());
        assertEquals(1222, run.done());
        assertEquals(12, run.skipped());
        assertEquals(0, run.failed());
        assertEquals(1.0, run.progress());
        assertEquals(Map.of(0, 12L, 1, 1222L), f.counters(), "each item counted once, skipped ones not at all");
        assertEquals("certadmin-user", run.startedBy());

        String outcomes = f.file(id, "outcomes.csv");
        assertEquals(1235, outcomes.split("\r\n").length, "header and one line per row");
        assertTrue(outcomes.startsWith("row,key,outcome,message\r\n1,item:1,done,\r\n"), outcomes.substring(0, 60));
        assertTrue(outcomes.contains("100,item:100,skipped,item 100 is left alone\r\n"));
        String changed = f.file(id, "changed.csv");
        assertTrue(changed.startsWith("item,what\r\n1,counted\r\n2,counted\r\n"));
        assertEquals(1235, changed.split("\r\n").length);
        assertEquals(List.of("outcomes.csv", "changed.csv"), f.service.resultFiles(id));
        assertTrue(f.service.downloadName(id, "changed.csv").matches("test-counter-run-" + id
                + "-20260504-0800-changed.csv"));

        // started and finished, each mailed and audited in its own state change
        assertEquals(2, f.count("SELECT COUNT(*) FROM mail_outbox WHERE recipient = 'staff@example.org'"));
        assertEquals(1, f.count("SELECT COUNT(*) FROM mail_outbox WHERE subject LIKE 'Completed: Counter (run " + id
                + ")' AND body LIKE '%Done: 1222%Skipped: 12%outcomes.csv: 1234 rows%changed.csv: 1234 rows%'"),
                "the counts of every result file");
        assertEquals(3, f.count("SELECT COUNT(*) FROM audit_entry WHERE entity_type = 'process-run' AND entity_id = '"
                + id + "'"), "queued, started, finished");

        Page rows = new Page(f.service.rows(id, RowState.SKIPPED, PageRequest.first(5)).items());
        assertEquals(5, rows.items.size());
        assertEquals("item:100", rows.items.get(0).key());
        assertEquals(12, f.service.rows(id, RowState.SKIPPED, PageRequest.first(5)).total());
    }

    private record Page(List<RowResult> items) {
    }

    @ParameterizedTest
    @MethodSource("databases")
    void longResultFilesAreStoredInBlocksAndWrittenBackLineByLineInOrder(String db) throws Exception {
        EngineFixture f = new EngineFixture(db);
        f.items(250);
        String remark = " and noted: " + "x".repeat(150);
        f.counter.remark = remark;
        long id = f.service.start(CounterType.ID, Map.of("skip-every", "100"), RunOptions.run()
                .notifying("staff@example.org"));

        f.engine("portal-a", 100).runUntilIdle();

        StringBuilder expected = new StringBuilder("item,what\r\n");
        for (int i = 1; i <= 250; i++) {
            expected.append(i).append(i % 100 == 0 ? ",skipped" : ",counted" + remark).append("\r\n");
        }
        assertEquals(expected.toString(), f.file(id, "changed.csv"), "every line once, in row order");
        long stored = f.count("SELECT COUNT(*) FROM process_result_line WHERE run_id = " + id);
        assertTrue(stored > 3 && stored < 50, "100 lines of 170 characters fill about three blocks of 8,000: "
                + stored);
        assertEquals(1, f.count("SELECT COUNT(*) FROM mail_outbox WHERE subject LIKE 'Completed: Counter (run " + id
                + ")' AND body LIKE '%changed.csv: 250 rows%'"), "the count of lines, not of blocks");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void whoeverStartsOrSchedulesARunWithoutAnAddressIsWrittenToAtTheirOwn(String db) throws Exception {
        EngineFixture f = new EngineFixture(db);
        f.items(3);
        f.service.users = new OwnAddress("carl@example.org");
        long run = f.service.start(CounterType.ID, Map.of(), RunOptions.run());
        assertEquals("carl@example.org", f.service.run(run).orElseThrow().notifyTo());
        long other = f.service.start(CounterType.ID, Map.of("scope", "second"),
                RunOptions.run().notifying("desk@example.org"));
        assertEquals("desk@example.org", f.service.run(other).orElseThrow().notifyTo(), "an address given wins");
        long schedule = f.service.schedule(new org.certportal.process.api.ScheduleRequest(CounterType.ID,
                Map.of("scope", "third"), java.time.LocalDateTime.of(2030, 1, 1, 6, 0), null,
                org.certportal.process.api.Recurrence.NONE, RunOptions.run()));
        assertEquals("carl@example.org", f.service.schedules(null, null, PageRequest.first(10)).items().stream()
                .filter(s -> s.id() == schedule).findFirst().orElseThrow().notifyTo());
        f.service.users = new OwnAddress(null);
        assertEquals(null, f.service.run(f.service.start(CounterType.ID, Map.of("scope", "fourth"), RunOptions.run()))
                .orElseThrow().notifyTo(), "no address on the account: no mail");
    }

    /** The accounts as the process service sees them: only the caller's own address. */
    private record OwnAddress(String email) implements org.certportal.security.api.UserDirectory {
        @Override
        public java.util.Optional<String> ownEmail() {
            return java.util.Optional.ofNullable(email);
        }

        @Override
        public List<org.certportal.security.api.PortalUser> list() {
            throw new UnsupportedOperationException();
        }

        @Override
        public java.util.Optional<org.certportal.security.api.PortalUser> find(String userName) {
            throw new UnsupportedOperationException();
        }

        @Override
        public org.certportal.security.api.PortalUser add(String userName, String displayName, char[] password,
                java.util.Set<org.certportal.security.api.Role> roles) {
            throw new UnsupportedOperationException();
        }

        @Override
        public org.certportal.security.api.PortalUser add(String userName, String displayName, char[] password,
                java.util.Set<org.certportal.security.api.Role> roles, String address) {
            throw new UnsupportedOperationException();
        }

        @Override
        public org.certportal.security.api.PortalUser setEnabled(String userName, boolean enabled) {
            throw new UnsupportedOperationException();
        }

        @Override
        public org.certportal.security.api.PortalUser setRoles(String userName,
                java.util.Set<org.certportal.security.api.Role> roles) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void resetPassword(String userName, char[] newPassword) {
            throw new UnsupportedOperationException();
        }

        @Override
        public org.certportal.security.api.PortalUser setEmail(String userName, String address) {
            throw new UnsupportedOperationException();
        }
    }


    @ParameterizedTest
    @MethodSource("databases")
    void rowsWrittenAtOnceOnTheConnectionWorkAlike(String db) throws Exception {
        EngineFixture f = new EngineFixture(db);
        f.items(300);
        f.counter.deferred = false;
        long id = f.service.start(CounterType.ID, Map.of(), RunOptions.run());
        f.engine("portal-a", 64).runUntilIdle();
        assertEquals(RunState.COMPLETED, f.state(id));
        assertEquals(Map.of(1, 300L), f.counters());
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aDryRunChangesNothingEvenWhenTheTypeWritesAndSaysWhatWouldChange(String db) throws Exception {
        EngineFixture f = new EngineFixture(db);
        f.items(250);
        long id = f.service.start(CounterType.ID, Map.of("misbehave", "true"), RunOptions.preview());
        f.engine("portal-a", 100).runUntilIdle();

        ProcessRun run = f.service.run(id).orElseThrow();
        assertEquals(RunState.COMPLETED, run.state());
        assertTrue(run.dryRun());
        assertEquals(250, run.done());
        assertEquals(Map.of(0, 250L), f.counters(), "nothing changed");
        assertEquals("counter of item 7 would go up by one",
                f.service.rows(id, null, new PageRequest(6, 1, null, true)).items().get(0).message());
        assertThrows(IllegalArgumentException.class, () -> f.service.retryFailed(id));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aFailingRowIsRolledBackAloneAndRetryFailedRunsOnlyTheFailedRows(String db) throws Exception {
        EngineFixture f = new EngineFixture(db);
        f.items(500);
        f.counter.broken.addAll(List.of(3L, 150L, 151L, 499L));
        long id = f.service.start(CounterType.ID, Map.of(), RunOptions.run());
        f.engine("portal-a", 100).runUntilIdle();

        ProcessRun run = f.service.run(id).orElseThrow();
        assertEquals(RunState.COMPLETED, run.state());
        assertEquals(496, run.done());
        assertEquals(4, run.failed());
        assertEquals(0, f.counter(150), "the broken row's own change was rolled back");
        assertEquals(Map.of(0, 4L, 1, 496L), f.counters());
        List<RowResult> failed = f.service.rows(id, RowState.FAILED, PageRequest.first(10)).items();
        assertEquals(List.of("item:3", "item:150", "item:151", "item:499"), failed.stream().map(RowResult::key).toList());
        assertEquals("item 150 is broken", failed.get(1).message());

        f.counter.broken.clear();
        AtomicInteger seen = new AtomicInteger();
        f.counter.afterRow = item -> seen.incrementAndGet();
        long retry = f.service.retryFailed(id);
        f.engine("portal-a", 100).runUntilIdle();
        ProcessRun again = f.service.run(retry).orElseThrow();
        assertEquals(RunState.COMPLETED, again.state());
        assertEquals(id, again.retryOf());
        assertEquals(4, again.total());
        assertEquals(4, again.done());
        assertEquals(4, seen.get(), "only the failed rows were processed");
        assertEquals(Map.of(1, 500L), f.counters());
        assertEquals(List.of("outcomes.csv", "changed.csv"), f.service.resultFiles(retry));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void cancelStopsTheRunAfterTheChunkItIsIn(String db) throws Exception {
        EngineFixture f = new EngineFixture(db);
        f.items(1000);
        long id = f.service.start(CounterType.ID, Map.of(), RunOptions.run());
        // cancel while row 150 (of the second chunk) is processed, from another thread as a user would
        AtomicReference<Thread> canceller = new AtomicReference<>();
        f.counter.afterRow = item -> {
            if (item == 150) {
                Thread t = new Thread(() -> f.service.cancel(id));
                canceller.set(t);
                t.start();
            }
        };
        Engine engine = f.engine("portal-a", 100);
        StoredRun claimed = engine.claimNext().orElseThrow();
        engine.execute(claimed, () -> {
            Thread t = canceller.get();
            if (t != null) {
                try {
                    t.join(); // the cancel lands once the chunk has committed
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return false;
        });

        ProcessRun run = f.service.run(id).orElseThrow();
        assertEquals(RunState.CANCELLED, run.state());
        assertEquals(200, run.done(), "the chunk with row 150 finished, the next did not start");
        assertEquals(Map.of(1, 200L, 0, 800L), f.counters());
        assertThrows(IllegalArgumentException.class, () -> f.service.cancel(id), "finished runs cannot be cancelled");
        long next = f.service.start(CounterType.ID, Map.of(), RunOptions.run());
        assertEquals(RunState.QUEUED, f.state(next), "the scope is free again");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aQueuedRunIsCancelledAtOnce(String db) throws Exception {
        EngineFixture f = new EngineFixture(db);
        f.items(10);
        long id = f.service.start(CounterType.ID, Map.of(), RunOptions.run());
        assertEquals(RunState.CANCELLED, f.service.cancel(id).state());
        assertEquals(0, f.engine("portal-a", 100).runUntilIdle());
        assertEquals(Map.of(0, 10L), f.counters());
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aSecondRunOfTheSameScopeIsRefusedWithTheRunThatHoldsIt(String db) throws Exception {
        EngineFixture f = new EngineFixture(db);
        f.items(10);
        long first = f.service.start(CounterType.ID, Map.of("scope", "program A"), RunOptions.run());
        RunAlreadyActiveException refused = assertThrows(RunAlreadyActiveException.class,
                () -> f.service.start(CounterType.ID, Map.of("scope", "program A"), RunOptions.preview()));
        assertEquals(first, refused.activeRunId());
        assertTrue(refused.getMessage().startsWith("A run of Counter for program A is already active (run " + first
                + ", queued, started by certadmin-user at 2026-05-04 08:00 UTC)."), refused.getMessage());
        long other = f.service.start(CounterType.ID, Map.of("scope", "program B"), RunOptions.run());
        assertEquals(3, f.service.runs(RunFilter.all(), PageRequest.first(10)).total() + 1, "the refusal stored nothing");

        f.engine("portal-a", 100).runUntilIdle();
        assertEquals(RunState.COMPLETED, f.state(first));
        assertEquals(RunState.COMPLETED, f.state(other));
        f.service.start(CounterType.ID, Map.of("scope", "program A"), RunOptions.run());
    }

    @ParameterizedTest
    @MethodSource("databases")
    void badInputAndMissingPermissionsChangeNothing(String db) throws Exception {
        EngineFixture f = new EngineFixture(db);
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> f.service.start(CounterType.ID, Map.of("skip-every", "often", "colour", "red"), RunOptions.run()));
        assertEquals("There is no parameter 'colour'; use scope, skip-every, misbehave. Skip every must be a whole"
                + " number, not 'often'.", bad.getMessage());
        assertThrows(IllegalArgumentException.class, () -> f.service.start("nope", Map.of(), RunOptions.run()));
        assertThrows(IllegalArgumentException.class,
                () -> f.service.start(CounterType.ID, Map.of(), RunOptions.run().notifying("not an address")));
        f.security.as(Role.STAFF);
        AccessDeniedException denied = assertThrows(AccessDeniedException.class,
                () -> f.service.start(CounterType.ID, Map.of(), RunOptions.run()));
        assertEquals(CounterType.PERMISSION, denied.permission());
        f.service.runs(RunFilter.all(), PageRequest.first(5)); // staff may look
        f.security.as(Role.STUDENT_RECORDS);
        assertThrows(AccessDeniedException.class, () -> f.service.schedule(new ScheduleRequest(CounterType.ID, Map.of(),
                LocalDateTime.of(2026, 6, 1, 8, 0), ZoneOffset.UTC, Recurrence.NONE, RunOptions.run())));
        f.security.anonymous();
        assertThrows(AccessDeniedException.class, () -> f.service.types());
        f.security.as(Role.CERTIFICATION_ADMIN);
        assertEquals(0, f.service.runs(RunFilter.all(), PageRequest.first(5)).total());
        assertEquals(0, f.service.schedules(null, null, PageRequest.first(5)).total());
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aScheduleFarAheadSurvivesARestartAndFiresOnce(String db) throws Exception {
        EngineFixture f = new EngineFixture(db);
        f.items(50);
        long sid = f.service.schedule(new ScheduleRequest(CounterType.ID, Map.of("scope", "nightly"),
                LocalDateTime.of(2026, 12, 24, 22, 0), java.time.ZoneId.of("Europe/Berlin"), Recurrence.NONE,
                RunOptions.run()));
        assertEquals(0, f.engine("portal-a", 100).runUntilIdle(), "not due yet");

        // the portal restarts: a new service and engine on the same database
        f.clock.advance(Duration.ofDays(250));
        ProcessServiceImpl restarted = f.newService(f.clock);
        ProcessSchedule before = restarted.findSchedule(sid).orElseThrow();
        assertEquals(java.time.Instant.parse("2026-12-24T21:00:00Z"), before.nextFireAt());
        assertEquals(1, f.engine("portal-a", 100).runUntilIdle());
        assertEquals(0, f.engine("portal-a", 100).runUntilIdle());

        ProcessSchedule after = restarted.findSchedule(sid).orElseThrow();
        assertEquals(ScheduleState.DONE, after.state());
        assertNull(after.nextFireAt());
        ProcessRun run = restarted.run(after.lastRunId()).orElseThrow();
        assertEquals(RunState.COMPLETED, run.state());
        assertEquals(sid, run.scheduleId());
        assertEquals("nightly", run.scope());
        assertEquals(Map.of(1, 50L), f.counters());
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aScheduleOfAUserDisabledSinceRunsNothingAndSaysWhy(String db) throws Exception {
        EngineFixture f = new EngineFixture(db);
        f.items(5);
        long sid = f.service.schedule(new ScheduleRequest(CounterType.ID, Map.of(),
                LocalDateTime.of(2026, 5, 4, 9, 30), ZoneOffset.UTC, Recurrence.DAILY, RunOptions.run()));
        String scheduledBy = f.service.findSchedule(sid).orElseThrow().createdBy();
        f.security.disable(scheduledBy);
        f.clock.advance(Duration.ofDays(1));

        assertEquals(0, f.engine("portal-a", 100).runUntilIdle());
        assertEquals(0, f.service.runs(RunFilter.all(), PageRequest.first(10)).total());
        ProcessSchedule s = f.service.findSchedule(sid).orElseThrow();
        assertTrue(s.note().contains(scheduledBy) && s.note().contains("disabled"), s.note());
        assertEquals(Map.of(0, 5L), f.counters(), "no row counted");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aScheduleOfAUserDemotedSinceRunsNothingAndSaysWhy(String db) throws Exception {
        EngineFixture f = new EngineFixture(db);
        f.items(5);
        long sid = f.service.schedule(new ScheduleRequest(CounterType.ID, Map.of(),
                LocalDateTime.of(2026, 5, 4, 9, 30), ZoneOffset.UTC, Recurrence.DAILY, RunOptions.run()));
        String scheduledBy = f.service.findSchedule(sid).orElseThrow().createdBy();
        f.security.demote(scheduledBy, Set.of(Role.STAFF));
        f.clock.advance(Duration.ofDays(1));

        assertEquals(0, f.engine("portal-a", 100).runUntilIdle());
        assertEquals(0, f.service.runs(RunFilter.all(), PageRequest.first(10)).total());
        ProcessSchedule s = f.service.findSchedule(sid).orElseThrow();
        assertTrue(s.note().contains(scheduledBy + " may no longer run"), s.note());
        assertEquals(Map.of(0, 5L), f.counters(), "no row counted");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aRecurringScheduleMissedWhileThePortalWasDownRunsOnceThenKeepsItsTime(String db) throws Exception {
        EngineFixture f = new EngineFixture(db);
        f.items(5);
        long sid = f.service.schedule(new ScheduleRequest(CounterType.ID, Map.of(),
                LocalDateTime.of(2026, 5, 4, 9, 30), ZoneOffset.UTC, Recurrence.DAILY, RunOptions.run()));
        f.clock.advance(Duration.ofDays(5)); // down for five days: five firings missed

        assertEquals(1, f.engine("portal-a", 100).runUntilIdle());
        assertEquals(0, f.engine("portal-a", 100).runUntilIdle());
        assertEquals(1, f.service.runs(RunFilter.all(), PageRequest.first(10)).total(), "once, not five times");
        ProcessSchedule s = f.service.findSchedule(sid).orElseThrow();
        assertEquals(ScheduleState.ACTIVE, s.state());
        assertEquals(java.time.Instant.parse("2026-05-09T09:30:00Z"), s.nextFireAt(), "its next time after now");
        assertEquals(Map.of(1, 5L), f.counters());
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aScheduleWaitsWhileItsTypeIsAwayOrItsScopeIsBusyAndCanBeEditedAndCancelled(String db) throws Exception {
        EngineFixture f = new EngineFixture(db);
        f.items(5);
        long sid = f.service.schedule(new ScheduleRequest(CounterType.ID, Map.of(), LocalDateTime.of(2026, 5, 4, 9, 0),
                ZoneOffset.UTC, Recurrence.WEEKLY, RunOptions.run()));
        f.clock.advance(Duration.ofHours(2));
        f.types.remove(f.counter);
        assertEquals(0, f.engine("portal-a", 100).runUntilIdle());
        ProcessSchedule waiting = f.service.findSchedule(sid).orElseThrow();
        assertFalse(waiting.available());
        assertEquals("Waiting for the process test.counter to be installed again.", waiting.note());
        ProcessTypeInfo away = f.service.types().get(0);
        assertEquals(CounterType.ID, away.id());
        assertFalse(away.available());

        f.types.add(f.counter);
        long busy = f.service.start(CounterType.ID, Map.of(), RunOptions.run());
        f.engine("portal-a", 100).fireDueSchedules();
        assertTrue(f.service.findSchedule(sid).orElseThrow().note().startsWith("Waiting: A run of Counter for all is"
                + " already active (run " + busy));
        f.engine("portal-a", 100).runUntilIdle(); // the busy run ends, then the schedule fires
        assertEquals(2, f.service.runs(RunFilter.all(), PageRequest.first(10)).total());
        assertEquals(Map.of(2, 5L), f.counters());

        ProcessSchedule current = f.service.findSchedule(sid).orElseThrow();
        assertNull(current.note());
        ProcessSchedule edited = f.service.updateSchedule(sid, current.version(), new ScheduleRequest(CounterType.ID,
                Map.of("skip-every", "2"), LocalDateTime.of(2026, 6, 1, 7, 0), ZoneOffset.UTC, Recurrence.MONTHLY,
                RunOptions.preview()));
        assertEquals(Recurrence.MONTHLY, edited.recurrence());
        assertEquals(java.time.Instant.parse("2026-06-01T07:00:00Z"), edited.nextFireAt());
        assertThrows(java.util.ConcurrentModificationException.class, () -> f.service.updateSchedule(sid,
                current.version(), new ScheduleRequest(CounterType.ID, Map.of(), LocalDateTime.of(2026, 6, 1, 7, 0),
                        ZoneOffset.UTC, Recurrence.NONE, RunOptions.run())));
        f.service.cancelSchedule(sid);
        assertEquals(ScheduleState.CANCELLED, f.service.findSchedule(sid).orElseThrow().state());
        assertThrows(IllegalArgumentException.class, () -> f.service.cancelSchedule(sid));
        f.clock.advance(Duration.ofDays(60));
        assertEquals(0, f.engine("portal-a", 100).runUntilIdle());
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aOneTimeScheduleInThePastIsRefused(String db) throws Exception {
        EngineFixture f = new EngineFixture(db);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> f.service.schedule(
                new ScheduleRequest(CounterType.ID, Map.of(), LocalDateTime.of(2026, 5, 4, 7, 0), ZoneOffset.UTC,
                        Recurrence.NONE, RunOptions.run())));
        assertEquals("The time 2026-05-04T07:00 (Z) has passed; give a time in the future.", e.getMessage());
    }

    /** A worker dying in the middle of a chunk: not an exception the engine handles, the thread just ends. */
    private static final class Frozen extends Error {
        private static final long serialVersionUID = 1L;
    }

    /** Claims the run as portal-a and dies in the middle of its third chunk (rows 201-300). */
    private static long dieMidChunk(EngineFixture f) throws Exception {
        f.items(400);
        long id = f.service.start(CounterType.ID, Map.of(), RunOptions.run());
        Engine dying = f.engine("portal-a", 100);
        StoredRun claimed = dying.claimNext().orElseThrow();
        f.counter.afterRow = item -> {
            if (item == 250) {
                throw new Frozen();
            }
        };
        assertThrows(Frozen.class, () -> dying.execute(claimed, () -> false));
        f.counter.afterRow = item -> { };
        assertEquals(RunState.RUNNING, f.state(id));
        assertEquals(200, f.service.run(id).orElseThrow().done(), "two chunks committed, the third rolled back");
        assertEquals(Map.of(1, 200L, 0, 200L), f.counters());
        return id;
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aRunWhoseWorkerDiedIsTakenOverByAnotherPortalOnceItsHeartbeatIsStale(String db) throws Exception {
        EngineFixture f = new EngineFixture(db);
        long id = dieMidChunk(f);
        Engine other = f.engine("portal-b", 100);
        assertEquals(0, other.runUntilIdle(), "its heartbeat is fresh: another portal must not take it");
        f.clock.advance(Duration.ofMinutes(3));
        assertEquals(1, other.runUntilIdle());
        assertEquals(RunState.COMPLETED, f.state(id));
        assertEquals(400, f.service.run(id).orElseThrow().done());
        assertEquals(Map.of(1, 400L), f.counters(), "no row twice, none left out");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aRunOfThisPortalResumesAtOnceWhenItRestarts(String db) throws Exception {
        EngineFixture f = new EngineFixture(db);
        long id = dieMidChunk(f);
        assertEquals(1, f.engine("portal-a", 100).runUntilIdle(), "the same node after a restart");
        assertEquals(RunState.COMPLETED, f.state(id));
        assertEquals(Map.of(1, 400L), f.counters());
    }
}
