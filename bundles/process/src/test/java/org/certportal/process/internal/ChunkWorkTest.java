package org.certportal.process.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.certportal.process.api.RowOutcome;
import org.certportal.process.api.RowState;
import org.junit.jupiter.api.Test;

class ChunkWorkTest {
    private static final String A = "UPDATE a SET x = ? WHERE id = ?";
    private static final String B = "INSERT INTO b VALUES (?)";

    @Test
    void deferredStatementsAreBatchedPerSqlInTheOrderEachFirstAppeared() {
        ChunkWork work = new ChunkWork(Set.of());
        ChunkWork.Row r1 = work.begin(1, "k1");
        work.update(r1, B, new Object[] { 1 });
        work.update(r1, A, new Object[] { "x", 1 });
        work.finish(r1, RowOutcome.done(null));
        ChunkWork.Row r2 = work.begin(2, "k2");
        work.update(r2, A, new Object[] { "y", 2 });
        work.update(r2, B, new Object[] { 2 });
        work.finish(r2, RowOutcome.done(null));

        Map<String, List<Object[]>> batches = work.batches();
        assertEquals(List.of(B, A), List.copyOf(batches.keySet()));
        assertArrayEquals(new Object[] { 1 }, batches.get(B).get(0));
        assertArrayEquals(new Object[] { 2 }, batches.get(B).get(1));
        assertArrayEquals(new Object[] { "y", 2 }, batches.get(A).get(1));
    }

    @Test
    void aFailedRowKeepsItsLinesButNotItsStatementsAndAThrowingRowKeepsNothing() {
        ChunkWork work = new ChunkWork(Set.of("bad.csv"));
        ChunkWork.Row failed = work.begin(1, "k1");
        work.update(failed, A, new Object[] { 1, 1 });
        work.write(failed, "bad.csv", new Object[] { "k1", "no exam score" });
        work.finish(failed, RowOutcome.failed("no exam score"));
        ChunkWork.Row threw = work.begin(2, "k2");
        work.update(threw, A, new Object[] { 1, 2 });
        work.write(threw, "bad.csv", new Object[] { "k2", "?" });
        work.threw(threw, new IllegalStateException("database says no"));
        ChunkWork.Row done = work.begin(3, "k3");
        work.update(done, A, new Object[] { 1, 3 });
        work.finish(done, RowOutcome.done("x: 0 → 1"));

        assertEquals(1, work.batches().get(A).size(), "only the done row's statement");
        assertEquals(List.of(new ChunkWork.Line("bad.csv", 1, "k1,no exam score")), failed.lines);
        assertTrue(threw.lines.isEmpty());
        assertEquals(RowOutcome.failed("database says no"), threw.outcome);
        assertEquals(1, work.count(RowState.DONE));
        assertEquals(2, work.count(RowState.FAILED));
        assertEquals(0, work.count(RowState.SKIPPED));
    }

    @Test
    void resultLinesAreRfc4180AndOnlyForDeclaredFiles() {
        ChunkWork work = new ChunkWork(Set.of("out.csv"));
        ChunkWork.Row row = work.begin(1, "k");
        work.write(row, "out.csv", new Object[] { "Smith, Ada", "say \"hi\"", null, 42 });
        assertEquals("\"Smith, Ada\",\"say \"\"hi\"\"\",,42", row.lines.get(0).text());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> work.write(row, "other.csv", new Object[] { 1 }));
        assertEquals("The process did not declare the result file 'other.csv'.", e.getMessage());
    }

    @Test
    void longMessagesAreShortenedAndAMissingOutcomeIsRefused() {
        ChunkWork work = new ChunkWork(Set.of());
        ChunkWork.Row row = work.begin(1, "k");
        work.finish(row, RowOutcome.done("x".repeat(5000)));
        assertEquals(ChunkWork.MAX_MESSAGE, row.outcome.message().length());
        assertTrue(row.outcome.message().endsWith("…"));
        assertThrows(IllegalStateException.class, () -> work.finish(work.begin(2, "j"), null));
        assertEquals("NullPointerException", ChunkWork.reason(new NullPointerException()));
    }
}
