package org.certportal.tracking.internal;

import java.util.ArrayList;
import java.util.List;

import org.certportal.audit.api.AuditRecord;
import org.certportal.tracking.api.StatusHistoryEntry;

/**
 * An enrollment's status history read from its audit entries (the enrollments feature audits every status
 * change once, with the fields {@code status: OLD → NEW}, {@code reason} and {@code source}).
 */
final class StatusHistory {
    private static final String ARROW = " → ";

    private StatusHistory() {
    }

    static List<StatusHistoryEntry> of(List<AuditRecord> records) {
        List<StatusHistoryEntry> history = new ArrayList<>();
        for (AuditRecord r : records) {
            String from = null;
            String to = null;
            String reason = null;
            String source = null;
            for (String line : r.changes() == null ? new String[0] : r.changes().split("\n")) {
                int colon = line.indexOf(": ");
                int arrow = line.indexOf(ARROW);
                if (colon < 0 || arrow < colon) {
                    continue;
                }
                String field = line.substring(0, colon);
                String old = value(line.substring(colon + 2, arrow));
                String now = value(line.substring(arrow + ARROW.length()));
                switch (field) {
                    case "status" -> {
                        from = old;
                        to = now;
                    }
                    case "reason" -> reason = now;
                    case "source" -> source = now;
                    default -> {
                    }
                }
            }
            if (to != null) {
                history.add(new StatusHistoryEntry(r.at(), r.actor(), from, to, reason, source));
            }
        }
        return history;
    }

    private static String value(String v) {
        return v.equals("∅") ? null : v;
    }
}
