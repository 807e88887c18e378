package org.certportal.security.api;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

import javax.security.auth.Subject;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The one place services learn who calls them and demand a permission. The caller is the JAAS
 * subject of the current access-control context: the portal runs each request as the signed-in
 * user, the Karaf shell runs each command as its user, and tests use {@link #callAs}.
 */
@ProviderType
public interface SecurityService {

    /** The signed-in caller of this thread, if any. */
    Optional<Caller> currentCaller();

    /**
     * Returns the caller if they hold the permission.
     *
     * @throws AccessDeniedException if nobody is signed in or the caller lacks the permission
     */
    Caller require(String permission);

    boolean isPermitted(String permission);

    boolean isPermitted(Caller caller, String permission);

    /** {@link #signIn(String, char[], String)} from an unknown client address. */
    default Subject signIn(String userName, char[] password) throws SignInFailedException {
        return signIn(userName, password, null);
    }

    /**
     * Checks the password against the portal realm and returns the signed-in subject. Repeated
     * failures for one account or from one client address make further attempts wait; the exception
     * then says for how long, without checking the password.
     *
     * @param clientAddress where the attempt comes from (logged with every failure), or null
     * @since 1.2
     */
    Subject signIn(String userName, char[] password, String clientAddress) throws SignInFailedException;

    /** The caller a subject stands for, if it carries a user. */
    Optional<Caller> callerOf(Subject subject);

    /**
     * The caller as their account stands now, for work done later in their name (a schedule that
     * fires, a queued run): a portal account is read afresh, empty when it is disabled, with the roles
     * it holds now; a caller without a portal account (an operator of the Karaf shell) is returned as
     * given.
     *
     * @since 1.2
     */
    Optional<Caller> standing(Caller caller);

    /** Runs work as the given subject, so that services called inside see it as the caller. */
    <T> T callAs(Subject subject, Supplier<T> work);

    /** How long a portal session may stay idle before it is closed. */
    Duration sessionIdleTimeout();
}
