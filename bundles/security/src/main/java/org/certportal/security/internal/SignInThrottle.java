package org.certportal.security.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing: after a few failed sign-ins for one account, or many from one client
 * address, each further failure makes that account or address wait, doubling up to a ceiling. A
 * success clears the account's count. Kept in memory: a restart forgives, which costs a guesser a
 * restart per few attempts.
 */
final class SignInThrottle {
    static final int FREE_PER_ACCOUNT = 5;
    static final int FREE_PER_ADDRESS = 20;
    static final Duration FIRST_WAIT = Duration.ofSeconds(30);
    static final Duration LONGEST_WAIT = Duration.ofMinutes(15);
    private static final int MAX_ENTRIES = 100_000;

    private record Failures(int count, Instant last, Instant until) {
    }

    private final Clock clock;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    SignInThrottle(Clock clock) {
        this.clock = clock;
    }

    /** How long the account or the address must still wait before another attempt; empty when it may try. */
    Optional<Duration> waitFor(String account, String address) {
        Instant now = clock.instant();
        Instant until = later(until(accountKey(account)), until(addressKey(address)));
        return until == null || !until.isAfter(now) ? Optional.empty()
                : Optional.of(Duration.between(now, until).plusMillis(999).withNanos(0));
    }

    void failed(String account, String address) {
        if (failures.size() > MAX_ENTRIES) {
            forgetOld();
        }
        count(accountKey(account), FREE_PER_ACCOUNT);
        if (address != null) {
            count(addressKey(address), FREE_PER_ADDRESS);
        }
    }

    void succeeded(String account) {
        failures.remove(accountKey(account));
    }

    private void count(String key, int free) {
        Instant now = clock.instant();
        failures.compute(key, (k, f) -> {
            int count = f == null || f.last().isBefore(now.minus(LONGEST_WAIT)) ? 1 : f.count() + 1;
            Instant until = null;
            if (count > free) {
                long doublings = Math.min(count - free - 1, 20);
                Duration wait = FIRST_WAIT.multipliedBy(1L << doublings);
                until = now.plus(wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait);
            }
            return new Failures(count, now, until);
        });
    }

    private Instant until(String key) {
        Failures f = key == null ? null : failures.get(key);
        return f == null ? null : f.until();
    }

    private void forgetOld() {
        Instant old = clock.instant().minus(LONGEST_WAIT);
        failures.values().removeIf(f -> f.last().isBefore(old));
    }

    private static Instant later(Instant a, Instant b) {
        return a == null ? b : b == null || a.isAfter(b) ? a : b;
    }

    private static String accountKey(String account) {
        return "account:" + (account == null ? "" : account.strip().toLowerCase(Locale.ROOT));
    }

    private static String addressKey(String address) {
        return address == null ? null : "address:" + address;
    }
}
