package org.certportal.process.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.certportal.process.api.RowOutcome;
import org.certportal.process.api.RowState;

/**
 * What the rows of one chunk asked for, kept until the chunk is written: each row's deferred
 * statements, its result-file lines and its outcome. A failed row's statements are dropped (it
 * changed nothing), its lines kept (an "unsuccessful" file lists it); a row that threw keeps nothing.
 */
final class ChunkWork {
    static final int MAX_MESSAGE = 2000;
    static final int MAX_LINE = 8000;

    record Statement(String sql, Object[] values) {
    }

    record Line(String file, int lineNo, String text) {
    }

    /** One row of the chunk. */
    static final class Row {
        final long seq;
        final String key;
        final List<Statement> statements = new ArrayList<>();
        final List<Line> lines = new ArrayList<>();
        RowOutcome outcome;

        Row(long seq, String key) {
            this.seq = seq;
            this.key = key;
        }
    }

    private final Set<String> files;
    private final List<Row> rows = new ArrayList<>();

    /** @param files the result files the type declared */
    ChunkWork(Set<String> files) {
        this.files = files;
    }

    Row begin(long seq, String key) {
        Row row = new Row(seq, key);
        rows.add(row);
        return row;
    }

    void update(Row row, String sql, Object[] values) {
        if (sql == null || sql.isBlank()) {
            throw new IllegalArgumentException("A deferred update needs its SQL.");
        }
        row.statements.add(new Statement(sql, values.clone()));
    }

    void write(Row row, String file, Object[] values) {
        if (!files.contains(file)) {
            throw new IllegalArgumentException("The process did not declare the result file '" + file + "'.");
        }
        String text = CSVFormat.RFC4180.format(values);
        row.lines.add(new Line(file, row.lines.size() + 1, shorten(text, MAX_LINE)));
    }

    /** The row returned its outcome. */
    void finish(Row row, RowOutcome outcome) {
        if (outcome == null) {
            throw new IllegalStateException("The process returned no outcome for row " + row.key + ".");
        }
        row.outcome = new RowOutcome(outcome.state(), outcome.message() == null ? null
                : shorten(outcome.message(), MAX_MESSAGE));
        if (outcome.state() == RowState.FAILED) {
            row.statements.clear();
        }
    }

    /** The row threw: it keeps nothing but its failure. */
    void threw(Row row, Throwable e) {
        row.statements.clear();
        row.lines.clear();
        row.outcome = RowOutcome.failed(shorten(reason(e), MAX_MESSAGE));
    }

    List<Row> rows() {
        return rows;
    }

    /** The deferred statements grouped by SQL text, in the order each text first appeared, each group in row order. */
    Map<String, List<Object[]>> batches() {
        Map<String, List<Object[]>> batches = new LinkedHashMap<>();
        for (Row r : rows) {
            for (Statement s : r.statements) {
                batches.computeIfAbsent(s.sql(), k -> new ArrayList<>()).add(s.values());
            }
        }
        return batches;
    }

    long count(RowState state) {
        return rows.stream().filter(r -> r.outcome != null && r.outcome.state() == state).count();
    }

    static String reason(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m.strip();
    }

    static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
