package org.certportal.audit.api;

import java.util.Collection;
import java.util.Map;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Names the things one area's audit entries are about, for people reading the log: the area that
 * owns the data says what entity 42 of its type is called ("Jana Novak (D1-120)"), so the log shows
 * words where it stores keys. Registered as a service by the area that writes entries of
 * {@link #entityType()}; the Audit log asks once per type for the entries of the page it shows.
 * Without one, or for an id it cannot name, the page shows the stored id.
 */
@ConsumerType
public interface AuditSubjects {
    /** The entity type, as the area passes it to {@link AuditLog#record}. */
    String entityType();

    /**
     * Names for these entity ids, read in one go as the caller; ids that name nothing the area knows
     * (a deleted row, "bulk", "import") are left out.
     */
    Map<String, String> names(Collection<String> entityIds);
}
