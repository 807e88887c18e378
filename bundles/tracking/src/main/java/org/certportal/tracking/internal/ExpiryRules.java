package org.certportal.tracking.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.OptionalInt;

import org.certportal.enrollments.api.CertificationStatus;

/**
 * When a certification is Expiring and when it becomes Expired. Days are the organisation's days (its
 * time zone). An Active certification is Expiring from {@code expiring-notice days} before its expiration
 * date until it expires; it expires the day after its grace period (expiration date plus the program's
 * grace days) ends. An enrollment never earned already has the grace period inside its expiration date,
 * so it expires the day after that date. Expiring is shown, never stored.
 */
public final class ExpiryRules {
    private ExpiryRules() {
    }

    /** The organisation's date at this instant. */
    public static LocalDate today(Instant now, ZoneId zone) {
        return LocalDate.ofInstant(now, zone);
    }

    /**
     * The last expiration date shown as Expiring today ({@code expires_on <= horizon}), or null when the
     * organisation sends no expiring notice (nothing is Expiring).
     */
    public static LocalDate expiringHorizon(OptionalInt noticeDays, LocalDate today) {
        return noticeDays.isPresent() ? today.plusDays(noticeDays.getAsInt()) : null;
    }

    /** The status the list shows for a stored one. */
    public static CertificationStatus shown(CertificationStatus stored, LocalDate expiresOn, OptionalInt noticeDays,
            LocalDate today) {
        LocalDate horizon = expiringHorizon(noticeDays, today);
        if (stored == CertificationStatus.ACTIVE && expiresOn != null && horizon != null
                && !expiresOn.isAfter(horizon)) {
            return CertificationStatus.EXPIRING;
        }
        return stored;
    }

    /** Days from today to the expiration date, negative once past; null without one. */
    public static Integer daysLeft(LocalDate expiresOn, LocalDate today) {
        return expiresOn == null ? null : Math.toIntExact(ChronoUnit.DAYS.between(today, expiresOn));
    }

    /** The last day before the enrollment becomes Expired; null when it never expires. */
    public static LocalDate lastValidDay(CertificationStatus stored, LocalDate expiresOn, int graceDays) {
        if (expiresOn == null) {
            return null;
        }
        return stored == CertificationStatus.ACTIVE ? expiresOn.plusDays(Math.max(0, graceDays)) : expiresOn;
    }

    /** Whether the daily expiry moves this enrollment to Expired today. */
    public static boolean expiryDue(CertificationStatus stored, LocalDate expiresOn, int graceDays, LocalDate today) {
        if (stored != CertificationStatus.ACTIVE && stored != CertificationStatus.IN_PROGRESS) {
            return false;
        }
        LocalDate last = lastValidDay(stored, expiresOn, graceDays);
        return last != null && today.isAfter(last);
    }
}
