package org.certportal.enrollments.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.certportal.enrollments.api.CertificationStatus;
import org.certportal.enrollments.api.EnrollResult;
import org.certportal.enrollments.api.Enrollment;
import org.certportal.enrollments.api.EnrollmentService;

/**
 * The demo enrollment plan, deterministic for a seed: each program gets its share of the count,
 * drawn from the contacts without repeats, enrolled in monthly groups over the last three years (so
 * that some are enrolled, some in their grace period, some expired); of those enrolled 3 to 30 months
 * ago about 40% of those in progress earned (applicants wait for approval), and about 2% of all cancelled.
 */
final class DemoEnrollments {
    static final int MONTHS = 36;
    private final EnrollmentService enrollments;
    private final long seed;

    record Totals(long enrolled, long refused, long earned, long cancelled) {
    }

    DemoEnrollments(EnrollmentService enrollments, long seed) {
        this.enrollments = enrollments;
        this.seed = seed;
    }

    Totals generate(int count, List<Long> programIds, long[] contactIds) {
        if (count < 0 || count > 10_000_000) {
            throw new IllegalArgumentException("Demo enrollments: give a count from 0 to 10,000,000: " + count);
        }
        LocalDate today = enrollments.today();
        long enrolled = 0, refused = 0, earned = 0, cancelled = 0;
        for (int p = 0; p < programIds.size(); p++) {
            long programId = programIds.get(p);
            int share = Math.min(contactIds.length, count / programIds.size() + (p < count % programIds.size() ? 1 : 0));
            Random random = new Random(seed * 1_000_003L + programId);
            long[] chosen = draw(contactIds, share, random);
            for (int month = 0; month < MONTHS; month++) {
                long[] group = Arrays.copyOfRange(chosen, (int) ((long) share * month / MONTHS),
                        (int) ((long) share * (month + 1) / MONTHS));
                if (group.length == 0) {
                    continue;
                }
                LocalDate on = today.minusMonths(month).minusDays(random.nextInt(28));
                EnrollResult result = enrollments.enroll(programId, Arrays.stream(group).boxed().toList(), on);
                enrolled += result.enrolled().size();
                refused += result.refused().size();
                List<Long> earners = new ArrayList<>();
                for (Enrollment e : result.enrolled()) {
                    int dice = random.nextInt(100);
                    if (dice < 2) {
                        enrollments.cancel(e.id(), e.version(), "Demo data");
                        cancelled++;
                    } else if (dice < 42 && month >= 3 && month <= 30
                            && e.status() == CertificationStatus.IN_PROGRESS) {
                        earners.add(e.id());
                    }
                }
                if (!earners.isEmpty()) {
                    earned += enrollments.markEarnedAll(earners, on.plusDays(20 + random.nextInt(60)));
                }
            }
        }
        return new Totals(enrolled, refused, earned, cancelled);
    }

    /** {@code n} distinct ids in random order: the first steps of a Fisher-Yates shuffle. */
    static long[] draw(long[] ids, int n, Random random) {
        long[] pool = ids.clone();
        for (int i = 0; i < n; i++) {
            int j = i + random.nextInt(pool.length - i);
            long t = pool[i];
            pool[i] = pool[j];
            pool[j] = t;
        }
        return Arrays.copyOf(pool, n);
    }
}
