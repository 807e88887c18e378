/**
 * Enrollments: contacts in certification programs, their dates, certification statuses and
 * progress; the SPIs through which other features add progress and purge their own data. Besides
 * this API the feature publishes one read contract in the database: the view
 * {@code enrollment_summary} (id, contact_id, program_id, status), which other features may join to
 * sort and filter at scale; they never name the {@code enrollment} table.
 */
@Version("1.2.0")
package org.certportal.enrollments.api;

import org.osgi.annotation.versioning.Version;
