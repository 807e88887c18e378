package org.certportal.enrollments.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Random;

import org.certportal.enrollments.api.Application;
import org.certportal.enrollments.api.ApplicationService;
import org.certportal.enrollments.api.ApplicationStatus;

/**
 * A handful of demo applications per program that has a related application, deterministic for a
 * seed: contacts not yet in the program apply within the last two months; of each program's
 * applications the first is approved, the second rejected, the third under review, the rest wait.
 */
final class DemoApplications {
    static final int PER_PROGRAM = 6;
    /** Contacts tried per program: most demo contacts are enrolled somewhere already. */
    private static final int TRIES = 60;

    private DemoApplications() {
    }

    /** @return how many applications were submitted */
    static int generate(ApplicationService applications, LocalDate today, List<Long> programIds, long[] contactIds,
            long seed) {
        int submitted = 0;
        for (long programId : programIds) {
            Random random = new Random(seed * 7_919L + programId);
            long[] candidates = DemoEnrollments.draw(contactIds, Math.min(TRIES, contactIds.length), random);
            int made = 0;
            for (int i = 0; i < candidates.length && made < PER_PROGRAM; i++) {
                Application a;
                try {
                    a = applications.submit(programId, candidates[i], today.minusDays(random.nextInt(60)));
                } catch (IllegalArgumentException alreadyInIt) {
                    continue;
                }
                switch (made++) {
                case 0 -> applications.decide(a.id(), a.version(), ApplicationStatus.APPROVED, null);
                case 1 -> applications.decide(a.id(), a.version(), ApplicationStatus.REJECTED,
                        "Demo data: the prerequisite degree is missing");
                case 2 -> applications.decide(a.id(), a.version(), ApplicationStatus.UNDER_REVIEW, null);
                default -> {
                    // waits for a decision
                }
                }
            }
            submitted += made;
        }
        return submitted;
    }
}
