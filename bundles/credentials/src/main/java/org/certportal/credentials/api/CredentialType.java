package org.certportal.credentials.api;

/**
 * A kind of credential, e.g. a high-school diploma.
 *
 * @param code short upper-case code, also the prefix of its credential numbers (e.g. HSD)
 * @param precedence higher wins when a student achieved several: a diploma above an equivalency above a
 *        certificate of achievement
 */
public record CredentialType(long id, String code, String name, int precedence) {
}
