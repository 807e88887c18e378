package org.certportal.masscert.api;

/**
 * A confirmation email as one real applicant would get it.
 *
 * @param to their address; null when they have none (they would get no email)
 */
public record EmailPreview(long enrollmentId, String applicant, String to, String subject, String body) {
}
