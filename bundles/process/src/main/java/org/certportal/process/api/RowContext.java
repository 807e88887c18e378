package org.certportal.process.api;

import java.sql.Connection;

import org.certportal.security.api.Caller;
import org.osgi.annotation.versioning.ProviderType;

/** What {@link ProcessType#process} works with for one row. */
@ProviderType
public interface RowContext {

    /**
     * The chunk's transaction: changes made here commit together with the row's outcome. Do not
     * commit, roll back or close it.
     */
    Connection connection();

    long runId();

    ProcessParameters parameters();

    /** Who started the run (the row is processed as this user). */
    Caller startedBy();

    /**
     * Writes an INSERT, UPDATE or DELETE for this row in the chunk's transaction, possibly later in
     * a JDBC batch with the same statement of the chunk's other rows (before the chunk commits, in
     * the order each statement text first appeared). Faster than executing it at once; the row must
     * not read its own deferred change back. Values are bound with {@code setObject}.
     */
    void update(String sql, Object... values);

    /**
     * Adds a line to one of the type's {@link ProcessType#resultFiles()}; kept only if the row is.
     *
     * @throws IllegalArgumentException for a file the type did not declare
     */
    void write(String resultFile, Object... values);
}
