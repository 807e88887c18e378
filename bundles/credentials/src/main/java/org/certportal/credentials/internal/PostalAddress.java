package org.certportal.credentials.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** A mailing address as a document order needs it. */
public record PostalAddress(String line1, String line2, String city, String region, String postalCode,
        String country) {
    private static final Pattern CANADA = Pattern.compile("[A-Z]\\d[A-Z] ?\\d[A-Z]\\d");
    private static final Pattern US = Pattern.compile("\\d{5}(-\\d{4})?");

    public PostalAddress {
        line1 = clean(line1);
        line2 = clean(line2);
        city = clean(city);
        region = clean(region);
        postalCode = postalCode == null ? null : clean(postalCode.toUpperCase(Locale.ROOT));
        country = country == null ? null : clean(country.toUpperCase(Locale.ROOT));
    }

    /** Why a document cannot be sent here, or empty when it can: street, city, postal code and country are needed. */
    public Optional<String> problem() {
        List<String> missing = new ArrayList<>();
        if (line1 == null) {
            missing.add("street");
        }
        if (city == null) {
            missing.add("city");
        }
        if (postalCode == null) {
            missing.add("postal code");
        }
        if (country == null) {
            missing.add("country");
        }
        if (!missing.isEmpty()) {
            return Optional.of("no " + String.join(", ", missing));
        }
        if (!country.matches("[A-Z]{2}")) {
            return Optional.of("the country '" + country + "' is no two-letter ISO code");
        }
        if (country.equals("CA") && !CANADA.matcher(postalCode).matches()) {
            return Optional.of("the postal code '" + postalCode + "' is no Canadian postal code (A1A 1A1)");
        }
        if (country.equals("US") && !US.matcher(postalCode).matches()) {
            return Optional.of("the ZIP code '" + postalCode + "' is no US ZIP code (12345 or 12345-6789)");
        }
        return Optional.empty();
    }

    /** On one line, for lists and CSV files. */
    public String oneLine() {
        StringBuilder sb = new StringBuilder();
        for (String part : new String[] {line1, line2, city, region, postalCode, country}) {
            if (part != null) {
                sb.append(sb.length() == 0 ? "" : ", ").append(part);
            }
        }
        return sb.toString();
    }

    private static String clean(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
