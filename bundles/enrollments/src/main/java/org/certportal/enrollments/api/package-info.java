/**
 * Enrollments: contacts in certification programs, their dates, certification statuses and
 * progress; the SPIs through which other features add progress and purge their own data. Besides
 * this API the feature publishes one read contract in the database: the view
 * {@code enrollment_summary} (id, contact_id, program_id, status, the rule version, cycle and dates;
 * its changelog lists the columns), which other features may join to
 * sort and filter at scale; they never name the {@code enrollment} table. Statuses change only
 * through this API ({@link org.certportal.enrollments.api.EnrollmentService#changeStatus} for processes
 * moving many), checked against the status rules and audited once per change. Contacts' applications
 * to programs that have a related application ({@link org.certportal.enrollments.api.ApplicationService})
 * belong here too: an application is part of enrolling, and its decisions move the enrollment through
 * the same door. Since 1.6 a caller can undo a status change it recorded
 * ({@link org.certportal.enrollments.api.StatusChange#revert}), through the same door. Since 1.7 a
 * certification with a fee is not earned by meeting its requirements: the enrollment waits ({@link org.certportal.enrollments.api.CertificationStatus#AWAITING_PAYMENT}) until
 * {@link org.certportal.enrollments.api.EnrollmentService#markPaid}. Since 1.8 many enrollments are read by id in
 * one call ({@link org.certportal.enrollments.api.EnrollmentService#findAll}).
 */
@Version("1.8.0")
package org.certportal.enrollments.api;

import org.osgi.annotation.versioning.Version;
