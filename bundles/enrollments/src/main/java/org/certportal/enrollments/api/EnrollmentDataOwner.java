package org.certportal.enrollments.api;

import java.sql.Connection;
import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Whiteboard service of a feature that keeps data per enrollment (completions, registrations):
 * purging enrollments calls every registered owner first, on the purge's own connection and in its
 * transaction, so either everything about those enrollments goes or nothing does.
 */
@ConsumerType
public interface EnrollmentDataOwner {

    /**
     * Deletes the owner's rows of these enrollments, on this connection (do not commit or close it).
     * Throwing rolls the whole purge back.
     */
    void purge(Connection connection, List<Long> enrollmentIds);
}
