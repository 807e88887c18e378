package org.certportal.process.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.certportal.audit.api.AuditLog;
import org.certportal.audit.api.Changes;
import org.certportal.mail.api.MailOutbox;
import org.certportal.process.api.ResultFile;
import org.certportal.process.api.RunState;

/**
 * The state changes that others hear of, each in the caller's transaction: audited, and mailed to
 * the run's notification address when it starts and when it ends.
 */
final class RunEvents {
    static final String AUDIT_TYPE = "process-run";
    private final AuditLog audit;
    private final MailOutbox mail;
    private final Clock clock;

    RunEvents(AuditLog audit, MailOutbox mail, Clock clock) {
        this.audit = audit;
        this.mail = mail;
        this.clock = clock;
    }

    Instant now() {
        return clock.instant();
    }

    /** A worker took the run for the first time. */
    void started(Connection c, long runId) throws SQLException {
        StoredRun run = RunStore.find(c, runId).orElseThrow();
        audit.record(c, AUDIT_TYPE, runId, "started", Changes.of().field("state", RunState.QUEUED, RunState.RUNNING));
        if (run.notifyTo() != null) {
            mail.queue(c, RunNotices.started(run));
        }
    }

    /**
     * Ends a run (see {@link RunStore#finish}), audited and mailed.
     *
     * @return false when the run was not in a state (or with the owner) that allows it
     */
    boolean finish(Connection c, long runId, RunState to, String owner, Instant seenHeartbeat, String error)
            throws SQLException {
        RunState before = RunStore.find(c, runId).map(StoredRun::state).orElse(null);
        if (!RunStore.finish(c, runId, to, owner, seenHeartbeat, clock.instant(), error)) {
            return false;
        }
        StoredRun run = RunStore.find(c, runId).orElseThrow();
        audit.record(c, AUDIT_TYPE, runId, "finished", Changes.of().field("state", before, to)
                .field("done", null, run.done()).field("skipped", null, run.skipped())
                .field("failed", null, run.failed()).field("error", null, error));
        // a run cancelled before it ever started has nothing to report
        if (run.notifyTo() != null && run.startedAt() != null) {
            mail.queue(c, RunNotices.finished(run, resultFiles(c, runId), RunStore.lineCounts(c, runId)));
        }
        return true;
    }

    static List<String> resultFiles(Connection c, long runId) throws SQLException {
        List<String> files = new ArrayList<>();
        files.add(ResultFile.OUTCOMES);
        files.addAll(RunStore.resultFiles(c, runId).keySet());
        return files;
    }
}
