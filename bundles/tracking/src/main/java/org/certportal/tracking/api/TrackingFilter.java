package org.certportal.tracking.api;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import org.certportal.enrollments.api.CertificationStatus;

/**
 * The conditions of the tracking list, all combined with AND; an empty condition matches everything.
 *
 * @param text     the start of the contact's family name (any case) or of their identifier
 * @param programs program codes (any case); empty: every program
 * @param statuses the statuses as the list shows them (Expiring included); empty: every status
 */
public record TrackingFilter(String text, Set<String> programs, Set<CertificationStatus> statuses, DateRange enrolled,
        DateRange earned, DateRange expires) {
    /** Longest text condition. */
    public static final int MAX_TEXT = 100;
    public static final TrackingFilter ALL = new TrackingFilter(null, Set.of(), Set.of(), DateRange.ANY, DateRange.ANY,
            DateRange.ANY);

    public TrackingFilter {
        text = text == null || text.isBlank() ? null : text.strip();
        if (text != null && text.length() > MAX_TEXT) {
            throw new IllegalArgumentException("The name or identifier is too long: at most " + MAX_TEXT
                    + " characters.");
        }
        programs = programs == null ? Set.of() : Set.copyOf(new TreeSet<>(programs));
        statuses = statuses == null || statuses.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(statuses));
        enrolled = Objects.requireNonNullElse(enrolled, DateRange.ANY);
        earned = Objects.requireNonNullElse(earned, DateRange.ANY);
        expires = Objects.requireNonNullElse(expires, DateRange.ANY);
    }

    public TrackingFilter withText(String t) {
        return new TrackingFilter(t, programs, statuses, enrolled, earned, expires);
    }

    public TrackingFilter withPrograms(Collection<String> codes) {
        return new TrackingFilter(text, Set.copyOf(codes), statuses, enrolled, earned, expires);
    }

    public TrackingFilter withStatuses(Collection<CertificationStatus> s) {
        return new TrackingFilter(text, programs, s.isEmpty() ? Set.of() : EnumSet.copyOf(s), enrolled, earned,
                expires);
    }

    public TrackingFilter withEnrolled(DateRange r) {
        return new TrackingFilter(text, programs, statuses, r, earned, expires);
    }

    public TrackingFilter withEarned(DateRange r) {
        return new TrackingFilter(text, programs, statuses, enrolled, r, expires);
    }

    public TrackingFilter withExpires(DateRange r) {
        return new TrackingFilter(text, programs, statuses, enrolled, earned, r);
    }
}
