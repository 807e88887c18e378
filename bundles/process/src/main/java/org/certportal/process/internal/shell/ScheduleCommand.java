package org.certportal.process.internal.shell;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Locale;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.certportal.process.api.ProcessSchedule;
import org.certportal.process.api.ProcessService;
import org.certportal.process.api.Recurrence;
import org.certportal.process.api.RunOptions;
import org.certportal.process.api.ScheduleRequest;

@Command(scope = "process", name = "schedule", description = "Schedules a process at a date and time, once or recurring",
        detailedDescription = "process:schedule --at 'yyyy-MM-dd HH:mm' [--every daily|weekly|monthly] [--zone ZONE]"
                + " [--preview] [--notify ADDRESS] TYPE [key=value ...]\n"
                + "The time is read in --zone (default: the organisation's time zone). Schedules are stored in the"
                + " database: they survive restarts, and one missed while the portal was down runs once when it is"
                + " back. process:schedules lists them; process:cancel --schedule ID stops one.")
@Service
public class ScheduleCommand implements Action {
    // strict: 2030-02-30 is refused, not read as the 28th
    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("uuuu-MM-dd[ HH:mm]")
            .withResolverStyle(ResolverStyle.STRICT);

    @Reference
    ProcessService processes;

    @Argument(index = 0, name = "type", required = true, description = "process id")
    @Completion(ProcessTypeCompleter.class)
    String type;

    @Argument(index = 1, name = "parameters", multiValued = true, description = "key=value parameters")
    List<String> parameters;

    @Option(name = "--at", required = true, description = "first run, yyyy-MM-dd HH:mm (quote it)")
    String at;

    @Option(name = "--every", description = "daily, weekly or monthly; once when absent")
    @Completion(value = StringsCompleter.class, values = { "daily", "weekly", "monthly" })
    String every;

    @Option(name = "--zone", description = "time zone such as Europe/Berlin")
    String zone;

    @Option(name = "--preview", description = "schedule dry runs")
    boolean preview;

    @Option(name = "--notify", description = "email address told when each run starts and ends (default: your"
            + " own, when your account has one)")
    String notify;

    @Override
    public Object execute() {
        long id = processes.schedule(new ScheduleRequest(type, ShellText.parameters(parameters), when(at), zone(zone),
                recurrence(every), new RunOptions(preview, notify)));
        ProcessSchedule s = processes.findSchedule(id).orElseThrow();
        System.out.println("Schedule " + id + " of " + type + ": first run " + ShellText.time(s.nextFireAt())
                + " (" + s.zone().getId() + " " + s.firstAt() + "), " + s.recurrence().name().toLowerCase(Locale.ROOT)
                + ".");
        return null;
    }

    static LocalDateTime when(String text) {
        try {
            var parsed = AT.parseBest(text.strip(), LocalDateTime::from, java.time.LocalDate::from);
            return parsed instanceof LocalDateTime t ? t : ((java.time.LocalDate) parsed).atStartOfDay();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("Give the time as yyyy-MM-dd HH:mm, not '" + text + "'.");
        }
    }

    static ZoneId zone(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return ZoneId.of(text.strip());
        } catch (java.time.DateTimeException e) {
            throw new IllegalArgumentException("'" + text + "' is not a time zone; use a name such as Europe/Berlin.");
        }
    }

    static Recurrence recurrence(String text) {
        if (text == null || text.isBlank()) {
            return Recurrence.NONE;
        }
        try {
            return Recurrence.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--every is daily, weekly or monthly, not '" + text + "'.");
        }
    }
}
