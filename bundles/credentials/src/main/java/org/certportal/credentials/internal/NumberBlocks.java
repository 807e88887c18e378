package org.certportal.credentials.internal;

import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Hands out credential sequence numbers from blocks reserved in the database, so that concurrent
 * chunks and portals never wait on each other for a number: one database round trip per
 * {@link #BLOCK_SIZE} numbers. A block is reserved by one {@code nextval} of a sequence that counts in
 * steps of {@link #BLOCK_SIZE} (it never goes back, even when the transaction that asked rolls back), so
 * no number is given twice; numbers left in a block when the portal stops, or used by a chunk that
 * rolls back, are gaps.
 */
public final class NumberBlocks {
    /** Also the sequence's INCREMENT BY in the changelog. */
    public static final int BLOCK_SIZE = 100;

    /** Reserves the next block: returns the sequence's next value, the block's last number. */
    public interface Source {
        long nextBlockEnd() throws SQLException;
    }

    /** Reserves several blocks in one round trip: returns the sequence's next {@code blocks} values. */
    public interface Sources {
        List<Long> nextBlockEnds(int blocks) throws SQLException;
    }

    private long next;
    private long last = -1;
    /** Blocks reserved ahead ({@link #reserve}), by their last number, used in this order. */
    private final Deque<Long> reserved = new ArrayDeque<>();

    /**
     * The next number; when the block is used up, the next reserved block, else a new one from the source
     * (called on the caller's connection: a sequence is not rolled back with it, so nothing is given twice).
     */
    public synchronized long next(Source source) throws SQLException {
        if (next > last) {
            long end = reserved.isEmpty() ? checked(source.nextBlockEnd()) : reserved.poll();
            next = end - BLOCK_SIZE + 1;
            last = end;
        }
        return next++;
    }

    /**
     * Makes sure the next {@code count} numbers are at hand, reserving the blocks missing in one call of the
     * source (a chunk of an award run asks once instead of once per block). Numbers reserved and not used stay
     * for the next caller; those left when the portal stops are gaps, like the rest of a block.
     */
    public synchronized void reserve(int count, Sources source) throws SQLException {
        long atHand = Math.max(0, last - next + 1) + (long) reserved.size() * BLOCK_SIZE;
        if (atHand >= count) {
            return;
        }
        int blocks = (int) ((count - atHand + BLOCK_SIZE - 1) / BLOCK_SIZE);
        List<Long> ends = source.nextBlockEnds(blocks);
        if (ends.size() != blocks) {
            throw new IllegalStateException("Asked for " + blocks + " blocks of numbers, got " + ends.size() + ".");
        }
        for (long end : ends) {
            reserved.add(checked(end));
        }
    }

    private static long checked(long end) {
        if (end < BLOCK_SIZE || end % BLOCK_SIZE != 0) {
            throw new IllegalStateException("The credential number sequence must count in steps of " + BLOCK_SIZE
                    + " from " + BLOCK_SIZE + "; it gave " + end + ".");
        }
        return end;
    }
}
