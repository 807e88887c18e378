package org.certportal.process.internal;

import javax.sql.DataSource;

import org.certportal.process.api.ProcessRun;
import org.certportal.process.api.ProcessService;

/** Lets the shell command run the benchmark against this portal's engine. */
public final class BenchmarkAccess {
    private BenchmarkAccess() {
    }

    /** @return the result line */
    public static String run(DataSource dataSource, ProcessTypes types, ProcessService processes, int rows)
            throws Exception {
        return new ProcessBenchmark(dataSource, types, processes).run(rows, id -> {
            while (true) {
                ProcessRun r = processes.run(id).orElseThrow();
                if (r.state().isFinal()) {
                    return r;
                }
                Thread.sleep(20); // polls the portal's engine; 20 ms is well below the run's length
            }
        }).toString();
    }
}
