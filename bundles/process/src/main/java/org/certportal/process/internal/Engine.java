package org.certportal.process.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import javax.security.auth.Subject;
import javax.sql.DataSource;

import org.certportal.process.api.ProcessParameters;
import org.certportal.process.api.ProcessPermissions;
import org.certportal.process.api.ProcessType;
import org.certportal.process.api.RunAlreadyActiveException;
import org.certportal.process.api.RunState;
import org.certportal.security.api.AccessDeniedException;
import org.certportal.security.api.Caller;
import org.certportal.security.api.SecurityService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine of one portal, without threads of its own (the component gives it a poller and
 * workers; tests call it directly): fires due schedules, takes runs back from dead workers, claims
 * queued runs and executes them. Every decision is an UPDATE guarded by state, owner or version, so
 * portals sharing a database cooperate without any other coordination.
 */
final class Engine {
    private static final Logger LOG = LoggerFactory.getLogger(Engine.class);
    private static final int BATCH = 50;
    /**
     * How long a queued run waits for its process type, counted from this engine's start and from the
     * run's last sign of life, before it fails: longer than a portal's features take to come up, so
     * only a type that is gone for good (a command's own type after the command crashed, an
     * uninstalled feature) fails its runs.
     */
    static final Duration TYPE_GONE_AFTER = Duration.ofMinutes(10);
    private final EngineSettings settings;
    private final DataSource dataSource;
    private final ProcessTypes types;
    private final SecurityService security;
    private final RunEvents events;
    private final RunQueue queue;
    private final RunExecution execution;
    private final String owner;
    private final Instant startedAt;

    Engine(EngineSettings settings, DataSource dataSource, ProcessTypes types, SecurityService security,
            RunEvents events, RunQueue queue) {
        this.settings = settings;
        this.dataSource = dataSource;
        this.types = types;
        this.security = security;
        this.events = events;
        this.queue = queue;
        this.owner = settings.node() + "#" + UUID.randomUUID();
        this.startedAt = events.now();
        this.execution = new RunExecution(dataSource, types, security, events, settings.chunkSize(), owner);
    }

    String owner() {
        return owner;
    }

    /**
     * Fires the schedules that are due: each makes one run, however many of its times were missed.
     *
     * @return runs made
     */
    int fireDueSchedules() throws SQLException {
        Instant now = events.now();
        List<ScheduleStore.Stored> due;
        try (Connection c = dataSource.getConnection()) {
            due = ScheduleStore.due(c, now, BATCH, types::isAvailable);
        }
        int made = 0;
        for (ScheduleStore.Stored s : due) {
            try {
                if (fire(s, now)) {
                    made++;
                }
            } catch (RuntimeException e) {
                // one schedule that cannot fire must not stop the others, nor the claiming of queued runs
                LOG.warn("Schedule {} of {} could not fire: {}", s.schedule().id(), s.schedule().typeId(), e.toString());
                note(s.schedule().id(), s.schedule().note(), "Could not fire at " + RunNotices.time(now) + ": " + e);
            }
        }
        return made;
    }

    private boolean fire(ScheduleStore.Stored stored, Instant now) throws SQLException {
        var s = stored.schedule();
        Optional<ProcessType> type = types.find(s.typeId());
        if (type.isEmpty()) {
            note(s.id(), s.note(), "Waiting for the process " + s.typeId() + " to be installed again.");
            return false;
        }
        Instant next = ScheduleTimes.afterFiring(s.firstAt(), s.zone(), s.recurrence(), now).orElse(null);
        // the account as it stands now: a user disabled or demoted since scheduling runs nothing
        Optional<Caller> standing = security.standing(stored.caller());
        if (standing.isEmpty()) {
            skip(s.id(), s.version(), next, "Skipped at " + RunNotices.time(now) + ": the account of "
                    + stored.caller().userName() + ", who scheduled it, is disabled.");
            return false;
        }
        Caller caller = standing.get();
        if (!security.isPermitted(caller, ProcessPermissions.RUN) || !security.isPermitted(caller, stored.permission())) {
            skip(s.id(), s.version(), next, "Skipped at " + RunNotices.time(now) + ": " + caller.userName()
                    + " may no longer run " + type.get().title() + ".");
            return false;
        }
        ProcessParameters params;
        String scope;
        try {
            // as the account that scheduled it, like the run: a type's checks may ask other areas' services,
            // which refuse a caller who is not signed in (the poller's thread has none)
            Subject as = CallerSubjects.subject(caller);
            ProcessParameters checked = security.callAs(as, () -> type.get().validate(s.parameters()));
            params = checked;
            scope = security.callAs(as, () -> RunExecution.checkedScope(type.get(), checked));
        } catch (IllegalArgumentException | AccessDeniedException e) {
            skip(s.id(), s.version(), next, "Skipped at " + RunNotices.time(now) + ": " + e.getMessage());
            return false;
        }
        RunStore.NewRun run = new RunStore.NewRun(type.get().id(), type.get().title(), type.get().permission(), scope,
                params.asMap(), s.dryRun(), caller, s.notifyTo(), s.id(), null, now);
        try {
            queue.queue(run, type.get().resultFiles(), (c, runId) -> {
                if (!ScheduleStore.fired(c, s.id(), s.version(), next, runId, null)) {
                    throw new LostRace();
                }
            });
            return true;
        } catch (LostRace e) {
            return false; // another portal fired it, or someone edited it just now
        } catch (RunAlreadyActiveException e) {
            note(s.id(), s.note(), "Waiting: " + e.getMessage());
            return false;
        }
    }

    private void skip(long id, long version, Instant next, String note) throws SQLException {
        Jdbc.inTransaction(dataSource, c -> ScheduleStore.fired(c, id, version, next, null, note));
    }

    private void note(long id, String current, String note) throws SQLException {
        if (!note.equals(current)) {
            Jdbc.inTransaction(dataSource, c -> {
                ScheduleStore.note(c, id, note);
                return null;
            });
        }
    }

    private static final class LostRace extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    /**
     * Takes back the runs of dead workers: a running one is queued again (its committed rows stay
     * done), a cancelling one is cancelled.
     *
     * @return runs taken back
     */
    int releaseOrphans() throws SQLException {
        Instant now = events.now();
        List<StoredRun> orphans;
        try (Connection c = dataSource.getConnection()) {
            orphans = RunStore.orphans(c, now.minus(settings.staleAfter()), settings.node() + "#", owner);
        }
        int released = 0;
        for (StoredRun r : orphans) {
            boolean done = Jdbc.inTransaction(dataSource, c -> r.state() == RunState.CANCELLING
                    ? events.finish(c, r.id(), RunState.CANCELLED, null, r.heartbeatAt(), null)
                    : RunStore.release(c, r.id(), null, r.heartbeatAt()));
            if (done) {
                LOG.warn("Run {} of {} was left {} by {} (stopped or silent since {}); {}", r.id(), r.typeId(),
                        RunLifecycle.label(r.state()), r.owner(), RunNotices.time(r.heartbeatAt()),
                        r.state() == RunState.CANCELLING ? "cancelled" : "it resumes where it stopped");
                released++;
            }
        }
        return released;
    }

    /** Fails a queued run whose type has been missing for {@link #TYPE_GONE_AFTER}: it would wait forever. */
    private void failIfTypeGone(StoredRun r) throws SQLException {
        Instant now = events.now();
        Instant lastSeen = r.heartbeatAt() != null ? r.heartbeatAt() : r.queuedAt();
        if (now.isBefore(startedAt.plus(TYPE_GONE_AFTER))
                || (lastSeen != null && now.isBefore(lastSeen.plus(TYPE_GONE_AFTER)))) {
            return;
        }
        String why = "Its process type " + r.typeId() + " has not been installed for " + TYPE_GONE_AFTER.toMinutes()
                + " minutes: what provided it (a feature, or a command that ended) is gone.";
        if (Jdbc.inTransaction(dataSource, c -> events.finish(c, r.id(), RunState.FAILED, null, r.heartbeatAt(),
                why))) {
            LOG.warn("Run {} of {} failed: {}", r.id(), r.typeId(), why);
        }
    }

    /**
     * Claims the oldest queued run whose type is here. A run whose starter may no longer run it fails.
     *
     * @return the run, now RUNNING and owned by this engine
     */
    Optional<StoredRun> claimNext() throws SQLException {
        List<StoredRun> queued;
        try (Connection c = dataSource.getConnection()) {
            queued = RunStore.queued(c, BATCH);
        }
        for (StoredRun r : queued) {
            Optional<ProcessType> type = types.find(r.typeId());
            if (type.isEmpty()) {
                failIfTypeGone(r); // otherwise it waits for its type
                continue;
            }
            Caller caller = security.standing(r.caller()).orElse(null);
            if (caller == null || !security.isPermitted(caller, ProcessPermissions.RUN)
                    || !security.isPermitted(caller, r.permission())) {
                Jdbc.inTransaction(dataSource, c -> events.finish(c, r.id(), RunState.FAILED, null, r.heartbeatAt(),
                        r.caller().userName() + " may no longer run " + r.typeTitle() + "."));
                continue;
            }
            Instant now = events.now();
            boolean claimed = Jdbc.inTransaction(dataSource, c -> {
                if (!RunStore.claim(c, r.id(), owner, now)) {
                    return false;
                }
                if (r.startedAt() == null) {
                    events.started(c, r.id());
                }
                return true;
            });
            if (claimed) {
                try (Connection c = dataSource.getConnection()) {
                    return RunStore.find(c, r.id());
                }
            }
        }
        return Optional.empty();
    }

    /** Executes a claimed run until it ends, or {@code stopping} says to stop (then it waits, queued). */
    void execute(StoredRun run, BooleanSupplier stopping) {
        execution.execute(run, stopping);
    }

    /**
     * One engine doing everything in the calling thread until nothing is left: for tests (see
     * ProcessHarness in the test-jar). @return runs executed
     */
    int runUntilIdle() throws SQLException {
        int executed = 0;
        for (boolean busy = true; busy;) {
            busy = fireDueSchedules() + releaseOrphans() > 0;
            for (Optional<StoredRun> r = claimNext(); r.isPresent(); r = claimNext()) {
                execute(r.get(), () -> false);
                executed++;
                busy = true; // a finished run may free a scope a due schedule waits for
            }
        }
        return executed;
    }
}
