package org.certportal.tracking.api;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.certportal.enrollments.api.CertificationStatus;

/**
 * How many enrollments show each status (every status present, zero included), and their sum. Counts
 * read by {@link TrackingService#countsUpTo} stop at {@link org.certportal.persistence.api.Page#COUNT_CAP}:
 * a status in {@code more} has more rows than its count says, and then the total is a lower bound too.
 *
 * @param more the statuses whose count was capped (since 1.4)
 */
public record StatusCounts(Map<CertificationStatus, Long> byStatus, long total, Set<CertificationStatus> more) {
    public StatusCounts {
        EnumMap<CertificationStatus, Long> all = new EnumMap<>(CertificationStatus.class);
        for (CertificationStatus s : CertificationStatus.values()) {
            all.put(s, byStatus.getOrDefault(s, 0L));
        }
        byStatus = Map.copyOf(all);
        more = more.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(more));
    }

    /** Exact counts. */
    public StatusCounts(Map<CertificationStatus, Long> byStatus, long total) {
        this(byStatus, total, Set.of());
    }

    public long of(CertificationStatus status) {
        return byStatus.get(status);
    }

    /** Whether the total is a lower bound (some status was counted only up to the cap). */
    public boolean capped() {
        return !more.isEmpty();
    }

    /** One status's count in words: "1,234", or "more than 10,000" when it was capped. */
    public String text(CertificationStatus status) {
        return (more.contains(status) ? "more than " : "") + String.format("%,d", of(status));
    }

    /** The total in words: "1,234", or "more than 20,000" when a status was capped. */
    public String totalText() {
        return (capped() ? "more than " : "") + String.format("%,d", total);
    }
}
