/**
 * Tracking: every enrollment's certification status in one list (filtered, counted, sorted and paged
 * in the database), saved filters per user, CSV export, manual status changes with a reason and the
 * resolution of Admin Review. Statuses change only through the enrollments API's one status-change
 * door; tracking stores nothing of an enrollment itself.
 */
@Version("1.0.0")
package org.certportal.tracking.api;

import org.osgi.annotation.versioning.Version;
