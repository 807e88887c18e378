package org.certportal.accounting.internal.shell;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.certportal.accounting.api.BatchStatus;
import org.certportal.accounting.api.OrderStatus;

/** The commands' words turned into values before anything is asked of the service, with a sentence for each mistake. */
final class ShellArguments {
    private ShellArguments() {
    }

    /** open, closed (any case), or null for none. */
    static BatchStatus batchStatus(String text) {
        return text == null ? null : parse(BatchStatus.class, text, "batch status");
    }

    /** unpaid, paid, cancelled (any case), or null for none. */
    static OrderStatus orderStatus(String text) {
        return text == null ? null : parse(OrderStatus.class, text, "order status");
    }

    /** yyyy-MM-dd, or null for today. */
    static LocalDate date(String text) {
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is no date: write it as yyyy-MM-dd, e.g. 2026-07-01.");
        }
    }

    /** Order numbers, each a positive whole number; commas may separate them too. */
    static List<Long> orderIds(List<String> words) {
        List<Long> ids = new ArrayList<>();
        if (words != null) {
            for (String w : words) {
                for (String part : w.split(",")) {
                    if (part.isBlank()) {
                        continue;
                    }
                    try {
                        long id = Long.parseLong(part.strip());
                        if (id <= 0) {
                            throw new NumberFormatException();
                        }
                        ids.add(id);
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("'" + part.strip() + "' is no order number (see"
                                + " accounting:orders).");
                    }
                }
            }
        }
        if (ids.isEmpty()) {
            throw new IllegalArgumentException("Name at least one order number (see accounting:orders).");
        }
        return ids;
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String text, String what) {
        String name = text.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(name)) {
                return e;
            }
        }
        throw new IllegalArgumentException("'" + text + "' is no " + what + " (" + String.join(", ",
                Arrays.stream(type.getEnumConstants()).map(e -> e.name().toLowerCase(Locale.ROOT)).toList()) + ").");
    }

    static String cut(String s, int max) {
        return s == null ? "" : s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
