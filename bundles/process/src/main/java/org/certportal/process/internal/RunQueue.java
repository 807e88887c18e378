package org.certportal.process.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import javax.sql.DataSource;

import org.certportal.audit.api.AuditLog;
import org.certportal.audit.api.Changes;
import org.certportal.process.api.ResultFile;
import org.certportal.process.api.RunAlreadyActiveException;

/**
 * Makes a queued run in one transaction together with its hold on the type and scope, so that of
 * two portals (or users) starting the same thing at once only one succeeds, and the other is told
 * which run holds it.
 */
final class RunQueue {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    /** More work for the same transaction, once the run exists. */
    interface WithRun {
        void apply(Connection c, long runId) throws SQLException;
    }

    /** The scope's unique key refused the run. */
    private static final class ScopeTaken extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ScopeTaken(SQLException cause) {
            super(cause);
        }
    }

    private final DataSource dataSource;
    private final AuditLog audit;

    RunQueue(DataSource dataSource, AuditLog audit) {
        this.dataSource = dataSource;
        this.audit = audit;
    }

    /**
     * @param resultFiles the type's files; ignored when {@code retryOf} is set (the retried run's are copied)
     * @throws RunAlreadyActiveException when a run of the type holds the scope
     */
    long queue(RunStore.NewRun run, List<ResultFile> resultFiles, WithRun alsoInTransaction) throws SQLException {
        try {
            return Jdbc.inTransaction(dataSource, c -> {
                long id = RunStore.insert(c, run);
                try {
                    RunStore.claimScope(c, run.typeId(), run.scope(), id);
                } catch (SQLException e) {
                    if (Jdbc.isUniqueViolation(e)) {
                        throw new ScopeTaken(e);
                    }
                    throw e;
                }
                if (run.retryOf() != null) {
                    RunStore.copyResultFiles(c, run.retryOf(), id);
                } else {
                    RunStore.insertResultFiles(c, id, resultFiles);
                }
                audit.record(c, RunEvents.AUDIT_TYPE, id, run.retryOf() != null ? "retry queued" : "queued",
                        Changes.of().field("process", null, run.typeId()).field("scope", null, run.scope())
                                .field("parameters", null, ParameterCodec.decode(ParameterCodec.encode(run.params())))
                                .field("dry run", null, run.dryRun()).field("schedule", null, run.scheduleId())
                                .field("retry of", null, run.retryOf()));
                if (alsoInTransaction != null) {
                    alsoInTransaction.apply(c, id);
                }
                return id;
            });
        } catch (ScopeTaken e) {
            throw refusal(run);
        }
    }

    private RunAlreadyActiveException refusal(RunStore.NewRun run) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            StoredRun holder = RunStore.holder(c, run.typeId(), run.scope()).orElse(null);
            if (holder == null) {
                return new RunAlreadyActiveException("A run of " + run.typeTitle() + " for " + run.scope()
                        + " was active a moment ago and has just finished; try again.", -1);
            }
            return new RunAlreadyActiveException("A run of " + run.typeTitle() + " for " + run.scope()
                    + " is already active (run " + holder.id() + ", " + RunLifecycle.label(holder.state())
                    + ", started by " + holder.startedBy() + " at " + TIME.format(holder.queuedAt())
                    + "). Wait for it to finish or cancel it.", holder.id());
        }
    }
}
