package org.certportal.settings.internal;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.certportal.settings.api.OrganisationSettings;

/** Valid settings, and their stored form: one text value per name. */
final class SettingsRules {
    static final long MIN_UPLOAD = 1024;
    static final long MAX_UPLOAD = 100L * 1024 * 1024;
    private static final Pattern MEDIA_TYPE = Pattern.compile("[a-z]+/[a-z0-9.+-]+");

    private SettingsRules() {
    }

    static void check(OrganisationSettings s) {
        if (s == null || s.timeZone() == null) {
            throw new IllegalArgumentException("A time zone is required.");
        }
        if (s.expiringNoticeDays().isPresent()) {
            int days = s.expiringNoticeDays().getAsInt();
            if (days < 1 || days > 365) {
                throw new IllegalArgumentException("Expiring notices: give 1 to 365 days, or none to send no emails.");
            }
        }
        if (s.maxUploadBytes() < MIN_UPLOAD || s.maxUploadBytes() > MAX_UPLOAD) {
            throw new IllegalArgumentException("Largest upload must lie between 1 KiB and 100 MiB.");
        }
        if (s.uploadTypes().isEmpty()) {
            throw new IllegalArgumentException("Accept at least one file type for uploads.");
        }
        if (s.datePattern() == null || !OrganisationSettings.DATE_PATTERNS.contains(s.datePattern())) {
            throw new IllegalArgumentException("Date format: choose one of "
                    + String.join(", ", OrganisationSettings.DATE_PATTERNS) + ".");
        }
        for (String type : s.uploadTypes()) {
            if (!MEDIA_TYPE.matcher(type).matches()) {
                throw new IllegalArgumentException("'" + type + "' is not a media type such as application/pdf.");
            }
        }
    }

    static Map<String, String> toValues(OrganisationSettings s) {
        Map<String, String> v = new TreeMap<>();
        v.put("timeZone", s.timeZone().getId());
        v.put("expiringNoticeDays", s.expiringNoticeDays().isPresent()
                ? String.valueOf(s.expiringNoticeDays().getAsInt()) : "");
        v.put("maxUploadBytes", String.valueOf(s.maxUploadBytes()));
        v.put("uploadTypes", String.join(",", new TreeSet<>(s.uploadTypes())));
        v.put("datePattern", s.datePattern());
        return v;
    }

    /** Stored values over the defaults; a value that no longer parses falls back to its default. */
    static OrganisationSettings fromValues(Map<String, String> v) {
        OrganisationSettings d = OrganisationSettings.defaults();
        ZoneId zone = d.timeZone();
        try {
            zone = v.containsKey("timeZone") ? ZoneId.of(v.get("timeZone")) : zone;
        } catch (DateTimeException e) {
            // keep the default
        }
        OptionalInt days = d.expiringNoticeDays();
        String stored = v.get("expiringNoticeDays");
        if (stored != null) {
            days = stored.isBlank() ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(stored));
        }
        long upload = v.containsKey("maxUploadBytes") ? Long.parseLong(v.get("maxUploadBytes")) : d.maxUploadBytes();
        Set<String> types = v.containsKey("uploadTypes") ? Set.of(v.get("uploadTypes").split(",")) : d.uploadTypes();
        String datePattern = v.getOrDefault("datePattern", d.datePattern());
        if (!OrganisationSettings.DATE_PATTERNS.contains(datePattern)) {
            datePattern = d.datePattern(); // a format no longer offered
        }
        return new OrganisationSettings(zone, days, upload, types, datePattern);
    }
}
