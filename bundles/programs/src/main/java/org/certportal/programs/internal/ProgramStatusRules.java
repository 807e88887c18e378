package org.certportal.programs.internal;

import java.util.Locale;

import org.certportal.programs.api.ProgramStatus;

/**
 * Which status changes a program may make: Draft → Active (with at least one requirement),
 * Active ↔ Inactive, anything but Retired → Retired; Retired is final and Active never goes back to Draft.
 */
final class ProgramStatusRules {

    private ProgramStatusRules() {
    }

    /** @throws IllegalArgumentException saying why the change is not allowed */
    static void check(ProgramStatus from, ProgramStatus to, int requirementCount) {
        if (to == null) {
            throw new IllegalArgumentException("A new status is required.");
        }
        if (from == to) {
            throw new IllegalArgumentException("The program is already " + title(to) + ".");
        }
        if (from == ProgramStatus.RETIRED) {
            throw new IllegalArgumentException("The program is retired; a retired program stays retired.");
        }
        switch (to) {
        case ACTIVE:
            if (requirementCount < 1) {
                throw new IllegalArgumentException(
                        "A program needs at least one requirement before it can become active.");
            }
            return;
        case INACTIVE:
            if (from != ProgramStatus.ACTIVE) {
                throw new IllegalArgumentException("Only an active program can be made inactive.");
            }
            return;
        case DRAFT:
            throw new IllegalArgumentException("A program that was " + title(from) + " cannot go back to draft.");
        default:
            return; // RETIRED from Draft, Active or Inactive
        }
    }

    /** The status as users read it: "Active", "Draft". */
    static String title(ProgramStatus status) {
        String name = status.name();
        return name.charAt(0) + name.substring(1).toLowerCase(Locale.ROOT);
    }
}
