package org.certportal.process.api;

import java.time.Instant;

/**
 * One selected row of a run.
 *
 * @param seq its place in the selection, from 1
 * @param message the diff or reason; null while pending
 */
public record RowResult(long seq, String key, RowState state, String message, Instant processedAt) {
}
