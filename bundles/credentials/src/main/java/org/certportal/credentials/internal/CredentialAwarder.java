package org.certportal.credentials.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.certportal.credentials.api.CredentialType;

/**
 * Which of a student's achieved credentials is awarded, per student:
 * <ol>
 * <li>A selected credential is refused when the student already holds (awarded, not revoked or
 * superseded) a credential of the same or a higher precedence: nothing changes, the reason names it.</li>
 * <li>Of the rest, the highest precedence wins (the earliest achieved among equals).</li>
 * <li>If the student also has a pending credential of a higher precedence that the search did not select,
 * nothing is awarded: the selected ones wait, with that reason, so a lower document is never printed
 * while a higher one is due.</li>
 * <li>Otherwise the winner is awarded; the student's other selected ones are superseded (never awarded);
 * credentials the student holds of a lower precedence become superseded by the new one, which links to
 * the highest of them.</li>
 * </ol>
 */
public final class CredentialAwarder {
    private CredentialAwarder() {
    }

    /** An achieved credential not yet awarded. */
    public record Achieved(long id, CredentialType type, LocalDate achievedOn) {
    }

    /** A credential the student holds now. */
    public record Held(long id, String number, CredentialType type) {
    }

    /** Why an achieved credential was not awarded. */
    public record Outcome(Achieved achieved, String reason) {
    }

    /**
     * @param award the credential to award, if any
     * @param superseded selected credentials not awarded because a higher one is (status SUPERSEDED)
     * @param refused selected credentials left as they are, with the reason (the student holds one as high)
     * @param waiting selected credentials left as they are because a higher one outside the search is due
     * @param supersededHeld held credentials of a lower precedence that the award supersedes
     * @param replaces the held credential the award links to (the highest superseded), or empty
     */
    public record Decision(Optional<Achieved> award, List<Outcome> superseded, List<Outcome> refused,
            List<Outcome> waiting, List<Held> supersededHeld, Optional<Held> replaces) {
    }

    private static final Comparator<Achieved> BEST_FIRST = Comparator
            .comparing((Achieved a) -> a.type().precedence()).reversed()
            .thenComparing(Achieved::achievedOn).thenComparingLong(Achieved::id);

    /**
     * @param selected the student's pending credentials the search selected
     * @param otherPending the student's other pending credentials
     * @param held the credentials the student holds (status AWARDED)
     */
    public static Decision decide(List<Achieved> selected, List<Achieved> otherPending, List<Held> held) {
        Optional<Held> highestHeld = held.stream().max(Comparator.comparingInt(h -> h.type().precedence()));
        List<Outcome> refused = new ArrayList<>();
        List<Achieved> candidates = new ArrayList<>();
        for (Achieved a : selected) {
            if (highestHeld.isPresent() && highestHeld.get().type().precedence() >= a.type().precedence()) {
                Held h = highestHeld.get();
                refused.add(new Outcome(a, "The student already holds " + h.type().name() + " " + h.number()
                        + (h.type().id() == a.type().id() ? "." : ", which ranks above " + a.type().name() + ".")));
            } else {
                candidates.add(a);
            }
        }
        if (candidates.isEmpty()) {
            return new Decision(Optional.empty(), List.of(), refused, List.of(), List.of(), Optional.empty());
        }
        candidates.sort(BEST_FIRST);
        Achieved best = candidates.get(0);
        Optional<Achieved> higherElsewhere = otherPending.stream()
                .filter(o -> o.type().precedence() > best.type().precedence()).sorted(BEST_FIRST).findFirst();
        if (higherElsewhere.isPresent()) {
            Achieved o = higherElsewhere.get();
            String reason = "A higher credential is due first: " + o.type().name() + " achieved " + o.achievedOn()
                    + " is not in this search; award it first.";
            List<Outcome> waiting = candidates.stream().map(a -> new Outcome(a, reason)).toList();
            return new Decision(Optional.empty(), List.of(), refused, waiting, List.of(), Optional.empty());
        }
        List<Outcome> superseded = new ArrayList<>();
        for (Achieved a : candidates.subList(1, candidates.size())) {
            superseded.add(new Outcome(a, "Superseded by " + best.type().name() + " achieved " + best.achievedOn()
                    + ", awarded instead."));
        }
        List<Held> lower = held.stream().filter(h -> h.type().precedence() < best.type().precedence()).toList();
        Optional<Held> replaces = lower.stream().max(Comparator.comparingInt(h -> h.type().precedence()));
        return new Decision(Optional.of(best), superseded, refused, List.of(), lower, replaces);
    }
}
