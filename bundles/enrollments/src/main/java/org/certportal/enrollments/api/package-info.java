/**
 * Enrollments: contacts in certification programs, their dates, certification statuses and
 * progress; the SPIs through which other features add progress and purge their own data.
 */
@Version("1.1.0")
package org.certportal.enrollments.api;

import org.osgi.annotation.versioning.Version;
