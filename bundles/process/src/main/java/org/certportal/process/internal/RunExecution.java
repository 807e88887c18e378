package org.certportal.process.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import javax.security.auth.Subject;
import javax.sql.DataSource;

import org.certportal.process.api.ChunkContext;
import org.certportal.process.api.ProcessParameters;
import org.certportal.process.api.ProcessType;
import org.certportal.process.api.ResultFile;
import org.certportal.process.api.RowContext;
import org.certportal.process.api.RowOutcome;
import org.certportal.process.api.RowState;
import org.certportal.process.api.RunState;
import org.certportal.process.api.SelectionContext;
import org.certportal.security.api.Caller;
import org.certportal.security.api.SecurityService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Executes one claimed run: selects its rows once (frozen in process_run_row), then processes them
 * in chunks of one transaction each. In a chunk each row's change and its outcome commit together,
 * which makes every row exactly-once however the portal stops. The chunk first goes through the type's
 * chunk step ({@link ProcessType#processChunk}: by default every row, without savepoints); if it throws,
 * the chunk is rolled back and run again row by row through {@link ProcessType#process}, each in a
 * savepoint, so that only the failing rows fail. A dry run's chunk is rolled back whatever the type wrote, and
 * only the outcomes are kept.
 */
final class RunExecution {
    private static final Logger LOG = LoggerFactory.getLogger(RunExecution.class);
    private static final int SELECTION_BATCH = 1000;
    private final DataSource dataSource;
    private final ProcessTypes types;
    private final SecurityService security;
    private final RunEvents events;
    private final int chunkSize;
    private final String owner;

    RunExecution(DataSource dataSource, ProcessTypes types, SecurityService security, RunEvents events, int chunkSize,
            String owner) {
        this.dataSource = dataSource;
        this.types = types;
        this.security = security;
        this.events = events;
        this.chunkSize = chunkSize;
        this.owner = owner;
    }

    /** The type's scope for these parameters, checked. */
    static String checkedScope(ProcessType type, ProcessParameters params) {
        String scope = type.scope(params);
        if (scope == null || scope.isBlank() || scope.length() > 200) {
            throw new IllegalStateException("The process " + type.id() + " gave no usable scope.");
        }
        return scope;
    }

    /** What the run came to after a step. */
    private enum Step {
        CONTINUE,
        /** It reached a final state. */
        ENDED,
        /** Another worker has it now. */
        LOST
    }

    /** A failure of the process type itself (not of the database): the run fails instead of waiting. */
    private static final class TypeFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TypeFailure(Throwable cause) {
            super(cause);
        }
    }

    /** Carries an SQLException through the security service's Supplier. */
    private static final class Sql extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Sql(SQLException cause) {
            super(cause);
        }
    }

    void execute(StoredRun run, BooleanSupplier stopping) {
        try {
            executeOrThrow(run, stopping);
        } catch (SQLException | RuntimeException e) {
            // the database (or the engine) failed: leave the run to be resumed, here or by another portal
            LOG.warn("Run {} of {} stopped on an error and waits to resume: {}", run.id(), run.typeId(), e.toString(),
                    e);
            try {
                Jdbc.inTransaction(dataSource, c -> RunStore.release(c, run.id(), owner, null));
            } catch (SQLException | RuntimeException again) {
                LOG.warn("Run {} could not be queued again ({}); it is taken back once its heartbeat is stale", run.id(),
                        again.toString());
            }
        }
    }

    private void executeOrThrow(StoredRun run, BooleanSupplier stopping) throws SQLException {
        // one connection for the whole run: a chunk is one transaction on it
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            executeOn(c, run, stopping);
        }
    }

    private void executeOn(Connection c, StoredRun run, BooleanSupplier stopping) throws SQLException {
        ProcessType type = types.find(run.typeId()).orElse(null);
        if (type == null) {
            stop(c, run);
            return;
        }
        Caller caller = run.caller();
        Subject subject = CallerSubjects.subject(caller);
        ProcessParameters params = ProcessParameters.of(ParameterCodec.decode(run.params()));
        if (!run.selected()) {
            Step selected = asUser(subject, () -> select(c, run, type, params, caller));
            if (selected != Step.CONTINUE) {
                return;
            }
        }
        Set<String> files = type.resultFiles().stream().map(ResultFile::name).collect(Collectors.toSet());
        while (true) {
            if (stopping.getAsBoolean() || types.find(run.typeId()).orElse(null) != type) {
                stop(c, run);
                return;
            }
            Step step = asUser(subject, () -> Jdbc.inTransaction(c, tx -> chunkIn(tx, run, type, params, caller,
                    files)));
            if (step != Step.CONTINUE) {
                return;
            }
        }
    }

    private Step asUser(Subject subject, SqlWork work) throws SQLException {
        try {
            return security.callAs(subject, () -> {
                try {
                    return work.run();
                } catch (SQLException e) {
                    throw new Sql(e);
                }
            });
        } catch (Sql e) {
            throw (SQLException) e.getCause();
        }
    }

    private interface SqlWork {
        Step run() throws SQLException;
    }

    /** Lists the rows once; a failing selection fails the run. */
    private Step select(Connection connection, StoredRun run, ProcessType type, ProcessParameters params,
            Caller caller) throws SQLException {
        long started = System.nanoTime();
        try {
            return Jdbc.inTransaction(connection, c -> {
                if (RunStore.lock(c, run.id(), owner, events.now()).isEmpty()) {
                    return Step.LOST;
                }
                long total;
                if (run.retryOf() != null) {
                    total = RunStore.copyFailedRows(c, run.retryOf(), run.id());
                } else {
                    Selection selection = new Selection(c, run.id(), caller);
                    try {
                        type.select(params, selection);
                    } catch (SQLException | RuntimeException e) {
                        throw new TypeFailure(e);
                    }
                    selection.flush();
                    total = selection.count;
                }
                RunStore.markSelected(c, run.id(), total);
                LOG.info("Run {} of {}: {} rows selected in {} ms", run.id(), run.typeId(), total,
                        (System.nanoTime() - started) / 1_000_000);
                return Step.CONTINUE;
            });
        } catch (TypeFailure e) {
            String reason = ChunkWork.reason(e.getCause());
            LOG.warn("Run {} of {} failed: selecting its rows failed: {}", run.id(), run.typeId(), reason, e.getCause());
            Jdbc.inTransaction(connection, c -> events.finish(c, run.id(), RunState.FAILED, owner, null,
                    "Selecting the rows failed: " + reason));
            return Step.ENDED;
        }
    }

    /** One chunk, in the caller's transaction; also ends the run when it was cancelled or nothing is left. */
    private Step chunkIn(Connection c, StoredRun run, ProcessType type, ProcessParameters params, Caller caller,
            Set<String> files) throws SQLException {
        Optional<StoredRun> now = RunStore.lock(c, run.id(), owner, events.now());
        if (now.isEmpty()) {
            return Step.LOST;
        }
        long from = now.get().processedThrough();
        List<RunStore.PendingRow> pending = RunStore.pending(c, run.id(), from, chunkSize);
        if (now.get().state() == RunState.CANCELLING || pending.isEmpty()) {
            RunState to = RunLifecycle.onWorkerStop(now.get().state(), !pending.isEmpty());
            events.finish(c, run.id(), to, owner, null, null);
            return Step.ENDED;
        }
        ChunkWork work = new ChunkWork(files);
        boolean clean = processFast(c, run, type, params, caller, pending, work);
        if (!clean) {
            c.rollback();
            if (RunStore.lock(c, run.id(), owner, events.now()).isEmpty()) {
                return Step.LOST;
            }
            work = new ChunkWork(files);
            processOneByOne(c, run, type, params, caller, pending, work);
        }
        if (run.dryRun()) {
            // whatever the type wrote goes; only the outcomes stay
            c.rollback();
            if (RunStore.lock(c, run.id(), owner, events.now()).isEmpty()) {
                return Step.LOST;
            }
        }
        long through = pending.get(pending.size() - 1).seq();
        if (!RunStore.advance(c, run.id(), owner, from, through, work.count(RowState.DONE),
                work.count(RowState.SKIPPED), work.count(RowState.FAILED))) {
            // another worker processed some of these rows: drop ours
            c.rollback();
            LOG.warn("Run {}: rows of this chunk were processed by another worker; this worker stops", run.id());
            return Step.LOST;
        }
        RunStore.recordOutcomes(c, run.id(), work.rows(), events.now());
        RunStore.insertLines(c, run.id(), work.rows());
        return Step.CONTINUE;
    }

    /**
     * The whole chunk at once through the type's chunk step (without savepoints), then the deferred
     * statements in batches. @return false when anything threw: the caller rolls back and goes row by row
     */
    private boolean processFast(Connection c, StoredRun run, ProcessType type, ProcessParameters params,
            Caller caller, List<RunStore.PendingRow> pending, ChunkWork work) throws SQLException {
        Chunk chunk = new Chunk(c, run.id(), params, caller, work, pending);
        List<String> keys = pending.stream().map(RunStore.PendingRow::key).toList();
        List<RowOutcome> outcomes;
        try {
            outcomes = type.processChunk(chunk, keys, run.dryRun());
        } catch (SQLException | RuntimeException e) {
            LOG.debug("Run {}: the chunk from row {} threw; it is processed again row by row", run.id(),
                    pending.get(0).key(), e);
            return false;
        }
        if (outcomes == null || outcomes.size() != keys.size() || outcomes.stream().anyMatch(Objects::isNull)) {
            LOG.warn("Run {}: the process {} returned {} for a chunk of {} rows; the chunk is processed again row"
                    + " by row", run.id(), type.id(), outcomes == null ? "no outcomes" : outcomes.size() + " outcomes",
                    keys.size());
            return false;
        }
        for (int i = 0; i < keys.size(); i++) {
            work.finish(work.rows().get(i), outcomes.get(i));
        }
        if (run.dryRun()) {
            return true;
        }
        try {
            for (Map.Entry<String, List<Object[]>> batch : work.batches().entrySet()) {
                try (PreparedStatement ps = c.prepareStatement(batch.getKey())) {
                    for (Object[] values : batch.getValue()) {
                        bind(ps, values);
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
            }
            return true;
        } catch (SQLException e) {
            LOG.debug("Run {}: a batch of deferred updates failed; the chunk is processed again row by row", run.id(), e);
            return false;
        }
    }

    /** Each row in a savepoint of its own, its statements at once: a failing row is rolled back alone. */
    private void processOneByOne(Connection c, StoredRun run, ProcessType type, ProcessParameters params,
            Caller caller, List<RunStore.PendingRow> pending, ChunkWork work) throws SQLException {
        Chunk chunk = new Chunk(c, run.id(), params, caller, work, pending);
        for (ChunkWork.Row row : work.rows()) {
            Savepoint savepoint = c.setSavepoint();
            try {
                work.finish(row, type.process(chunk.row(row.key), row.key, run.dryRun()));
                if (!run.dryRun()) {
                    for (ChunkWork.Statement s : row.statements) {
                        try (PreparedStatement ps = c.prepareStatement(s.sql())) {
                            bind(ps, s.values());
                            ps.executeUpdate();
                        }
                    }
                }
                c.releaseSavepoint(savepoint);
            } catch (SQLException | RuntimeException e) {
                c.rollback(savepoint);
                work.threw(row, e);
                LOG.debug("Run {}: row {} failed", run.id(), row.key, e);
            }
        }
    }

    private static void bind(PreparedStatement ps, Object[] values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            Jdbc.set(ps, i + 1, values[i]);
        }
    }

    /** Stops between chunks: the run waits queued, or ends when it was cancelled or nothing is left. */
    private void stop(Connection connection, StoredRun run) throws SQLException {
        Jdbc.inTransaction(connection, c -> {
            Optional<StoredRun> now = RunStore.lock(c, run.id(), owner, events.now());
            if (now.isEmpty()) {
                return null;
            }
            // not selected yet counts as rows left: the selection is made when it resumes
            boolean pending = !now.get().selected() || RunStore.hasPending(c, now.get());
            RunState to = RunLifecycle.onWorkerStop(now.get().state(), pending);
            if (to == RunState.QUEUED) {
                RunStore.release(c, run.id(), owner, null);
            } else {
                events.finish(c, run.id(), to, owner, null, null);
            }
            return null;
        });
    }

    /** The selection's row keys, stored in batches as they come. */
    private static final class Selection implements SelectionContext {
        private final Connection connection;
        private final long runId;
        private final Caller caller;
        private final Set<String> seen = new HashSet<>();
        private final List<String> batch = new ArrayList<>(SELECTION_BATCH);
        long count;

        Selection(Connection connection, long runId, Caller caller) {
            this.connection = connection;
            this.runId = runId;
            this.caller = caller;
        }

        @Override
        public Connection connection() {
            return connection;
        }

        @Override
        public Caller startedBy() {
            return caller;
        }

        @Override
        public void add(String key) {
            if (key == null || key.isBlank() || key.length() > MAX_KEY) {
                throw new IllegalArgumentException("A row key is 1 to " + MAX_KEY + " characters: '" + key + "'.");
            }
            if (!seen.add(key)) {
                throw new IllegalArgumentException("The selection lists the row " + key + " twice.");
            }
            batch.add(key);
            if (batch.size() == SELECTION_BATCH) {
                try {
                    flush();
                } catch (SQLException e) {
                    throw new IllegalStateException("Storing the selection failed: " + e.getMessage(), e);
                }
            }
        }

        void flush() throws SQLException {
            if (!batch.isEmpty()) {
                RunStore.insertRows(connection, runId, count + 1, batch);
                count += batch.size();
                batch.clear();
            }
        }
    }

    /** What the chunk's and its rows' contexts share: the chunk's transaction and the run. */
    private abstract static class RunScope {
        final Connection connection;
        final long runId;
        final ProcessParameters params;
        final Caller caller;
        final ChunkWork work;

        RunScope(Connection connection, long runId, ProcessParameters params, Caller caller, ChunkWork work) {
            this.connection = connection;
            this.runId = runId;
            this.params = params;
            this.caller = caller;
            this.work = work;
        }

        RunScope(RunScope scope) {
            this(scope.connection, scope.runId, scope.params, scope.caller, scope.work);
        }

        public Connection connection() {
            return connection;
        }

        public long runId() {
            return runId;
        }

        public ProcessParameters parameters() {
            return params;
        }

        public Caller startedBy() {
            return caller;
        }
    }

    /**
     * The chunk's rows begun in its work, and the context handed to the type's chunk step (and, row by row, to
     * its {@link ProcessType#process}); each row's context writes to that row's work.
     */
    private static final class Chunk extends RunScope implements ChunkContext {
        private final Map<String, ChunkWork.Row> rows = new HashMap<>();
        private final Map<String, Context> contexts = new HashMap<>();

        Chunk(Connection connection, long runId, ProcessParameters params, Caller caller, ChunkWork work,
                List<RunStore.PendingRow> pending) {
            super(connection, runId, params, caller, work);
            for (RunStore.PendingRow p : pending) {
                rows.put(p.key(), work.begin(p.seq(), p.key()));
            }
        }

        @Override
        public RowContext row(String key) {
            ChunkWork.Row row = rows.get(key);
            if (row == null) {
                throw new IllegalArgumentException("The row " + key + " is not one of this chunk's.");
            }
            return contexts.computeIfAbsent(key, k -> new Context(this, row));
        }
    }

    /** The row context handed to the type, pointing at its row. */
    private static final class Context extends RunScope implements RowContext {
        private final ChunkWork.Row row;

        Context(RunScope scope, ChunkWork.Row row) {
            super(scope);
            this.row = row;
        }

        @Override
        public void update(String sql, Object... values) {
            work.update(row, sql, values == null ? new Object[0] : values);
        }

        @Override
        public void write(String resultFile, Object... values) {
            work.write(row, resultFile, values == null ? new Object[0] : values);
        }
    }
}
