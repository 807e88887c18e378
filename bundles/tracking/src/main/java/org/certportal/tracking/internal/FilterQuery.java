package org.certportal.tracking.internal;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.certportal.enrollments.api.CertificationStatus;
import org.certportal.tracking.api.DateRange;
import org.certportal.tracking.api.TrackingFilter;

/**
 * A tracking filter as URL query parameters, so that a filtered list can be bookmarked and shared, and a
 * saved filter is the same text: {@code q=smi&program=CPA&program=RN&status=active&status=expiring
 * &enrolled=2025-01-01..2025-12-31&expires=..2026-06-30}. The shell's options take the same values.
 */
public final class FilterQuery {
    static final String TEXT = "q";
    static final String PROGRAM = "program";
    static final String STATUS = "status";
    static final String ENROLLED = "enrolled";
    static final String EARNED = "earned";
    static final String EXPIRES = "expires";
    private static final String RANGE = "..";

    private FilterQuery() {
    }

    /** The parameters of a filter, in a stable order; conditions that match everything are left out. */
    public static Map<String, List<String>> parameters(TrackingFilter f) {
        Map<String, List<String>> p = new LinkedHashMap<>();
        if (f.text() != null) {
            p.put(TEXT, List.of(f.text()));
        }
        if (!f.programs().isEmpty()) {
            p.put(PROGRAM, List.copyOf(new TreeSet<>(f.programs())));
        }
        if (!f.statuses().isEmpty()) {
            p.put(STATUS, EnumSet.copyOf(f.statuses()).stream().map(FilterQuery::statusName).toList());
        }
        range(p, ENROLLED, f.enrolled());
        range(p, EARNED, f.earned());
        range(p, EXPIRES, f.expires());
        return p;
    }

    /**
     * The filter the parameters say; unknown parameters are ignored (a link may carry others).
     *
     * @throws IllegalArgumentException naming the bad value
     */
    public static TrackingFilter filter(Map<String, List<String>> p) {
        String text = first(p, TEXT);
        Set<String> programs = p.getOrDefault(PROGRAM, List.of()).stream().flatMap(v -> split(v).stream())
                .collect(Collectors.toCollection(TreeSet::new));
        List<CertificationStatus> statuses = new ArrayList<>();
        for (String v : p.getOrDefault(STATUS, List.of())) {
            split(v).forEach(s -> statuses.add(status(s)));
        }
        return new TrackingFilter(text, programs, statuses.isEmpty() ? Set.of() : EnumSet.copyOf(statuses),
                range(first(p, ENROLLED), "enrollment"), range(first(p, EARNED), "earned"),
                range(first(p, EXPIRES), "expiration"));
    }

    /** The filter as one query string (without '?'). */
    public static String format(TrackingFilter f) {
        List<String> pairs = new ArrayList<>();
        parameters(f).forEach((k, values) -> values.forEach(v -> pairs.add(k + "=" + URLEncoder.encode(v,
                StandardCharsets.UTF_8))));
        return String.join("&", pairs);
    }

    /** The filter of a query string such as {@link #format} writes. */
    public static TrackingFilter parse(String query) {
        Map<String, List<String>> p = new LinkedHashMap<>();
        if (query != null && !query.isBlank()) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                String key = eq < 0 ? pair : pair.substring(0, eq);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                p.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
            }
        }
        return filter(p);
    }

    /** A status as the URL and the shell write it: lower case with '-', e.g. not-completed. */
    public static String statusName(CertificationStatus s) {
        return s.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** @throws IllegalArgumentException listing the statuses there are */
    public static CertificationStatus status(String name) {
        String n = name.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        try {
            return CertificationStatus.valueOf(n);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("There is no status '" + name.strip() + "'; use one of "
                    + EnumSet.allOf(CertificationStatus.class).stream().map(FilterQuery::statusName)
                            .collect(Collectors.joining(", ")) + ".");
        }
    }

    /** A date range written {@code FROM..TO}, either side empty; a single date is that day. */
    public static DateRange range(String text, String what) {
        if (text == null || text.isBlank()) {
            return DateRange.ANY;
        }
        String t = text.strip();
        int dots = t.indexOf(RANGE);
        try {
            if (dots < 0) {
                LocalDate day = LocalDate.parse(t);
                return new DateRange(day, day);
            }
            String from = t.substring(0, dots).strip();
            String to = t.substring(dots + RANGE.length()).strip();
            return new DateRange(from.isEmpty() ? null : LocalDate.parse(from), to.isEmpty() ? null : LocalDate.parse(to));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("The " + what + " dates must be written like 2026-01-01..2026-12-31,"
                    + " with either side empty; not '" + t + "'.");
        }
    }

    static String format(DateRange r) {
        if (r.from() != null && r.from().equals(r.to())) {
            return r.from().toString();
        }
        return (r.from() == null ? "" : r.from().toString()) + RANGE + (r.to() == null ? "" : r.to().toString());
    }

    private static void range(Map<String, List<String>> p, String key, DateRange r) {
        if (!r.isAny()) {
            p.put(key, List.of(format(r)));
        }
    }

    private static String first(Map<String, List<String>> p, String key) {
        List<String> values = p.getOrDefault(key, List.of());
        return values.isEmpty() ? null : values.get(0);
    }

    private static List<String> split(String v) {
        List<String> parts = new ArrayList<>();
        for (String s : v.split(",")) {
            if (!s.isBlank()) {
                parts.add(s.strip());
            }
        }
        return parts;
    }
}
