package org.certportal.tracking.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.certportal.programs.api.Program;
import org.certportal.programs.api.ProgramService;
import org.certportal.tracking.api.ReminderPlan;
import org.certportal.tracking.api.ReminderService;
import org.certportal.tracking.internal.ReminderPlans;

@Command(scope = "tracking", name = "reminders", description = "Shows the expiry reminder ladder of a program or the"
        + " organisation's default", detailedDescription = "Without --program: the organisation's default, which"
                + " applies to every program without reminders of its own. Change it with tracking:set-reminders.")
@Service
public class RemindersCommand implements Action {
    @Reference
    ReminderService reminders;

    @Reference
    ProgramService programs;

    @Option(name = "--program", description = "the program's code; without it, the organisation's default")
    @Completion(ProgramCodeCompleter.class)
    String program;

    @Override
    public Object execute() {
        Program p = program == null ? null : ReminderOptions.program(programs, program);
        ReminderPlan plan = p == null ? reminders.organisationDefault() : reminders.plan(p.id());
        System.out.println(ReminderOptions.describe(p == null ? null : p.code(), plan));
        if (plan.configured()) {
            System.out.printf("Days before expiry:        %s%n", orNone(ReminderPlans.format(plan.daysBefore())));
            System.out.printf("Days into the grace period: %s%n", orNone(ReminderPlans.format(plan.graceDays())));
            System.out.printf("Subject: %s%n%n%s%n", plan.subject(), plan.body());
        }
        return null;
    }

    private static String orNone(String days) {
        return days.isEmpty() ? "none" : days;
    }
}
