/**
 * Reading a CertPortal configuration file (etc/org.certportal.*.cfg) safely: every bad value is
 * refused with the file and the key named, and the area goes on with its last good settings.
 */
@Version("1.0.0")
package org.certportal.security.api.config;

import org.osgi.annotation.versioning.Version;
