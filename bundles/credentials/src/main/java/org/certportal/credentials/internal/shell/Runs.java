package org.certportal.credentials.internal.shell;

import org.certportal.process.api.ProcessRun;
import org.certportal.process.api.ProcessService;

/** Waiting for a run in the console, showing its progress as it changes. */
final class Runs {
    private Runs() {
    }

    static ProcessRun await(ProcessService processes, long id, String rows) throws InterruptedException {
        String last = null;
        while (true) {
            ProcessRun r = processes.run(id).orElseThrow();
            String line = "Run " + id + ": " + r.state() + (r.total() < 0 ? "" : String.format(": %,d of %,d %s",
                    r.processed(), r.total(), rows));
            if (!line.equals(last)) {
                System.out.println(line);
                last = line;
            }
            if (r.state().isFinal()) {
                return r;
            }
            Thread.sleep(1000); // a person watching: once a second is enough
        }
    }
}
