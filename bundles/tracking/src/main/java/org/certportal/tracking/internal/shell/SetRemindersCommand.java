package org.certportal.tracking.internal.shell;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
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
import org.certportal.tracking.internal.ReminderRules;
import org.certportal.tracking.internal.ReminderTemplate;

@Command(scope = "tracking", name = "set-reminders", description = "Sets the expiry reminder ladder of a program or"
        + " the organisation's default", detailedDescription = "DAYS are the days before the expiration date, e.g."
                + " 90,60,30,7, or 'none'. Without --program the organisation's default is set. The templates stay"
                + " as they are unless --subject or --body-file is given (placeholders {name}, {program}, {expires},"
                + " {daysLeft}). Everything is checked before anything is stored.")
@Service
public class SetRemindersCommand implements Action {
    @Reference
    ReminderService reminders;

    @Reference
    ProgramService programs;

    @Option(name = "--program", description = "the program's code; without it, the organisation's default")
    @Completion(ProgramCodeCompleter.class)
    String program;

    @Option(name = "--grace", description = "days into the grace period, e.g. 7,14 (default: none)")
    String grace;

    @Option(name = "--subject", description = "the subject template")
    String subject;

    @Option(name = "--body-file", description = "a UTF-8 text file with the message template")
    String bodyFile;

    @Option(name = "--use-default", description = "remove the program's own reminders: the default applies again")
    boolean useDefault;

    @Argument(index = 0, name = "DAYS", description = "days before expiry, e.g. 90,60,30,7, or none")
    String days;

    @Override
    public Object execute() throws IOException {
        Program p = program == null ? null : ReminderOptions.program(programs, program);
        if (useDefault) {
            if (p == null || days != null || grace != null || subject != null || bodyFile != null) {
                throw new IllegalArgumentException("--use-default takes --program and nothing else.");
            }
            reminders.useDefault(p.id());
            System.out.println(ReminderOptions.describe(p.code(), reminders.plan(p.id())));
            return null;
        }
        if (days == null) {
            throw new IllegalArgumentException("Give the days before expiry (e.g. 90,60,30,7) or 'none'.");
        }
        // every argument checked before the one write
        List<Integer> before = "none".equalsIgnoreCase(days.strip()) ? List.of() : ReminderPlans.parse(days);
        List<Integer> graceDays = ReminderPlans.parse(grace);
        new ReminderRules.Ladder(before, graceDays);
        String body = bodyFile == null ? null : Files.readString(Path.of(bodyFile), StandardCharsets.UTF_8);
        ReminderPlan current = p == null ? reminders.organisationDefault() : reminders.plan(p.id());
        String s = ReminderTemplate.checkSubject(subject != null ? subject : current.subject());
        String b = ReminderTemplate.checkBody(body != null ? body : current.body());
        ReminderPlan saved = reminders.save(p == null ? null : p.id(), before, graceDays, s, b);
        System.out.println(ReminderOptions.describe(p == null ? null : p.code(), saved));
        return null;
    }
}
