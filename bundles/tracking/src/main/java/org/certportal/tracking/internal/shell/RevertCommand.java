package org.certportal.tracking.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.certportal.tracking.api.MassDropService;
import org.certportal.tracking.api.RevertReport;

@Command(scope = "tracking", name = "revert", description = "Reverts a finished mass drop run",
        detailedDescription = "Moves every enrollment the run changed and nobody changed since back to the status it"
                + " had before, in one transaction, through the status door (audited); lists those left alone. Asks"
                + " nothing: preview what it will do on the run's revert page. A second revert changes nothing.")
@Service
public class RevertCommand implements Action {
    @Reference
    MassDropService drops;

    @Argument(index = 0, name = "RUN_ID", description = "the mass drop run's id (process:runs)", required = true)
    long runId;

    @Override
    public Object execute() {
        System.out.print(text(drops.revert(runId)));
        return null;
    }

    /** The report as the shell prints it: the summary, then each row left alone. */
    static String text(RevertReport report) {
        StringBuilder out = new StringBuilder(report.summary()).append(System.lineSeparator());
        for (RevertReport.LeftAlone l : report.leftAlone()) {
            out.append(String.format("  left alone: enrollment %d%s: %s%n", l.enrollmentId(), l.contactName() == null
                    ? "" : " (" + l.contactName() + (l.identifier() == null ? "" : ", " + l.identifier()) + ")",
                    l.why()));
        }
        if (report.leftAloneTotal() > report.leftAlone().size()) {
            out.append(String.format("  ... and %d more: see the run's revert page (tracking/revert?run=%d)%n",
                    report.leftAloneTotal() - report.leftAlone().size(), report.runId()));
        }
        return out.toString();
    }
}
