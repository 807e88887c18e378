package org.certportal.tracking.internal;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.certportal.enrollments.api.CertificationStatus;

/**
 * Which expiry reminder an Active certification gets today. A ladder has steps some days before the
 * expiration date and some days into the grace period; a step is due from its day on. A certification
 * cycle is one expiration date of one enrollment: recertification moves the date and starts a new cycle.
 * Of the steps due and not yet handled in this cycle only the latest is sent: a portal that was down for
 * days sends one reminder, not every one it missed; the earlier ones are recorded as skipped, so every
 * step is handled at most once per cycle (the database's unique key enforces it). A step whose day is
 * not later than one already handled is never sent (a reminder older than one already received). Grace
 * steps beyond the program's grace period never come: the certification is Expired by then.
 */
public final class ReminderRules {
    /** The furthest a step may lie from the expiration date, in days. */
    public static final int MAX_DAYS_BEFORE = 730;
    public static final int MAX_GRACE_DAYS = 365;
    /** At most this many steps on each side of the expiration date. */
    public static final int MAX_STEPS = 10;

    private ReminderRules() {
    }

    /** One rung of the ladder: {@code days} before the expiration date, or {@code days} into the grace period. */
    public record Step(boolean grace, int days) {
        /** The step's key in the database, e.g. {@code before:30} or {@code grace:7}. */
        public String key() {
            return (grace ? "grace:" : "before:") + days;
        }

        public static Step ofKey(String key) {
            int colon = key.indexOf(':');
            return new Step(key.startsWith("grace:"), Integer.parseInt(key.substring(colon + 1)));
        }

        /** The day it becomes due in the cycle of this expiration date. */
        public LocalDate dueOn(LocalDate expiresOn) {
            return grace ? expiresOn.plusDays(days) : expiresOn.minusDays(days);
        }

        /** How staff read it, e.g. "30 days before expiry" or "7 days into the grace period". */
        public String label() {
            if (grace) {
                return days + (days == 1 ? " day" : " days") + " into the grace period";
            }
            return days == 0 ? "on the expiration date" : days + (days == 1 ? " day" : " days") + " before expiry";
        }
    }

    /** The steps of a ladder, checked: days before in 0..{@value #MAX_DAYS_BEFORE}, grace days in 1..{@value #MAX_GRACE_DAYS}. */
    public record Ladder(List<Integer> daysBefore, List<Integer> graceDays) {
        public static final Ladder NONE = new Ladder(List.of(), List.of());

        public Ladder {
            daysBefore = checked(daysBefore, 0, MAX_DAYS_BEFORE, "before expiry", Comparator.reverseOrder());
            graceDays = checked(graceDays, 1, MAX_GRACE_DAYS, "into the grace period", Comparator.naturalOrder());
        }

        public boolean isEmpty() {
            return daysBefore.isEmpty() && graceDays.isEmpty();
        }

        /** Every step in the order they fall due. */
        public List<Step> steps() {
            List<Step> steps = new ArrayList<>();
            daysBefore.forEach(d -> steps.add(new Step(false, d)));
            graceDays.forEach(d -> steps.add(new Step(true, d)));
            return steps;
        }

        /** The farthest step before expiry (0 without one). */
        public int maxBefore() {
            return daysBefore.isEmpty() ? 0 : daysBefore.get(0);
        }

        private static List<Integer> checked(List<Integer> days, int min, int max, String what,
                Comparator<Integer> order) {
            if (days == null) {
                return List.of();
            }
            TreeSet<Integer> distinct = new TreeSet<>(order);
            for (Integer d : days) {
                if (d == null || d < min || d > max) {
                    throw new IllegalArgumentException("Reminder days " + what + " must be whole numbers from " + min
                            + " to " + max + ", not " + d + ".");
                }
                if (!distinct.add(d)) {
                    throw new IllegalArgumentException("The reminder " + d + " days " + what + " is given twice.");
                }
            }
            if (distinct.size() > MAX_STEPS) {
                throw new IllegalArgumentException("At most " + MAX_STEPS + " reminders " + what + ".");
            }
            return List.copyOf(distinct);
        }
    }

    /** What to do today: send at most one step, record the others that came due as skipped. */
    public record Decision(Optional<Step> send, List<Step> skip) {
        public static final Decision NOTHING = new Decision(Optional.empty(), List.of());

        public Decision {
            skip = List.copyOf(skip);
        }

        public boolean isNothing() {
            return send.isEmpty() && skip.isEmpty();
        }
    }

    /**
     * Today's decision for one enrollment.
     *
     * @param handled   the keys of the steps already handled (sent, skipped or without address) in the cycle
     *                  of this expiration date
     * @param graceDays the program's grace period, in days
     */
    public static Decision decide(Ladder ladder, CertificationStatus stored, LocalDate expiresOn, int graceDays,
            LocalDate today, Set<String> handled) {
        if (ladder.isEmpty() || stored != CertificationStatus.ACTIVE || expiresOn == null
                || today.isAfter(expiresOn.plusDays(Math.max(0, graceDays)))) {
            return Decision.NOTHING;
        }
        List<Step> applicable = ladder.steps().stream().filter(s -> !s.grace() || s.days() <= graceDays).toList();
        LocalDate lastHandled = applicable.stream().filter(s -> handled.contains(s.key()))
                .map(s -> s.dueOn(expiresOn)).max(Comparator.naturalOrder()).orElse(null);
        List<Step> due = applicable.stream().filter(s -> !handled.contains(s.key()))
                .filter(s -> !s.dueOn(expiresOn).isAfter(today)).toList();
        if (due.isEmpty()) {
            return Decision.NOTHING;
        }
        Step latest = due.stream().max(Comparator.comparing(s -> s.dueOn(expiresOn))).orElseThrow();
        if (lastHandled != null && !latest.dueOn(expiresOn).isAfter(lastHandled)) {
            return new Decision(Optional.empty(), due);
        }
        return new Decision(Optional.of(latest), due.stream().filter(s -> !s.equals(latest)).toList());
    }

    /**
     * The days left the message names: to the expiration date before it, to the end of the grace period
     * during it (never negative).
     */
    public static int daysLeft(LocalDate expiresOn, int graceDays, LocalDate today) {
        LocalDate until = today.isAfter(expiresOn) ? expiresOn.plusDays(Math.max(0, graceDays)) : expiresOn;
        return (int) Math.max(0, ChronoUnit.DAYS.between(today, until));
    }
}
