package org.certportal.security.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class SignInThrottleTest {
    private Instant now = Instant.parse("2026-12-02T08:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    };
    private final SignInThrottle throttle = new SignInThrottle(clock);

    @Test
    void anAccountWaitsAfterAFewFailuresLongerEachTimeUpToTheCeiling() {
        for (int i = 0; i < SignInThrottle.FREE_PER_ACCOUNT; i++) {
            throttle.failed("Staff", "10.0.0." + i);
        }
        assertEquals(Optional.empty(), throttle.waitFor("staff", "10.0.0.9"), "the first failures are free");
        throttle.failed("staff", "10.0.0.9");
        assertEquals(Optional.of(Duration.ofSeconds(30)), throttle.waitFor("STAFF ", "10.0.0.77"),
                "the account waits, from any address and in any spelling");
        assertEquals(Optional.empty(), throttle.waitFor("certadmin", "10.0.0.77"), "other accounts do not");
        now = now.plusSeconds(30);
        assertEquals(Optional.empty(), throttle.waitFor("staff", "10.0.0.9"));
        throttle.failed("staff", "10.0.0.9");
        assertEquals(Optional.of(Duration.ofSeconds(60)), throttle.waitFor("staff", null));
        for (int i = 0; i < 10; i++) {
            throttle.failed("staff", null);
        }
        assertEquals(Optional.of(SignInThrottle.LONGEST_WAIT), throttle.waitFor("staff", null));
    }

    @Test
    void oneAddressTryingManyAccountsWaitsToo() {
        for (int i = 0; i <= SignInThrottle.FREE_PER_ADDRESS; i++) {
            throttle.failed("user" + i, "192.0.2.1");
        }
        assertTrue(throttle.waitFor("someone-new", "192.0.2.1").isPresent());
        assertEquals(Optional.empty(), throttle.waitFor("someone-new", "192.0.2.2"));
    }

    @Test
    void aSuccessClearsTheAccountAndOldFailuresAreForgotten() {
        for (int i = 0; i <= SignInThrottle.FREE_PER_ACCOUNT; i++) {
            throttle.failed("staff", null);
        }
        throttle.succeeded("staff");
        assertEquals(Optional.empty(), throttle.waitFor("staff", null));
        for (int i = 0; i < SignInThrottle.FREE_PER_ACCOUNT; i++) {
            throttle.failed("records", null);
        }
        now = now.plus(SignInThrottle.LONGEST_WAIT).plusSeconds(1);
        throttle.failed("records", null);
        assertEquals(Optional.empty(), throttle.waitFor("records", null),
                "a failure long after the others starts afresh");
    }

    @Test
    void theSignInFormSaysHowLongToWait() {
        assertEquals("Too many failed sign-ins: try again in 30 seconds.",
                SecurityServiceImpl.tooManyFailures(Duration.ofSeconds(30)));
        assertEquals("Too many failed sign-ins: try again in 1 seconds.",
                SecurityServiceImpl.tooManyFailures(Duration.ofMillis(200)));
        assertEquals("Too many failed sign-ins: try again in 2 minutes.",
                SecurityServiceImpl.tooManyFailures(Duration.ofSeconds(120)));
        assertEquals("Too many failed sign-ins: try again in 15 minutes.",
                SecurityServiceImpl.tooManyFailures(SignInThrottle.LONGEST_WAIT));
    }

    @Test
    void whatAClientTypedStaysOnOneShortLogLine() {
        assertEquals("admin?2026-12-02 INFO forged", SecurityServiceImpl.loggable("admin\n2026-12-02 INFO forged"));
        assertEquals("unknown", SecurityServiceImpl.loggable(null));
        assertEquals(103, SecurityServiceImpl.loggable("x".repeat(1000)).length());
    }

    @Test
    void theAccountAndTheAddressCountApartAndTheLaterWaitDecides() {
        for (int i = 0; i <= SignInThrottle.FREE_PER_ADDRESS; i++) {
            throttle.failed("user" + i, "192.0.2.1");
        }
        Duration addressWait = throttle.waitFor("nobody", "192.0.2.1").orElseThrow();
        for (int i = 0; i <= SignInThrottle.FREE_PER_ACCOUNT + 3; i++) {
            throttle.failed("staff", "198.51.100.7");
        }
        Duration accountWait = throttle.waitFor("staff", "198.51.100.8").orElseThrow();
        assertTrue(accountWait.compareTo(addressWait) > 0, accountWait + " after more failures than " + addressWait);
        assertEquals(Optional.of(accountWait), throttle.waitFor("staff", "192.0.2.1"), "the longer of the two");
        now = now.plus(accountWait);
        assertEquals(Optional.empty(), throttle.waitFor("staff", "198.51.100.8"), "waited out");
        assertEquals(Optional.empty(), throttle.waitFor("staff", null), "no address: only the account counts");
    }
}
