package org.certportal.process.internal.ui;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.certportal.process.api.ParameterDefinition;
import org.certportal.process.api.ProcessRun;
import org.certportal.process.api.Recurrence;
import org.certportal.process.api.RowState;
import org.certportal.process.api.RunState;
import org.certportal.ui.spi.DateFormats;

/** How the Process Center words states, parameters and times (in the organisation's date format). */
final class Labels {

    private Labels() {
    }

    /**
     * A run's or schedule's parameters in words, as its type's form names them, in the form's order:
     * "Fix inconsistencies: no, Expiring from: 31.12.2026" (were the stored keys and values,
     * "{fix=false, from=2026-12-31}"); parameters the type no longer declares follow in key order with
     * their keys in words; "none" without any.
     */
    static String parameters(Map<String, String> parameters, List<ParameterDefinition> definitions,
            DateFormats dates) {
        if (parameters == null || parameters.isEmpty()) {
            return "none";
        }
        Map<String, String> left = new TreeMap<>(parameters);
        List<String> shown = new ArrayList<>();
        for (ParameterDefinition d : definitions) {
            String v = left.remove(d.name());
            if (v != null) {
                shown.add(d.label() + ": " + value(d, v, dates));
            }
        }
        left.forEach((key, v) -> shown.add(words(key) + ": " + value(v)));
        return String.join(", ", shown);
    }

    private static String value(ParameterDefinition d, String v, DateFormats dates) {
        return switch (d.kind()) {
            case DATE -> date(v, dates);
            case CHOICE -> v.matches("[A-Z][A-Z0-9_]*") ? words(v.toLowerCase(Locale.ROOT)) : v;
            default -> value(v);
        };
    }

    /** A stored date (yyyy-MM-dd) in the organisation's format; a value that is no date as stored. */
    private static String date(String v, DateFormats dates) {
        try {
            return dates.date(LocalDate.parse(v));
        } catch (DateTimeParseException e) {
            return v;
        }
    }

    private static String words(String key) {
        String w = key.replaceAll("([a-z0-9])([A-Z])", "$1 $2").replace('-', ' ').replace('_', ' ')
                .toLowerCase(Locale.ROOT);
        return w.isEmpty() ? w : Character.toUpperCase(w.charAt(0)) + w.substring(1);
    }

    private static String value(String v) {
        return v == null || v.isBlank() ? "none" : "true".equals(v) ? "yes" : "false".equals(v) ? "no" : v;
    }

    static String state(RunState s) {
        String n = s.name().toLowerCase(Locale.ROOT);
        return Character.toUpperCase(n.charAt(0)) + n.substring(1);
    }

    static String row(RowState s) {
        return switch (s) {
            case PENDING -> "Pending";
            case DONE -> "Done";
            case SKIPPED -> "Skipped";
            case FAILED -> "Failed";
        };
    }

    static String recurrence(Recurrence r) {
        return switch (r) {
            case NONE -> "Once";
            case DAILY -> "Daily";
            case WEEKLY -> "Weekly";
            case MONTHLY -> "Monthly";
        };
    }

    /** "1,200 of 5,000 rows, estimated finish 31.12.2026 12:03". */
    static String progress(ProcessRun r, DateFormats dates) {
        if (r.total() < 0) {
            return r.state().isFinal() ? "" : "Selecting rows…";
        }
        String text = String.format("%,d of %,d rows", r.processed(), r.total());
        if (r.failed() > 0 || r.skipped() > 0) {
            text += String.format(" (%,d failed, %,d skipped)", r.failed(), r.skipped());
        }
        return r.estimatedFinish() == null ? text : text + ", estimated finish " + dates.time(r.estimatedFinish());
    }

    /** Safe in an element id: the file name with its dot. */
    static String fileId(String file) {
        return file.replace('.', '-');
    }
}
