package org.certportal.process.api;

import java.sql.Connection;

import org.certportal.security.api.Caller;
import org.osgi.annotation.versioning.ProviderType;

/**
 * What {@link ProcessType#processChunk} works with: the chunk's transaction and, for each of its rows,
 * the {@link RowContext} that attributes deferred updates and result-file lines to that row.
 *
 * @since 1.2
 */
@ProviderType
public interface ChunkContext {

    /**
     * The chunk's transaction: changes made here commit together with the outcomes of all the chunk's
     * rows, or not at all. Do not commit, roll back or close it.
     */
    Connection connection();

    long runId();

    ProcessParameters parameters();

    /** Who started the run (the chunk is processed as this user). */
    Caller startedBy();

    /**
     * The context of one row of this chunk: its {@link RowContext#update} and {@link RowContext#write}
     * belong to that row (dropped when the row fails, batched with the other rows' like statements).
     *
     * @throws IllegalArgumentException for a key that is not one of this chunk's
     */
    RowContext row(String key);
}
