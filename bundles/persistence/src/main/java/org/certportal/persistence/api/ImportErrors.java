package org.certportal.persistence.api;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The refusals of one import file: problems of the file as a whole, and bad rows by line. Every bad
 * row is counted (one bit per line, so a file of millions of bad rows stays small), but only the
 * {@link #LISTED} bad rows with the lowest line numbers are kept as text, whatever order they were
 * found in; {@link #messages()} ends with the true total when more were found than listed.
 */
public final class ImportErrors {
    /** How many bad rows are listed by line; the rest are only counted. */
    public static final int LISTED = 1000;

    private final List<String> fileProblems = new ArrayList<>();
    private final TreeMap<Long, String> byLine = new TreeMap<>();
    private final BitSet badLines = new BitSet();

    /** A problem of the whole file (its encoding, header or size), listed first. */
    public void file(String message) {
        fileProblems.add(message);
    }

    /**
     * A bad row: {@code problem} is written after "Line N: ". A second problem on the same line is
     * joined to the first and does not count the row twice.
     */
    public void line(long line, String problem) {
        badLines.set(Math.toIntExact(line));
        String text = byLine.get(line);
        if (text != null) {
            byLine.put(line, text + " " + problem);
            return;
        }
        byLine.put(line, "Line " + line + ": " + problem);
        if (byLine.size() > LISTED) {
            byLine.pollLastEntry();
        }
    }

    /** Whether the line was reported bad. */
    public boolean isBad(long line) {
        return line <= Integer.MAX_VALUE && badLines.get((int) line);
    }

    /** The number of bad rows, all of them (not only those listed). */
    public int badRows() {
        return badLines.cardinality();
    }

    public boolean isEmpty() {
        return fileProblems.isEmpty() && badLines.isEmpty();
    }

    /**
     * What to show: the file's problems, then the listed bad rows by line, then, when more rows were
     * bad than listed, one line with the true total.
     */
    public List<String> messages() {
        List<String> all = new ArrayList<>(fileProblems);
        for (Map.Entry<Long, String> e : byLine.entrySet()) {
            all.add(e.getValue());
        }
        int bad = badRows();
        if (bad > byLine.size()) {
            all.add(String.format("… and %,d more bad rows: %,d bad rows in all (the first %,d are listed).",
                    bad - byLine.size(), bad, byLine.size()));
        }
        return all;
    }
}
