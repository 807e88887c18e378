package org.certportal.process.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.certportal.process.api.ParameterDefinition;
import org.certportal.process.api.ProcessService;
import org.certportal.process.api.ProcessTypeInfo;

@Command(scope = "process", name = "list", description = "Lists the processes, their parameters and result files",
        detailedDescription = "Processes come with feature bundles; one shown as unavailable is known from its"
                + " schedules or runs, which wait until its bundle is back.")
@Service
public class ListCommand implements Action {
    @Reference
    ProcessService processes;

    @Override
    public Object execute() {
        for (ProcessTypeInfo t : processes.types()) {
            System.out.println(t.id() + (t.available() ? "" : "  (unavailable)") + "  " + t.title());
            System.out.println("    " + t.description());
            if (t.available()) {
                System.out.println("    permission: " + t.permission() + "; result files: "
                        + String.join(", ", t.resultFiles()));
            }
            for (ParameterDefinition p : t.parameters()) {
                System.out.println("    " + p.name() + "=" + p.kind().name().toLowerCase()
                        + (p.kind().name().equals("CHOICE") ? " " + p.choices() : "")
                        + (p.required() ? " (required)" : p.defaultValue() != null ? " (default " + p.defaultValue()
                                + ")" : "") + "  " + p.description());
            }
        }
        return null;
    }
}
