package org.certportal.process.internal.shell;

import javax.sql.DataSource;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.certportal.process.api.ProcessService;
import org.certportal.process.internal.BenchmarkAccess;
import org.certportal.process.internal.ProcessTypes;

@Command(scope = "process", name = "benchmark", description = "Measures the engine's overhead against raw JDBC",
        detailedDescription = "Fills a scratch table with --rows rows, updates each once by raw JDBC batch, then once"
                + " through a process run of this portal's engine (chunks of its configured size), and prints rows per"
                + " second of both. The scratch table is dropped; the run stays in the history.")
@Service
public class BenchmarkCommand implements Action {
    @Reference
    ProcessService processes;

    @Reference
    ProcessTypes types;

    @Reference(filter = "(osgi.jndi.service.name=certportal)")
    DataSource dataSource;

    @Option(name = "--rows", description = "rows (default 100000)")
    int rows = 100_000;

    @Override
    public Object execute() throws Exception {
        System.out.println(BenchmarkAccess.run(dataSource, types, processes, rows));
        return null;
    }
}
