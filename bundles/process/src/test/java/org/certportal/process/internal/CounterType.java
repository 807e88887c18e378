package org.certportal.process.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongConsumer;

import org.certportal.process.api.ChunkContext;
import org.certportal.process.api.ParameterDefinition;
import org.certportal.process.api.ProcessParameters;
import org.certportal.process.api.ProcessType;
import org.certportal.process.api.ResultFile;
import org.certportal.process.api.RowContext;
import org.certportal.process.api.RowOutcome;
import org.certportal.process.api.SelectionContext;
import org.certportal.security.api.PermissionDefinition;
import org.certportal.security.api.PermissionProvider;
import org.certportal.security.api.Role;

/**
 * A real process type over the test table test_item(id, counter): each row adds one to its item's
 * counter, so a counter above 1 means a row was processed twice. Items listed in {@link #broken}
 * throw after changing their counter (the change must be rolled back); every {@code skip-every}-th is
 * skipped. With {@link #chunked} it works whole chunks through its own chunk step, agreeing with its row step.
 */
public final class CounterType implements ProcessType {
    static final String ID = "test.counter";
    static final String PERMISSION = "test.count";
    /** Items whose row throws. */
    final Set<Long> broken = new CopyOnWriteArraySet<>();
    /** Called after each row's work, with the item id. */
    volatile LongConsumer afterRow = id -> { };
    /** Whether rows write through {@link RowContext#update} (batched) or at once on the connection. */
    volatile boolean deferred = true;
    /**
     * Whether chunks go through this type's own chunk step: the chunk's items read in one query and
     * written on the connection directly, in one JDBC batch (or one UPDATE each when not {@link #deferred}).
     */
    volatile boolean chunked;
    /** Appended to each "counted" line of changed.csv (long lines fill the engine's stored blocks sooner). */
    volatile String remark = "";
    /** How often the chunk step and the row step were called. */
    final AtomicInteger chunkCalls = new AtomicInteger();
    final AtomicInteger rowCalls = new AtomicInteger();

    static PermissionProvider permissions() {
        return () -> List.of(new PermissionDefinition(PERMISSION, "Count test items", Set.of(Role.CERTIFICATION_ADMIN)));
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Counter";
    }

    @Override
    public String description() {
        return "Adds one to each test item's counter.";
    }

    @Override
    public String permission() {
        return PERMISSION;
    }

    @Override
    public List<ParameterDefinition> parameters() {
        return List.of(ParameterDefinition.text("scope", "Scope", false, "What the run works on"),
                ParameterDefinition.integer("skip-every", "Skip every", false, null, "Skip every n-th item"),
                ParameterDefinition.flag("misbehave", "Misbehave", false, "Write even in a dry run"));
    }

    @Override
    public String scope(ProcessParameters p) {
        return p.text("scope").orElse("all");
    }

    @Override
    public void select(ProcessParameters p, SelectionContext selection) throws SQLException {
        try (PreparedStatement select = selection.connection().prepareStatement("SELECT id FROM test_item ORDER BY id")) {
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    selection.add("item:" + rs.getLong(1));
                }
            }
        }
    }

    @Override
    public List<RowOutcome> processChunk(ChunkContext chunk, List<String> keys, boolean dryRun) throws SQLException {
        if (!chunked) {
            return ProcessType.super.processChunk(chunk, keys, dryRun);
        }
        chunkCalls.incrementAndGet();
        long skipEvery = chunk.parameters().integer("skip-every").orElse(0L);
        Set<Long> existing = existing(chunk.connection(), keys);
        List<RowOutcome> outcomes = new ArrayList<>();
        List<Long> increment = new ArrayList<>();
        for (String key : keys) {
            long id = Long.parseLong(key.substring("item:".length()));
            if (!existing.contains(id)) {
                outcomes.add(RowOutcome.failed("item " + id + " is gone"));
            } else if (skipEvery > 0 && id % skipEvery == 0) {
                chunk.row(key).write("changed.csv", id, "skipped");
                outcomes.add(RowOutcome.skipped("item " + id + " is left alone"));
            } else if (dryRun) {
                outcomes.add(RowOutcome.done("counter of item " + id + " would go up by one"));
            } else {
                increment.add(id);
                chunk.row(key).write("changed.csv", id, "counted" + remark);
                outcomes.add(RowOutcome.done(null));
            }
        }
        try (PreparedStatement update = chunk.connection().prepareStatement(
                "UPDATE test_item SET counter = counter + 1 WHERE id = ?")) {
            for (long id : increment) {
                update.setLong(1, id);
                if (deferred) {
                    update.addBatch();
                } else {
                    update.executeUpdate();
                }
            }
            if (deferred && !increment.isEmpty()) {
                update.executeBatch();
            }
        }
        // a broken item fails after the whole chunk was written: the engine must roll the chunk back
        for (long id : increment) {
            if (broken.contains(id)) {
                throw new IllegalStateException("item " + id + " is broken");
            }
            afterRow.accept(id);
        }
        return outcomes;
    }

    private static Set<Long> existing(Connection c, List<String> keys) throws SQLException {
        Set<Long> ids = new HashSet<>();
        try (PreparedStatement select = c.prepareStatement("SELECT id FROM test_item WHERE id BETWEEN ? AND ?")) {
            select.setLong(1, Long.parseLong(keys.get(0).substring("item:".length())));
            select.setLong(2, Long.parseLong(keys.get(keys.size() - 1).substring("item:".length())));
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        return ids;
    }

    @Override
    public RowOutcome process(RowContext row, String key, boolean dryRun) throws SQLException {
        rowCalls.incrementAndGet();
        long id = Long.parseLong(key.substring("item:".length()));
        long skipEvery = row.parameters().integer("skip-every").orElse(0L);
        if (skipEvery > 0 && id % skipEvery == 0) {
            row.write("changed.csv", id, "skipped");
            return RowOutcome.skipped("item " + id + " is left alone");
        }
        if (dryRun) {
            if (row.parameters().flag("misbehave")) {
                increment(row, id);
            }
            return RowOutcome.done("counter of item " + id + " would go up by one");
        }
        if (broken.contains(id)) {
            increment(row, id); // changed, then fails: the engine must roll this back
            throw new IllegalStateException("item " + id + " is broken");
        }
        if (deferred) {
            row.update("UPDATE test_item SET counter = counter + 1 WHERE id = ?", id);
        } else {
            increment(row, id);
        }
        row.write("changed.csv", id, "counted" + remark);
        afterRow.accept(id);
        return RowOutcome.done(null);
    }

    private static void increment(RowContext row, long id) throws SQLException {
        try (PreparedStatement update = row.connection().prepareStatement(
                "UPDATE test_item SET counter = counter + 1 WHERE id = ?")) {
            update.setLong(1, id);
            update.executeUpdate();
        }
    }

    @Override
    public List<ResultFile> resultFiles() {
        return List.of(new ResultFile("changed.csv", List.of("item", "what")));
    }
}
