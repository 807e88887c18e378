package org.certportal.bench.internal.shell;

import javax.sql.DataSource;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.certportal.bench.internal.ProcessBenchmark;
import org.certportal.process.api.ProcessRun;
import org.certportal.process.api.ProcessService;
import org.certportal.process.api.ProcessType;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;

@Command(scope = "process", name = "benchmark", description = "Measures the engine's overhead against raw JDBC",
        detailedDescription = "Fills a scratch table with --rows rows, updates each once by raw JDBC batch, then once"
                + " through a process run of this portal's engine (chunks of its configured size), and prints rows per"
                + " second of both. The scratch table is dropped; the run stays in the history.")
@Service
public class ProcessBenchmarkCommand implements Action {
    @Reference
    ProcessService processes;

    @Reference(filter = "(osgi.jndi.service.name=certportal)")
    DataSource dataSource;

    @Option(name = "--rows", description = "rows (default 100000)")
    int rows = 100_000;

    @Override
    public Object execute() throws Exception {
        BundleContext context = FrameworkUtil.getBundle(getClass()).getBundleContext();
        // the engine picks process types up as services, as it does every feature's
        ProcessBenchmark.Publisher publisher = type -> {
            ServiceRegistration<ProcessType> registration = context.registerService(ProcessType.class, type, null);
            return registration::unregister;
        };
        System.out.println(new ProcessBenchmark(dataSource, publisher, processes).run(rows, this::await));
        return null;
    }

    private ProcessRun await(long runId) throws InterruptedException {
        while (true) {
            ProcessRun r = processes.run(runId).orElseThrow();
            if (r.state().isFinal()) {
                return r;
            }
            Thread.sleep(20); // polls the portal's engine; 20 ms is well below the run's length
        }
    }
}
