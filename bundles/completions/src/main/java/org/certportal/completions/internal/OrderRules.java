package org.certportal.completions.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.certportal.completions.api.CompletionStatus;
import org.certportal.programs.api.Requirement;

/**
 * Which requirements may be recorded now: none that is Complete (read-only); in an
 * in-order program only one whose every earlier requirement, by position, is Complete.
 */
final class OrderRules {
    private OrderRules() {
    }

    /** @param statuses by requirement id; a missing one has nothing recorded */
    static boolean recordable(boolean inOrder, List<Requirement> requirements, Map<Long, CompletionStatus> statuses,
            Requirement target) {
        return statuses.get(target.id()) != CompletionStatus.COMPLETE
                && (!inOrder || missingBefore(requirements, statuses, target).isEmpty());
    }

    /** @throws IllegalArgumentException naming the earlier requirements that are not complete */
    static void checkRecordable(boolean inOrder, List<Requirement> requirements, Map<Long, CompletionStatus> statuses,
            Requirement target) {
        CompletionRules.checkChangeable(statuses.getOrDefault(target.id(), CompletionStatus.NO_STATUS));
        if (!inOrder) {
            return;
        }
        List<Requirement> missing = missingBefore(requirements, statuses, target);
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("This program is taken in order: complete "
                    + missing.stream().map(r -> r.position() + ". " + r.title()).collect(Collectors.joining(", "))
                    + " before " + target.title() + ".");
        }
    }

    /** Whether every requirement is Complete: the enrollment is earned. */
    static boolean allComplete(List<Requirement> requirements, Map<Long, CompletionStatus> statuses) {
        return !requirements.isEmpty()
                && requirements.stream().allMatch(r -> statuses.get(r.id()) == CompletionStatus.COMPLETE);
    }

    private static List<Requirement> missingBefore(List<Requirement> requirements,
            Map<Long, CompletionStatus> statuses, Requirement target) {
        return requirements.stream().filter(r -> r.position() < target.position())
                .filter(r -> statuses.get(r.id()) != CompletionStatus.COMPLETE)
                .sorted(Comparator.comparingInt(Requirement::position)).toList();
    }
}
