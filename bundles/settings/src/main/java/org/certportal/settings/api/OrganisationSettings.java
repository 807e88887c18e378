package org.certportal.settings.api;

import java.time.ZoneId;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The organisation's settings. Pages show dates in {@link #datePattern} through the view SPI's
 * {@code OrganisationFormats} service, which the settings bundle provides.
 *
 * @param timeZone where dates are shown (instants are stored in UTC)
 * @param expiringNoticeDays send the expiring email this many days before expiry; empty: send none
 * @param maxUploadBytes largest attached file
 * @param uploadTypes media types accepted for attachments
 * @param datePattern how dates are written on every page and in every date picker, one of {@link #DATE_PATTERNS}
 */
public record OrganisationSettings(ZoneId timeZone, OptionalInt expiringNoticeDays, long maxUploadBytes,
        Set<String> uploadTypes, String datePattern) {

    /** The date formats an organisation can choose: each one a date picker reads and writes as well. */
    public static final List<String> DATE_PATTERNS = List.of("yyyy-MM-dd", "dd.MM.yyyy", "dd/MM/yyyy", "MM/dd/yyyy");

    /** The date format of a new installation: ISO 8601, which no reader takes for another date. */
    public static final String DEFAULT_DATE_PATTERN = "yyyy-MM-dd";

    public OrganisationSettings {
        uploadTypes = Set.copyOf(uploadTypes);
    }

    /** Settings with the default date format. */
    public OrganisationSettings(ZoneId timeZone, OptionalInt expiringNoticeDays, long maxUploadBytes,
            Set<String> uploadTypes) {
        this(timeZone, expiringNoticeDays, maxUploadBytes, uploadTypes, DEFAULT_DATE_PATTERN);
    }

    /** What a new installation starts with. */
    public static OrganisationSettings defaults() {
        return new OrganisationSettings(ZoneId.of("UTC"), OptionalInt.empty(), 10L * 1024 * 1024,
                Set.of("application/pdf", "image/png", "image/jpeg"), DEFAULT_DATE_PATTERN);
    }
}
