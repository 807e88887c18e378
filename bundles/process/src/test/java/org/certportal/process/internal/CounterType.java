package org.certportal.process.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.LongConsumer;

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
 * skipped.
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
    public RowOutcome process(RowContext row, String key, boolean dryRun) throws SQLException {
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
        row.write("changed.csv", id, "counted");
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
