/**
 * Certification programs: their options, ordered requirements and offerings, statuses, and the
 * versioned rules each enrollment is judged against.
 */
@Version("1.0.0")
package org.certportal.programs.api;

import org.osgi.annotation.versioning.Version;
