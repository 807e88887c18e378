/**
 * Completions: what enrollees did to meet the requirements of their programs (grades, files,
 * approvals), the approvals queue, and the CSV import.
 * <p>
 * 1.1: {@link org.certportal.completions.api.CompletionService#approveWithoutEarning} approves on the
 * caller's connection and leaves the enrollment's next step to the caller (mass certification).
 * 1.2: {@link org.certportal.completions.api.CompletionService#progressAll} reads many enrollees' progress at once.
 */
@Version("1.2.0")
package org.certportal.completions.api;

import org.osgi.annotation.versioning.Version;
