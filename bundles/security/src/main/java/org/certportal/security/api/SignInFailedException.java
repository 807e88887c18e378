package org.certportal.security.api;

/** Wrong user name or password, or a disabled account; the message never says which. */
public class SignInFailedException extends Exception {
    private static final long serialVersionUID = 1L;

    public SignInFailedException(String message) {
        super(message);
    }
}
