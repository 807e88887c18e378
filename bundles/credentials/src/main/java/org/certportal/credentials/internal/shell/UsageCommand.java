package org.certportal.credentials.internal.shell;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.certportal.credentials.api.CredentialService;
import org.certportal.credentials.api.UsageEvent;
import org.certportal.persistence.api.Page;
import org.certportal.persistence.api.PageRequest;

@Command(scope = "credentials", name = "usage", description = "Who viewed the credentials page and downloaded its files",
        detailedDescription = "credentials:usage [--since yyyy-MM-dd] [--limit N] [--file FILE]\n"
                + "Newest first: time (UTC), user, what (PAGE_VIEW, EXPORT_PRE_PROCESSING, EXPORT_SUCCESSFUL,"
                + " EXPORT_UNSUCCESSFUL) and the run. --file writes every event since the date as CSV"
                + " (occurred_at,user,kind,run). SysAdmin only.")
@Service
public class UsageCommand implements Action {
    @Reference
    CredentialService credentials;

    @Option(name = "--since", description = "from this day (UTC), yyyy-MM-dd")
    String since;

    @Option(name = "--limit", description = "events listed in the console (default 50)")
    int limit = 50;

    @Option(name = "--file", description = "write the events as CSV to this file instead")
    String file;

    @Override
    public Object execute() throws Exception {
        if (limit < 1 || limit > PageRequest.MAX_LIMIT) {
            throw new IllegalArgumentException("--limit must be between 1 and " + PageRequest.MAX_LIMIT + ", not "
                    + limit + ".");
        }
        Instant from = null;
        if (since != null) {
            try {
                from = LocalDate.parse(since.strip()).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("--since must be a date such as 2026-07-01, not '" + since + "'.");
            }
        }
        if (file == null) {
            Page<UsageEvent> page = credentials.usage(from, PageRequest.first(limit));
            for (UsageEvent e : page.items()) {
                System.out.println(e.occurredAt() + "  " + e.userName() + "  " + e.kind()
                        + (e.runId() == null ? "" : "  run " + e.runId()));
            }
            System.out.printf("%,d of %s%n", page.items().size(), page.totalText("event", "events"));
            return null;
        }
        Path path = Path.of(file);
        // the caller's permission is checked before the file is created or emptied
        credentials.usage(from, PageRequest.first(1));
        long written = 0;
        try (Writer w = Files.newBufferedWriter(path, StandardCharsets.UTF_8);
                CSVPrinter csv = new CSVPrinter(w, CSVFormat.RFC4180.builder()
                        .setHeader("occurred_at", "user", "kind", "run").build())) {
            for (int offset = 0;; offset += PageRequest.MAX_LIMIT) {
                Page<UsageEvent> page = credentials.usage(from, new PageRequest(offset, PageRequest.MAX_LIMIT, null,
                        false));
                for (UsageEvent e : page.items()) {
                    csv.printRecord(e.occurredAt(), e.userName(), e.kind(), e.runId() == null ? "" : e.runId());
                    written++;
                }
                if (page.items().size() < PageRequest.MAX_LIMIT) {
                    break;
                }
            }
        }
        System.out.printf("Wrote %,d events to %s%n", written, path.toAbsolutePath());
        return null;
    }
}
