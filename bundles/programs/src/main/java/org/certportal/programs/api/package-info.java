/**
 * Certification programs: their options, ordered requirements and offerings, statuses, and the
 * versioned rules each enrollment is judged against. Besides this API the feature publishes one read
 * contract in the database: the view {@code program_summary} (id, code, code_key, name, name_key,
 * status), which other features may join to show, sort and filter by program at scale; they never
 * name the program tables.
 */
@Version("1.2.0")
package org.certportal.programs.api;

import org.osgi.annotation.versioning.Version;
