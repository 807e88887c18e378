package org.certportal.process.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.certportal.process.api.ResultFile;
import org.certportal.process.api.RowResult;
import org.certportal.process.api.RowState;
import org.certportal.process.api.RunFilter;
import org.certportal.process.api.RunState;
import org.certportal.security.api.Caller;
import org.certportal.persistence.api.JdbcStatements;
import org.certportal.persistence.api.Page;
import org.certportal.persistence.api.PageRequest;

/**
 * The run tables in plain JDBC, every method on the caller's connection so that the caller decides
 * the transaction. State changes are guarded UPDATEs whose WHERE clause holds the states the
 * {@link RunLifecycle} allows as sources (and the owner, for a worker): their row count says whether
 * the change happened. Works on H2 and PostgreSQL alike.
 */
final class RunStore {
    record NewRun(String typeId, String typeTitle, String permission, String scope, Map<String, String> params,
            boolean dryRun, Caller startedBy, String notifyTo, Long scheduleId, Long retryOf, Instant queuedAt) {
    }

    record PendingRow(long seq, String key) {
    }

    private RunStore() {
    }

    // ---- making runs

    static long insert(Connection c, NewRun r) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO process_run (type_id, type_title, permission,"
                + " scope, params, dry_run, state, started_by, started_by_roles, notify_to, schedule_id, retry_of,"
                + " queued_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", new String[] { "id" })) {
            Jdbc.bind(insert, java.util.Arrays.asList(r.typeId(), r.typeTitle(), r.permission(), r.scope(),
                    ParameterCodec.encode(r.params()), r.dryRun(), RunState.QUEUED.name(), r.startedBy().userName(),
                    CallerSubjects.roles(r.startedBy()), r.notifyTo(), r.scheduleId(), r.retryOf(), r.queuedAt()));
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                if (!keys.next()) {
                    throw new SQLException("The database returned no id for the new run.");
                }
                return keys.getLong(1);
            }
        }
    }

    /**
     * Takes the type and scope for the run. A unique violation means another run holds them; on
     * PostgreSQL the transaction is then unusable, so the caller rolls back and asks {@link #holder}.
     */
    static void claimScope(Connection c, String typeId, String scope, long runId) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO process_active_scope (type_id, scope, run_id) VALUES (?, ?, ?)")) {
            insert.setString(1, typeId);
            insert.setString(2, scope);
            insert.setLong(3, runId);
            insert.executeUpdate();
        }
    }

    /** The active run holding a type and scope, if any. */
    static Optional<StoredRun> holder(Connection c, String typeId, String scope) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT run_id FROM process_active_scope WHERE type_id = ?"
                + " AND scope = ?")) {
            select.setString(1, typeId);
            select.setString(2, scope);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? find(c, rs.getLong(1)) : Optional.empty();
            }
        }
    }

    static void insertResultFiles(Connection c, long runId, List<ResultFile> files) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO process_result_file (run_id, name, position,"
                + " header) VALUES (?, ?, ?, ?)")) {
            int position = 0;
            for (ResultFile f : files) {
                insert.setLong(1, runId);
                insert.setString(2, f.name());
                insert.setInt(3, ++position);
                insert.setString(4, CSVFormat.RFC4180.format(f.header().toArray()));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    static void copyResultFiles(Connection c, long fromRun, long toRun) throws SQLException {
        try (PreparedStatement copy = c.prepareStatement("INSERT INTO process_result_file (run_id, name, position,"
                + " header) SELECT ?, name, position, header FROM process_result_file WHERE run_id = ?")) {
            copy.setLong(1, toRun);
            copy.setLong(2, fromRun);
            copy.executeUpdate();
        }
    }

    // ---- reading runs

    static Optional<StoredRun> find(Connection c, long id) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT " + StoredRun.COLUMNS
                + " FROM process_run WHERE id = ?")) {
            select.setLong(1, id);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(StoredRun.read(rs)) : Optional.empty();
            }
        }
    }

    static Page<StoredRun> search(Connection c, RunFilter filter, PageRequest page) throws SQLException {
        List<Object> args = new ArrayList<>();
        StringBuilder where = where(filter, args);
        long total = count(c, where, args);
        List<StoredRun> runs = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement("SELECT " + StoredRun.COLUMNS + " FROM process_run" + where
                + " ORDER BY id DESC LIMIT ? OFFSET ?")) {
            Jdbc.bind(select, args);
            select.setInt(args.size() + 1, page.limit());
            select.setInt(args.size() + 2, page.offset());
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    runs.add(StoredRun.read(rs));
                }
            }
        }
        return new Page<>(runs, total);
    }

    /** Runs matching the filter, finished at or after {@code finishedSince} when given. */
    static long count(Connection c, RunFilter filter, Instant finishedSince) throws SQLException {
        List<Object> args = new ArrayList<>();
        StringBuilder where = where(filter, args);
        if (finishedSince != null) {
            where.append(" AND finished_at >= ?");
            args.add(finishedSince);
        }
        return count(c, where, args);
    }

    private static long count(Connection c, CharSequence where, List<Object> args) throws SQLException {
        try (PreparedStatement count = c.prepareStatement("SELECT COUNT(*) FROM process_run" + where)) {
            Jdbc.bind(count, args);
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static StringBuilder where(RunFilter filter, List<Object> args) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        if (filter.typeId() != null) {
            where.append(" AND type_id = ?");
            args.add(filter.typeId());
        }
        if (!filter.states().isEmpty()) {
            where.append(" AND state IN (").append(marks(filter.states().size())).append(')');
            filter.states().stream().map(RunState::name).sorted().forEach(args::add);
        }
        if (filter.startedBy() != null) {
            where.append(" AND started_by = ?");
            args.add(filter.startedBy());
        }
        return where;
    }

    /** Ids of queued runs, oldest first. */
    static List<StoredRun> queued(Connection c, int limit) throws SQLException {
        return list(c, "SELECT " + StoredRun.COLUMNS + " FROM process_run WHERE state = ? ORDER BY id LIMIT ?",
                RunState.QUEUED.name(), limit);
    }

    /**
     * Running or cancelling runs whose worker is gone: its heartbeat is older than {@code staleBefore},
     * or it belonged to an earlier incarnation of this portal node (which has just restarted).
     */
    static List<StoredRun> orphans(Connection c, Instant staleBefore, String nodePrefix, String self)
            throws SQLException {
        return list(c, "SELECT " + StoredRun.COLUMNS + " FROM process_run WHERE state IN (?, ?) AND (owner IS NULL"
                + " OR heartbeat_at IS NULL OR heartbeat_at < ? OR (owner LIKE ? ESCAPE '\\' AND owner <> ?)) ORDER BY id",
                RunState.RUNNING.name(), RunState.CANCELLING.name(), staleBefore, JdbcStatements.startsWith(nodePrefix), self);
    }

    private static List<StoredRun> list(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(sql)) {
            Jdbc.bind(select, List.of(args));
            List<StoredRun> runs = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    runs.add(StoredRun.read(rs));
                }
            }
            return runs;
        }
    }

    // ---- state changes

    /** QUEUED → RUNNING for this owner. @return false when another worker was first */
    static boolean claim(Connection c, long id, String owner, Instant now) throws SQLException {
        return update(c, "UPDATE process_run SET state = ?, owner = ?, heartbeat_at = ?, started_at = COALESCE(started_at,"
                + " ?), pace_since = ?, pace_processed = done_count + skipped_count + failed_count WHERE id = ? AND "
                + from(RunState.RUNNING), RunState.RUNNING.name(), owner, now, now, now, id) == 1;
    }

    /** RUNNING → QUEUED: the worker stops (or died) with rows left; any worker may resume it. */
    static boolean release(Connection c, long id, String owner, Instant seenHeartbeat) throws SQLException {
        return update(c, "UPDATE process_run SET state = ?, owner = NULL, heartbeat_at = NULL, pace_since = NULL,"
                + " pace_processed = NULL WHERE id = ? AND state = ? AND " + ownerIs(owner, seenHeartbeat),
                withOwner(List.of(RunState.QUEUED.name(), id, RunState.RUNNING.name()), owner, seenHeartbeat)) == 1;
    }

    /** RUNNING → CANCELLING. */
    static boolean requestCancel(Connection c, long id) throws SQLException {
        return update(c, "UPDATE process_run SET state = ? WHERE id = ? AND state = ?", RunState.CANCELLING.name(), id,
                RunState.RUNNING.name()) == 1;
    }

    /**
     * To a final state, freeing the type and scope for the next run.
     *
     * @param owner the worker that must still hold it; null when no worker does (queued, or taken from a dead one)
     * @param seenHeartbeat with a null owner: the heartbeat it must still have, so that a live worker is never overtaken
     */
    static boolean finish(Connection c, long id, RunState to, String owner, Instant seenHeartbeat, Instant now,
            String error) throws SQLException {
        if (!to.isFinal()) {
            throw new IllegalArgumentException(to + " is not a final state");
        }
        List<Object> args = new ArrayList<>(List.of(to.name(), now));
        args.add(error == null ? null : ChunkWork.shorten(error, ChunkWork.MAX_MESSAGE));
        args.add(id);
        boolean changed = update(c, "UPDATE process_run SET state = ?, finished_at = ?, owner = NULL, heartbeat_at = NULL,"
                + " error = ? WHERE id = ? AND " + from(to) + " AND " + ownerIs(owner, seenHeartbeat),
                withOwner(args, owner, seenHeartbeat)) == 1;
        if (changed) {
            update(c, "DELETE FROM process_active_scope WHERE run_id = ?", id);
        }
        return changed;
    }

    /**
     * The worker's lock on its run for one transaction: refreshes the heartbeat and locks the row
     * (so that no one takes the run over before this transaction ends).
     *
     * @return the run as it is now, or empty when this worker no longer owns it
     */
    static Optional<StoredRun> lock(Connection c, long id, String owner, Instant now) throws SQLException {
        if (update(c, "UPDATE process_run SET heartbeat_at = ? WHERE id = ? AND owner = ?", now, id, owner) != 1) {
            return Optional.empty();
        }
        return find(c, id);
    }

    static void markSelected(Connection c, long id, long total) throws SQLException {
        update(c, "UPDATE process_run SET selected = ?, total = ? WHERE id = ?", true, total, id);
    }

    /**
     * Moves the run past a chunk: rows up to {@code through} are processed, with these counts.
     *
     * @return false when the run was not where this worker left it (then the caller rolls back)
     */
    static boolean advance(Connection c, long id, String owner, long from, long through, long done, long skipped,
            long failed) throws SQLException {
        return update(c, "UPDATE process_run SET processed_through = ?, done_count = done_count + ?, skipped_count ="
                + " skipped_count + ?, failed_count = failed_count + ? WHERE id = ? AND owner = ? AND processed_through = ?",
                through, done, skipped, failed, id, owner, from) == 1;
    }

    // ---- rows

    static void insertRows(Connection c, long runId, long firstSeq, List<String> keys) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO process_run_row (run_id, seq, row_key)"
                + " VALUES (?, ?, ?)")) {
            long seq = firstSeq;
            for (String key : keys) {
                insert.setLong(1, runId);
                insert.setLong(2, seq++);
                insert.setString(3, key);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** The failed rows of a run as the pending rows of another, in their order. @return how many */
    static long copyFailedRows(Connection c, long fromRun, long toRun) throws SQLException {
        return update(c, "INSERT INTO process_run_row (run_id, seq, row_key) SELECT ?, r.seq, r.row_key FROM"
                + " process_run_row r JOIN process_run_outcome o ON o.run_id = r.run_id AND o.seq = r.seq"
                + " WHERE r.run_id = ? AND o.state = ?", toRun, fromRun, RowState.FAILED.name());
    }

    /** The next rows to process: those after the run's {@code processed_through}. */
    static List<PendingRow> pending(Connection c, long runId, long afterSeq, int limit) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT seq, row_key FROM process_run_row WHERE run_id = ?"
                + " AND seq > ? ORDER BY seq LIMIT ?")) {
            select.setLong(1, runId);
            select.setLong(2, afterSeq);
            select.setInt(3, limit);
            List<PendingRow> rows = new ArrayList<>(limit);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    rows.add(new PendingRow(rs.getLong(1), rs.getString(2)));
                }
            }
            return rows;
        }
    }

    static boolean hasPending(Connection c, StoredRun run) throws SQLException {
        return !pending(c, run.id(), run.processedThrough(), 1).isEmpty();
    }

    /**
     * Stores the outcomes of rows that have something to say (skipped, failed, or done with a
     * message), one INSERT batch; a plain done row needs nothing beyond the run's {@code processed_through}.
     * Called after {@link #advance} succeeded, which proves these rows were this worker's to process; the
     * outcome's primary key is the last guard.
     */
    static void recordOutcomes(Connection c, long runId, List<ChunkWork.Row> rows, Instant now) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO process_run_outcome (run_id, seq, state,"
                + " message, processed_at) VALUES (?, ?, ?, ?, ?)")) {
            int n = 0;
            for (ChunkWork.Row r : rows) {
                if (r.outcome.state() == RowState.DONE && r.outcome.message() == null) {
                    continue;
                }
                insert.setLong(1, runId);
                insert.setLong(2, r.seq);
                insert.setString(3, r.outcome.state().name());
                insert.setString(4, r.outcome.message());
                insert.setObject(5, Jdbc.utc(now));
                insert.addBatch();
                n++;
            }
            if (n > 0) {
                insert.executeBatch();
            }
        }
    }

    /**
     * Stores the chunk's result-file lines, in row order, as blocks: the consecutive lines of one file joined by the
     * CSV record separator into one stored row of up to {@link ChunkWork#MAX_LINE} characters, keyed by its first
     * line, with how many lines it holds. A file is written by streaming its blocks in key order; a block per line
     * made every line an indexed row of its own.
     */
    static void insertLines(Connection c, long runId, List<ChunkWork.Row> rows) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO process_result_line (run_id, file_name, row_seq,"
                + " line_no, line, line_count) VALUES (?, ?, ?, ?, ?, ?)")) {
            Map<String, LineBlock> open = new java.util.HashMap<>();
            int n = 0;
            for (ChunkWork.Row r : rows) {
                for (ChunkWork.Line l : r.lines) {
                    LineBlock block = open.get(l.file());
                    if (block != null && !block.fits(l.text())) {
                        block.addTo(insert, runId);
                        n++;
                        block = null;
                    }
                    if (block == null) {
                        block = new LineBlock(l.file(), r.seq, l.lineNo());
                        open.put(l.file(), block);
                    }
                    block.add(l.text());
                }
            }
            for (LineBlock block : open.values()) {
                block.addTo(insert, runId);
                n++;
            }
            if (n > 0) {
                insert.executeBatch();
            }
        }
    }

    /** Consecutive lines of one result file, stored as one row. */
    private static final class LineBlock {
        static final String SEPARATOR = CSVFormat.RFC4180.getRecordSeparator();
        final String file;
        final long firstSeq;
        final int firstLineNo;
        final StringBuilder text = new StringBuilder();
        int count;

        LineBlock(String file, long firstSeq, int firstLineNo) {
            this.file = file;
            this.firstSeq = firstSeq;
            this.firstLineNo = firstLineNo;
        }

        boolean fits(String line) {
            return text.length() + SEPARATOR.length() + line.length() <= ChunkWork.MAX_LINE;
        }

        void add(String line) {
            if (count > 0) {
                text.append(SEPARATOR);
            }
            text.append(line);
            count++;
        }

        void addTo(PreparedStatement insert, long runId) throws SQLException {
            insert.setLong(1, runId);
            insert.setString(2, file);
            insert.setLong(3, firstSeq);
            insert.setInt(4, firstLineNo);
            insert.setString(5, text.toString());
            insert.setInt(6, count);
            insert.addBatch();
        }
    }

    /**
     * A row's state from its stored outcome (null when it has none) and the run's progress: a processed row
     * without an outcome of its own is done.
     */
    static RowState effective(String stored, long seq, long processedThrough) {
        if (stored != null) {
            return RowState.valueOf(stored);
        }
        return seq <= processedThrough ? RowState.DONE : RowState.PENDING;
    }

    /** The selection's rows with their outcomes, if any: {@code r} and {@code o}. */
    static final String ROWS_WITH_OUTCOMES = " FROM process_run_row r LEFT JOIN process_run_outcome o"
            + " ON o.run_id = r.run_id AND o.seq = r.seq";

    static Page<RowResult> rows(Connection c, StoredRun run, RowState state, PageRequest page) throws SQLException {
        StringBuilder where = new StringBuilder(" WHERE r.run_id = ?");
        List<Object> args = new ArrayList<>(List.of(run.id()));
        if (state == RowState.PENDING) {
            // outcomes are stored with the progress that passes their rows: none lies beyond it
            where.append(" AND r.seq > ?");
            args.add(run.processedThrough());
        } else if (state == RowState.DONE) {
            where.append(" AND (o.state = ? OR (o.state IS NULL AND r.seq <= ?))");
            args.addAll(List.of(RowState.DONE.name(), run.processedThrough()));
        } else if (state != null) {
            where.append(" AND o.state = ?");
            args.add(state.name());
        }
        long total;
        try (PreparedStatement count = c.prepareStatement("SELECT COUNT(*)" + ROWS_WITH_OUTCOMES + where)) {
            Jdbc.bind(count, args);
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                total = rs.getLong(1);
            }
        }
        List<RowResult> rows = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement("SELECT r.seq, r.row_key, o.state, o.message,"
                + " o.processed_at" + ROWS_WITH_OUTCOMES + where + " ORDER BY r.seq LIMIT ? OFFSET ?")) {
            Jdbc.bind(select, args);
            select.setInt(args.size() + 1, page.limit());
            select.setInt(args.size() + 2, page.offset());
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    long seq = rs.getLong(1);
                    rows.add(new RowResult(seq, rs.getString(2), effective(rs.getString(3), seq,
                            run.processedThrough()), rs.getString(4), Jdbc.instant(rs, "processed_at")));
                }
            }
        }
        return new Page<>(rows, total);
    }

    /** How many lines each result file of the run holds, by file name (files without lines are left out). */
    static Map<String, Long> lineCounts(Connection c, long runId) throws SQLException {
        Map<String, Long> counts = new java.util.HashMap<>();
        try (PreparedStatement select = c.prepareStatement("SELECT file_name, SUM(line_count) FROM process_result_line"
                + " WHERE run_id = ? GROUP BY file_name")) {
            select.setLong(1, runId);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    counts.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        return counts;
    }

    /** The run's declared result files and their CSV headers, in declaration order. */
    static Map<String, String> resultFiles(Connection c, long runId) throws SQLException {
        Map<String, String> files = new java.util.LinkedHashMap<>();
        try (PreparedStatement select = c.prepareStatement("SELECT name, header FROM process_result_file WHERE"
                + " run_id = ? ORDER BY position")) {
            select.setLong(1, runId);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    files.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return files;
    }

    // ---- helpers

    private static String from(RunState to) {
        Set<RunState> sources = RunLifecycle.sourcesOf(to);
        return "state IN (" + sources.stream().map(s -> "'" + s.name() + "'").sorted().collect(Collectors.joining(", "))
                + ")";
    }

    private static String ownerIs(String owner, Instant seenHeartbeat) {
        if (owner != null) {
            return "owner = ?";
        }
        return seenHeartbeat == null ? "heartbeat_at IS NULL" : "heartbeat_at = ?";
    }

    private static Object[] withOwner(Collection<Object> args, String owner, Instant seenHeartbeat) {
        List<Object> all = new ArrayList<>(args);
        if (owner != null) {
            all.add(owner);
        } else if (seenHeartbeat != null) {
            all.add(seenHeartbeat);
        }
        return all.toArray();
    }

    static String marks(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }

    static int update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            Jdbc.bind(ps, java.util.Arrays.asList(args));
            return ps.executeUpdate();
        }
    }
}
