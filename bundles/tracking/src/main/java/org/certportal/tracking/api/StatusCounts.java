package org.certportal.tracking.api;

import java.util.EnumMap;
import java.util.Map;

import org.certportal.enrollments.api.CertificationStatus;

/** How many enrollments show each status (every status present, zero included), and their sum. */
public record StatusCounts(Map<CertificationStatus, Long> byStatus, long total) {
    public StatusCounts {
        EnumMap<CertificationStatus, Long> all = new EnumMap<>(CertificationStatus.class);
        for (CertificationStatus s : CertificationStatus.values()) {
            all.put(s, byStatus.getOrDefault(s, 0L));
        }
        byStatus = Map.copyOf(all);
    }

    public long of(CertificationStatus status) {
        return byStatus.get(status);
    }
}
