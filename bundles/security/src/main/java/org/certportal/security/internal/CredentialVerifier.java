package org.certportal.security.internal;

import java.util.Optional;


/** Checks a password without demanding a permission: used by the login module only. */
interface CredentialVerifier {
    /** The enabled account the password belongs to, or empty. */
    Optional<StoredUser> verify(String userName, char[] password);
}
