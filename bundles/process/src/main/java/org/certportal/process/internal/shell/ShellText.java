package org.certportal.process.internal.shell;

import java.io.PrintStream;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.certportal.process.api.ProcessRun;
import org.certportal.process.api.ProcessService;
import org.certportal.process.api.RunState;

/** What the process commands share: key=value arguments, times, one-line run summaries, waiting. */
final class ShellText {
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    private ShellText() {
    }

    /** {@code key=value} arguments as a map; anything else is refused with a sentence. */
    static Map<String, String> parameters(List<String> args) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String a : args == null ? List.<String>of() : args) {
            int eq = a.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("Give parameters as key=value, not '" + a + "'.");
            }
            if (values.put(a.substring(0, eq).strip(), a.substring(eq + 1)) != null) {
                throw new IllegalArgumentException("The parameter " + a.substring(0, eq) + " is given twice.");
            }
        }
        return values;
    }

    static String time(Instant at) {
        return at == null ? "-" : TIME.format(at);
    }

    static String state(RunState s) {
        return s.name().toLowerCase(java.util.Locale.ROOT);
    }

    static String progress(ProcessRun r) {
        String rows = r.total() < 0 ? "selecting rows" : r.processed() + " of " + r.total() + " rows ("
                + Math.round(r.progress() * 100) + "%)";
        return rows + ", done " + r.done() + ", skipped " + r.skipped() + ", failed " + r.failed()
                + (r.estimatedFinish() != null ? ", estimated finish " + time(r.estimatedFinish()) : "");
    }

    static String summary(ProcessRun r) {
        return String.format("%6d  %-24s %-10s %s%s  by %s, queued %s", r.id(), r.typeId(), state(r.state()),
                r.dryRun() ? "[preview] " : "", progress(r), r.startedBy(), time(r.queuedAt()));
    }

    /** Prints a progress line whenever it changes, until the run has finished. */
    static ProcessRun await(ProcessService processes, long runId, PrintStream out) throws InterruptedException {
        String last = null;
        while (true) {
            ProcessRun r = processes.run(runId).orElseThrow();
            String line = state(r.state()) + ": " + progress(r);
            if (!line.equals(last)) {
                out.println(line);
                last = line;
            }
            if (r.state().isFinal()) {
                return r;
            }
            Thread.sleep(1000); // a person watching: once a second is enough
        }
    }
}
