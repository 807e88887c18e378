/**
 * Tracking: every enrollment's certification status in one list (filtered, counted, sorted and paged
 * in the database), saved filters per user, CSV export, manual status changes with a reason and the
 * resolution of Admin Review. Statuses change only through the enrollments API's one status-change
 * door; tracking stores nothing of an enrollment itself. Since 1.1: the expiry reminder ladder
 * ({@link org.certportal.tracking.api.ReminderService}) and the reminders handled per enrollment in
 * {@link org.certportal.tracking.api.StatusDetail}. Since 1.2: mass drops, a process type
 * ({@value org.certportal.tracking.api.MassDropService#PROCESS_TYPE}) whose changes are recorded per run, and
 * their revert ({@link org.certportal.tracking.api.MassDropService}). Since 1.3: a page of rows without
 * its total ({@link org.certportal.tracking.api.TrackingService#rows}). Since 1.4: counts capped at
 * {@link org.certportal.persistence.api.Page#COUNT_CAP} ({@link org.certportal.tracking.api.TrackingService#countsUpTo},
 * {@link org.certportal.tracking.api.StatusCounts#more}), and the list's total capped the same way.
 */
@Version("1.4.0")
package org.certportal.tracking.api;

import org.osgi.annotation.versioning.Version;
