package org.certportal.persistence.api;

/** A migration could not be applied; the owning bundle must not start its services. */
public class SchemaMigrationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SchemaMigrationException(String message, Throwable cause) {
        super(message, cause);
    }
}
