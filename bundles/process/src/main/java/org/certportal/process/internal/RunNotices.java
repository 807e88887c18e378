package org.certportal.process.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import org.certportal.mail.api.MailMessage;
import org.certportal.process.api.ResultFile;
import org.certportal.process.api.RunState;

/**
 * The messages telling whoever asked for it that a run started and how it ended. Portal links would
 * need the portal's public address, which the engine does not know: the mail names the run and where
 * to find it in the Process Center instead.
 */
final class RunNotices {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private RunNotices() {
    }

    static MailMessage started(StoredRun run) {
        String what = (run.dryRun() ? "Preview of " : "") + run.typeTitle();
        return new MailMessage(run.notifyTo(), "Started: " + what + " (run " + run.id() + ")",
                what + " (run " + run.id() + ") started at " + time(run.startedAt()) + ".\n\n"
                        + details(run)
                        + "\nFollow its progress in the Process Center (Processes > Process Center, /processes?run="
                        + run.id() + ").\n");
    }

    /**
     * @param lines the lines written to each of the type's result files, by file name (a type's files say
     *        what the counts of done rows mean: certified, ordered, awarded ...)
     */
    static MailMessage finished(StoredRun run, List<String> resultFiles, Map<String, Long> lines) {
        String what = (run.dryRun() ? "Preview of " : "") + run.typeTitle();
        StringBuilder body = new StringBuilder(what + " (run " + run.id() + ") " + ended(run.state()) + " at "
                + time(run.finishedAt()) + ".\n\n");
        body.append(details(run));
        body.append("Rows selected: ").append(run.total() < 0 ? "-" : String.valueOf(run.total())).append('\n');
        body.append("Done: ").append(run.done()).append('\n');
        body.append("Skipped: ").append(run.skipped()).append('\n');
        body.append("Failed: ").append(run.failed()).append('\n');
        if (run.total() >= 0 && run.processed() < run.total()) {
            body.append("Not processed: ").append(run.total() - run.processed()).append('\n');
        }
        if (run.error() != null) {
            body.append("\nReason: ").append(run.error()).append('\n');
        }
        body.append("\nResult files of run ").append(run.id()).append(" (download them in the Process Center,")
                .append(" /processes?run=").append(run.id()).append("):\n");
        for (String f : resultFiles) {
            long n = f.equals(ResultFile.OUTCOMES) ? run.processed() : lines.getOrDefault(f, 0L);
            body.append("  ").append(f).append(": ").append(n).append(n == 1 ? " row" : " rows").append('\n');
        }
        return new MailMessage(run.notifyTo(), capitalised(ended(run.state())) + ": " + what + " (run " + run.id()
                + ")", body.toString());
    }

    private static String details(StoredRun run) {
        String params = ParameterCodec.decode(run.params()).toString();
        return "Process: " + run.typeId() + "\nScope: " + run.scope() + "\nParameters: "
                + (params.equals("{}") ? "none" : params) + "\nStarted by: " + run.startedBy() + "\n";
    }

    static String ended(RunState state) {
        return switch (state) {
            case COMPLETED -> "completed";
            case CANCELLED -> "was cancelled";
            case FAILED -> "failed";
            default -> "stopped";
        };
    }

    private static String capitalised(String s) {
        String first = s.startsWith("was ") ? s.substring(4) : s;
        return Character.toUpperCase(first.charAt(0)) + first.substring(1);
    }

    static String time(Instant at) {
        return at == null ? "-" : TIME.format(at);
    }
}
