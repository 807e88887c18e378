package org.certportal.persistence.api;

import java.util.List;

/**
 * Rows of one page and how many rows the whole filtered list has. A list that can reach millions of
 * rows may stop counting at {@link #COUNT_CAP}: counting every match would cost more than reading the
 * page. Then {@code more} is true and {@code total} is the cap, a lower bound the view shows as "more
 * than 10,000".
 *
 * @param total the rows of the whole list, or the cap when {@code more}
 * @param more whether the list has more rows than {@code total} (its count was capped)
 * @param <T> the row type
 * @since 1.4 for {@code more}
 */
public record Page<T>(List<T> items, long total, boolean more) {
    /** Where lists that cap their count stop counting: a count of up to this many rows is exact. */
    public static final int COUNT_CAP = 10_000;

    public Page {
        items = List.copyOf(items);
        if (total < 0) {
            throw new IllegalArgumentException("A page's total must not be negative: " + total);
        }
    }

    /** An exactly counted list. */
    public Page(List<T> items, long total) {
        this(items, total, false);
    }

    /**
     * A page of a list counted with {@code LIMIT COUNT_CAP + 1} (see {@link JdbcStatements#countUpTo}):
     * a count above the cap means "more than the cap".
     */
    public static <T> Page<T> countedUpTo(List<T> items, long counted) {
        return counted > COUNT_CAP ? new Page<>(items, COUNT_CAP, true) : new Page<>(items, counted, false);
    }

    /** The total in words: "1 contact", "12,345 contacts", "more than 10,000 contacts". */
    public String totalText(String one, String many) {
        if (more) {
            return String.format("more than %,d %s", total, many);
        }
        return total == 1 ? "1 " + one : String.format("%,d %s", total, many);
    }
}
