package org.certportal.credentials.internal;

import java.sql.SQLException;

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

    private long next;
    private long last = -1;

    /**
     * The next number; when the block is used up, a new one from the source (called on the caller's
     * connection: a sequence is not rolled back with it, so nothing is given twice).
     */
    public synchronized long next(Source source) throws SQLException {
        if (next > last) {
            long end = source.nextBlockEnd();
            if (end < BLOCK_SIZE || end % BLOCK_SIZE != 0) {
                throw new IllegalStateException("The credential number sequence must count in steps of " + BLOCK_SIZE
                        + " from " + BLOCK_SIZE + "; it gave " + end + ".");
            }
            next = end - BLOCK_SIZE + 1;
            last = end;
        }
        return next++;
    }
}
