/**
 * Organisation settings: time zone, date format, expiring-notice days, upload limits.
 * <p>
 * 1.1: {@link org.certportal.settings.api.OrganisationSettings#datePattern()}.
 */
@Version("1.1.0")
package org.certportal.settings.api;

import org.osgi.annotation.versioning.Version;
