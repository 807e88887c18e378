package org.certportal.process.internal.ui;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.certportal.process.api.ProcessRun;
import org.certportal.process.api.Recurrence;
import org.certportal.process.api.RowState;
import org.certportal.process.api.RunState;

/** How the Process Center words states and times. */
final class Labels {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    private Labels() {
    }

    /**
     * A run's or schedule's parameters in words, in key order: "Fix: no, Program: 12" (were shown as
     * the map's text, "{fix=false, program=12}"); "none" without any.
     */
    static String parameters(Map<String, String> parameters) {
        if (parameters == null || parameters.isEmpty()) {
            return "none";
        }
        return new TreeMap<>(parameters).entrySet().stream().map(e -> words(e.getKey()) + ": " + value(e.getValue()))
                .collect(Collectors.joining(", "));
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

    static String time(Instant at) {
        return at == null ? "" : TIME.format(at);
    }

    /** "1,200 of 5,000 rows, estimated finish 12:03:10". */
    static String progress(ProcessRun r) {
        if (r.total() < 0) {
            return r.state().isFinal() ? "" : "Selecting rows…";
        }
        String text = String.format("%,d of %,d rows", r.processed(), r.total());
        if (r.failed() > 0 || r.skipped() > 0) {
            text += String.format(" (%,d failed, %,d skipped)", r.failed(), r.skipped());
        }
        return r.estimatedFinish() == null ? text : text + ", estimated finish " + time(r.estimatedFinish());
    }

    /** Safe in an element id: the file name with its dot. */
    static String fileId(String file) {
        return file.replace('.', '-');
    }
}
