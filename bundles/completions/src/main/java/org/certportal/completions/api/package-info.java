/**
 * Completions: what enrollees did to meet the requirements of their programs (grades, files,
 * approvals), the approvals queue, and the CSV import.
 */
@Version("1.0.0")
package org.certportal.completions.api;

import org.osgi.annotation.versioning.Version;
