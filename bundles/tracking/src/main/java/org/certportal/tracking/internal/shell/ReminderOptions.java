package org.certportal.tracking.internal.shell;

import org.certportal.programs.api.Program;
import org.certportal.programs.api.ProgramService;
import org.certportal.tracking.api.ReminderPlan;
import org.certportal.tracking.internal.ReminderPlans;

/** What the reminder commands share: the program named by its code, and the plan said in one line. */
final class ReminderOptions {
    private ReminderOptions() {
    }

    static Program program(ProgramService programs, String code) {
        return programs.findByCode(code.strip()).orElseThrow(() -> new IllegalArgumentException(
                "There is no program with the code '" + code.strip() + "'."));
    }

    static String describe(String programCode, ReminderPlan plan) {
        String whose = programCode == null ? "Organisation default" : plan.inherited() ? programCode
                + " (the organisation's default)" : programCode + " (its own)";
        if (!plan.sendsReminders()) {
            return whose + ": no reminder ladder configured, no expiry reminders are sent.";
        }
        return whose + ": " + join(ReminderPlans.format(plan.daysBefore()), "days before expiry") + (plan.graceDays()
                .isEmpty() || plan.daysBefore().isEmpty() ? "" : ", ") + join(ReminderPlans.format(plan.graceDays()),
                        "days into the grace period") + ".";
    }

    private static String join(String days, String what) {
        return days.isEmpty() ? "" : days + " " + what;
    }
}
