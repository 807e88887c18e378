package org.certportal.process.api;

import java.sql.Connection;

import org.certportal.security.api.Caller;
import org.osgi.annotation.versioning.ProviderType;

/** What {@link ProcessType#select} works with. */
@ProviderType
public interface SelectionContext {

    /** The portal database, inside the transaction that stores the selection. Do not commit or close it. */
    Connection connection();

    /** Who started the run. */
    Caller startedBy();

    /**
     * Adds a row by its idempotency key (1 to {@value #MAX_KEY} characters, unique within the run).
     *
     * @throws IllegalArgumentException for a blank, too long or repeated key
     */
    void add(String key);

    int MAX_KEY = 200;
}
