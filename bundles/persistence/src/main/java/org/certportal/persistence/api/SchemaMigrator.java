package org.certportal.persistence.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Applies a bundle's own schema changes, in order and once each, before its services start. Two
 * portals starting on one database wait for each other (a lock in the database).
 */
@ProviderType
public interface SchemaMigrator {

    /**
     * Brings the schema up to date with the changelog.
     *
     * @param owner a class of the bundle that ships the changelog (its class loader finds it)
     * @param changelog path of the changelog in that bundle, e.g. {@code db/contacts.changelog.xml}
     * @throws SchemaMigrationException naming the changelog and the failing change; the change's
     *         transaction is rolled back; the owner's bundle is then stopped (transiently), so a
     *         feature never runs on a schema its code does not expect
     */
    void migrate(Class<?> owner, String changelog);
}
