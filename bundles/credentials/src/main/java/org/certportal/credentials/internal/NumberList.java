package org.certportal.credentials.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A list of credential numbers as staff paste or upload it: one or more per line, separated by commas,
 * semicolons or white space; a first line naming the column ({@code credential_number} or {@code number})
 * is a header. Each number is checked (a wrong check digit is said as such), errors by line; a number given
 * twice counts once.
 *
 * @param numbers the well-formed numbers, in their printed form, each once, in the order given
 * @param errors one sentence per bad line ("Line N: ..."); empty when all are good
 */
public record NumberList(List<String> numbers, List<String> errors) {
    private static final Set<String> HEADERS = Set.of("credential_number", "number", "credential number");

    public NumberList {
        numbers = List.copyOf(numbers);
        errors = List.copyOf(errors);
    }

    public static NumberList parse(String text) {
        Set<String> numbers = new LinkedHashSet<>();
        List<String> errors = new ArrayList<>();
        String[] lines = (text == null ? "" : text).split("\\r?\\n|\\r", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (i == 0 && HEADERS.contains(line.replace("\"", "").toLowerCase(Locale.ROOT))) {
                continue;
            }
            List<String> problems = new ArrayList<>();
            for (String token : line.split("[,;\\s]+")) {
                String t = token.replace("\"", "");
                if (t.isEmpty()) {
                    continue;
                }
                try {
                    numbers.add(CredentialNumber.require(t).toString());
                } catch (IllegalArgumentException e) {
                    problems.add(e.getMessage());
                }
            }
            if (!problems.isEmpty()) {
                errors.add("Line " + (i + 1) + ": " + String.join(" ", problems));
            }
        }
        return new NumberList(List.copyOf(numbers), errors);
    }

    public boolean ok() {
        return errors.isEmpty();
    }
}
