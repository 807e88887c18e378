package org.certportal.itests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Who may do what, as the staff guide's role table (docs/staff/README.md) says: one row per portal
 * route and per permission, one column per role. A ✓ grants, a · refuses. The columns are the
 * demo users who each hold exactly one role.
 */
final class RoleMatrix {
    /** Demo users in the guide's column order: Staff, Certification Admin, Certification Manager, Student Records, SysAdmin. */
    static final List<String> USERS = List.of("staff", "certadmin", "certmanager", "records", "sysadmin");

    /** Every route the distribution serves. */
    static final List<Row> ROUTES = List.of(
            //                                       Staff CertAdmin CertManager Records SysAdmin
            row("contacts", null,                         "✓ ✓ ✓ ✓ ✓"),
            row("programs", null,                         "✓ ✓ ✓ · ✓"),
            row("programs/:id", null,                     "✓ ✓ ✓ · ✓"),
            row("program/:id", null,                      "✓ ✓ ✓ · ✓"),
            row("enrollments", null,                      "✓ ✓ ✓ · ✓"),
            row("enrollee", null,                         "✓ ✓ ✓ · ✓"),
            row("applications", null,                     "✓ ✓ ✓ · ✓"),
            row("enrollments-purge", null,                "· · ✓ · ✓"),
            row("completion/:enrollment", null,           "✓ ✓ ✓ · ✓"),
            row("approvals", null,                        "· ✓ ✓ · ✓"),
            row("tracking", null,                         "✓ ✓ ✓ · ✓"),
            row("tracking/revert", null,                  "· · ✓ · ✓"),
            row("accounting", null,                       "✓ ✓ ✓ · ✓"),
            row("credentials", null,                      "· · · ✓ ✓"),
            row("credentials/program/:program", null,     "· · ✓ ✓ ✓"),
            row("masscert", null,                         "· ✓ ✓ · ✓"),
            row("processes", null,                        "✓ ✓ ✓ ✓ ✓"),
            row("outbox", null,                           "✓ ✓ ✓ · ✓"),
            row("audit", null,                            "· · · · ✓"),
            row("settings", null,                         "· · · · ✓"));

    /** Every permission the areas define, with the start of the guide's row that describes it. */
    static final List<Row> PERMISSIONS = List.of(
            //                                       Staff CertAdmin CertManager Records SysAdmin
            row("portal.access", "sign in to the portal",                   "✓ ✓ ✓ ✓ ✓"),
            row("contacts.read", "find and view contacts",                  "✓ ✓ ✓ ✓ ✓"),
            row("contacts.edit", "create and edit contacts",                "✓ ✓ ✓ · ✓"),
            row("programs.read", "view programs",                           "✓ ✓ ✓ · ✓"),
            row("programs.edit", "define and edit programs",                "· ✓ ✓ · ✓"),
            row("enrollments.read", "see enrollments, trackers",            "✓ ✓ ✓ · ✓"),
            row("enrollments.edit", "enroll contacts, edit enrollment",     "✓ ✓ ✓ · ✓"),
            row("enrollments.cancel-any", "cancel any enrollment",          "· ✓ ✓ · ✓"),
            row("enrollments.purge", "purge inactive enrollments",          "· · ✓ · ✓"),
            row("enrollments.transcript", "print transcripts",              "✓ ✓ ✓ · ✓"),
            row("completions.read", "see progress, record completions",    "✓ ✓ ✓ · ✓"),
            row("completions.record", "see progress, record completions",  "✓ ✓ ✓ · ✓"),
            row("completions.read-files", "see progress, record completions", "✓ ✓ ✓ · ✓"),
            row("completions.approve", "approve or reject completions",     "· ✓ ✓ · ✓"),
            row("completions.import", "import completions from a CSV",      "· ✓ ✓ · ✓"),
            row("tracking.read", "see the Tracking list",                   "✓ ✓ ✓ · ✓"),
            row("tracking.export", "see the Tracking list",                 "✓ ✓ ✓ · ✓"),
            row("tracking.set-status", "set a status by hand",              "· ✓ ✓ · ✓"),
            row("tracking.review", "conclude an administrator's review",    "· · ✓ · ✓"),
            row("tracking.expire", "run and schedule the daily",            "· ✓ ✓ · ✓"),
            row("tracking.manage-reminders", "configure the expiry reminders", "· · ✓ · ✓"),
            row("tracking.mass-drop", "run, preview and schedule mass drops", "· · ✓ · ✓"),
            row("accounting.read", "see accounting batches",                "✓ ✓ ✓ · ✓"),
            row("accounting.manage", "create and close batches",            "· · ✓ · ✓"),
            row("masscert.run", "preview, run and schedule mass certifications", "· ✓ ✓ · ✓"),
            row("credentials.read", "see credentials, run the bulk award",  "· · · ✓ ✓"),
            row("credentials.award", "see credentials, run the bulk award", "· · · ✓ ✓"),
            row("credentials.import", "see credentials, run the bulk award", "· · · ✓ ✓"),
            row("credentials.revoke", "see credentials, run the bulk award", "· · · ✓ ✓"),
            row("credentials.reissue", "see credentials, run the bulk award", "· · · ✓ ✓"),
            row("credentials.usage", "read the credentials page's usage",   "· · · · ✓"),
            row("credentials.grant", "set which credential a program grants", "· · ✓ ✓ ✓"),
            row("process.read", "see the Process Center",                   "✓ ✓ ✓ ✓ ✓"),
            row("process.run", "start, preview, schedule and cancel processes", "✓ ✓ ✓ ✓ ✓"),
            row("mail.read", "see the mail outbox",                         "✓ ✓ ✓ · ✓"),
            row("mail.resend", "send a message again",                      "· ✓ ✓ · ✓"),
            row("mail.test", "queue a test message",                        "· · · · ✓"),
            row("settings.edit", "change the organisation settings",        "· · · · ✓"),
            row("audit.read", "read the audit log",                         "· · · · ✓"),
            row("users.admin", "manage portal users",                       "· · · · ✓"));

    private RoleMatrix() {
    }

    /**
     * One row: a route or permission, the start of the guide's row about it (null when the guide
     * names no such row), and whether each role of {@link #USERS} holds it.
     */
    record Row(String name, String guideRow, List<Boolean> granted) {
    }

    private static Row row(String name, String guideRow, String marks) {
        return new Row(name, guideRow, marks(marks));
    }

    private static List<Boolean> marks(String cells) {
        List<Boolean> granted = Arrays.stream(cells.trim().split("\\s+")).map(c -> switch (c) {
            case "✓" -> true;
            case "·", "" -> false;
            default -> throw new IllegalArgumentException("not a mark: " + c);
        }).toList();
        if (granted.size() != USERS.size()) {
            throw new IllegalArgumentException(USERS.size() + " marks expected: " + cells);
        }
        return granted;
    }

    /** The guide's role table: each row's first cell and whether each role column has a ✓. */
    static Map<String, List<Boolean>> staffGuideTable(Path guide) throws IOException {
        Map<String, List<Boolean>> table = new LinkedHashMap<>();
        boolean inTable = false;
        for (String line : Files.readAllLines(guide)) {
            if (line.startsWith("| what | Staff | Certification Admin | Certification Manager | Student Records | SysAdmin |")) {
                inTable = true;
            } else if (inTable && !line.startsWith("|")) {
                break;
            } else if (inTable && !line.startsWith("|---")) {
                String[] cells = line.split("\\|", -1);
                List<Boolean> granted = new ArrayList<>();
                for (int i = 2; i < 2 + USERS.size(); i++) {
                    granted.add(cells[i].trim().equals("✓"));
                }
                table.put(cells[1].trim(), granted);
            }
        }
        if (table.isEmpty()) {
            throw new IOException("no role table in " + guide);
        }
        return table;
    }
}
