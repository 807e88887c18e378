/**
 * Mass certification: for every applicant to a certification program (enrollments in progress or
 * applied whose application matches the criteria), the process type {@value
 * org.certportal.masscert.api.MassCertification#PROCESS} approves the pending exam-score and
 * education-credit completions that meet their requirements, then certifies the applicant when the
 * program is free or creates an order for its fee ({@value
 * org.certportal.masscert.api.MassCertification#ORDER_PURPOSE}), which certifies them when it is paid.
 * The process runs on the engine ({@code ProcessService}) with the parameters named in
 * {@link org.certportal.masscert.api.MassCertification}.
 */
@Version("1.0.0")
package org.certportal.masscert.api;

import org.osgi.annotation.versioning.Version;
