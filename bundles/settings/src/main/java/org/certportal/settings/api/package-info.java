/** Organisation settings: time zone, expiring-notice days, upload limits. */
@Version("1.0.0")
package org.certportal.settings.api;

import org.osgi.annotation.versioning.Version;
