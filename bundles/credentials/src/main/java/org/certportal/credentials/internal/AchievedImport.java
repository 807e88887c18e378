package org.certportal.credentials.internal;

import java.io.Reader;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

import org.certportal.persistence.api.CsvImport;

/**
 * Reads a CSV file of achieved credentials by the rules of every import ({@link CsvImport}) and checks each
 * row on its own (the service then checks what needs the database). Columns, in any order: {@code student} (external identifier), {@code type}
 * (credential type code), {@code achieved} (yyyy-MM-dd), {@code session}, {@code school} (school or
 * authority code); optional {@code address_line1, address_line2, city, region, postal_code, country}, the
 * student's mailing address, which replaces the one kept when given.
 */
final class AchievedImport {
    static final List<String> REQUIRED = List.of("student", "type", "achieved", "session", "school");
    static final List<String> ADDRESS = List.of("address_line1", "address_line2", "city", "region", "postal_code",
            "country");
    static final int MAX_ROWS = 200_000;

    /** One good row. @param address null when the file gives none */
    record Row(long line, String studentId, String typeCode, LocalDate achievedOn, String session, String schoolCode,
            PostalAddress address) {
    }

    private AchievedImport() {
    }

    /** Reads the file by the rules of every import ({@link CsvImport}) and checks each row on its own. */
    static CsvImport.Result<Row> parse(Reader in) {
        return CsvImport.read(in, REQUIRED, ADDRESS, MAX_ROWS, AchievedImport::row);
    }

    private static Row row(CsvImport.Row r) {
        String student = r.value("student");
        String type = r.value("type");
        String session = r.value("session");
        String school = r.value("school");
        if (student == null) {
            r.problem("the student identifier is missing");
        }
        if (type == null) {
            r.problem("the credential type is missing");
        }
        if (session == null) {
            r.problem("the session is missing");
        } else if (session.length() > 32) {
            r.problem("the session is longer than 32 characters");
        }
        if (school == null) {
            r.problem("the school or authority is missing");
        }
        LocalDate achieved = null;
        String date = r.value("achieved");
        if (date == null) {
            r.problem("the achieved date is missing");
        } else {
            try {
                achieved = LocalDate.parse(date);
            } catch (DateTimeParseException e) {
                r.problem("the achieved date '" + date + "' is no date such as 2026-06-30");
            }
        }
        PostalAddress address = new PostalAddress(r.value("address_line1"), r.value("address_line2"),
                r.value("city"), r.value("region"), r.value("postal_code"), r.value("country"));
        if (address.oneLine().isEmpty()) {
            address = null;
        } else if (address.problem().isPresent()) {
            r.problem("the address is incomplete: " + address.problem().get());
        }
        return r.bad() ? null : new Row(r.line(), student, type.toUpperCase(Locale.ROOT), achieved, session, school,
                address);
    }
}
