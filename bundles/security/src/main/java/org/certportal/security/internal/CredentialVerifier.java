package org.certportal.security.internal;

import java.util.Optional;

import org.certportal.security.api.PortalUser;

/** Checks a password without demanding a permission: used by the login module only. */
interface CredentialVerifier {
    /** The enabled account the password belongs to, or empty. */
    Optional<PortalUser> verify(String userName, char[] password);
}
