package org.certportal.settings.api;

import java.time.ZoneId;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The organisation's settings.
 *
 * @param timeZone where dates are shown (instants are stored in UTC)
 * @param expiringNoticeDays send the expiring email this many days before expiry; empty: send none
 * @param maxUploadBytes largest attached file
 * @param uploadTypes media types accepted for attachments
 */
public record OrganisationSettings(ZoneId timeZone, OptionalInt expiringNoticeDays, long maxUploadBytes,
        Set<String> uploadTypes) {
    public OrganisationSettings {
        uploadTypes = Set.copyOf(uploadTypes);
    }

    /** What a new installation starts with. */
    public static OrganisationSettings defaults() {
        return new OrganisationSettings(ZoneId.of("UTC"), OptionalInt.empty(), 10L * 1024 * 1024,
                Set.of("application/pdf", "image/png", "image/jpeg"));
    }
}
