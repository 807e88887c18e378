package org.certportal.programs.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.certportal.programs.api.GradeType;
import org.certportal.programs.api.OfferingDraft;
import org.certportal.programs.api.ProgramDraft;
import org.certportal.programs.api.ProgramOptions;
import org.certportal.programs.api.RecertificationBasis;
import org.certportal.programs.api.RequirementDraft;
import org.certportal.programs.api.RequirementKind;

/** Realistic, deterministic demo programs: the same seed gives the same programs, codes DEMO&lt;seed&gt;-&lt;n&gt;. */
final class DemoPrograms {
    static final int MAX = 10_000;
    private static final String[] TITLES = { "Certified Internal Auditor", "Registered Dietitian",
        "Project Management Professional", "Certified Fraud Examiner", "Licensed Electrician", "Paramedic",
        "Certified Financial Planner", "Data Protection Officer", "Occupational Safety Specialist",
        "Teaching Diploma", "Certified Interpreter", "Building Inspector" };
    private static final String[] COURSES = { "Ethics and professional conduct", "Foundations", "Law and regulation",
        "Practical workshop", "Risk management", "Communication skills" };
    private static final String[] DOCUMENTS = { "Proof of identity", "Employer reference", "Diploma copy",
        "Signed code of conduct" };
    private static final int[] VALIDITY = { 0, 12, 24, 36, 60 };
    private static final int[] DEADLINE = { 6, 12, 18, 24 };
    private static final int[] GRACE = { 0, 30, 60, 90 };
    private static final String[] FEES = { "0", "0", "50", "150", "495.00" };

    /** A program with its requirements in order, and the offerings of each (same index). */
    record DemoProgram(ProgramDraft program, List<RequirementDraft> requirements, List<List<OfferingDraft>> offerings) {
    }

    private DemoPrograms() {
    }

    static List<DemoProgram> generate(int count, long seed, LocalDate today) {
        if (count < 0 || count > MAX) {
            throw new IllegalArgumentException("Demo programs: give a count from 0 to " + MAX + ": " + count);
        }
        Random random = new Random(seed);
        List<DemoProgram> programs = new ArrayList<>(count);
        for (int n = 1; n <= count; n++) {
            String title = TITLES[random.nextInt(TITLES.length)] + (count > 1 ? " " + n : "");
            RecertificationBasis basis = RecertificationBasis.values()[random.nextInt(RecertificationBasis.values().length)];
            ProgramOptions options = new ProgramOptions(random.nextInt(10) < 3, random.nextBoolean(),
                    random.nextBoolean(), random.nextInt(10) < 4, random.nextInt(10) < 2,
                    VALIDITY[random.nextInt(VALIDITY.length)], DEADLINE[random.nextInt(DEADLINE.length)],
                    GRACE[random.nextInt(GRACE.length)], new BigDecimal(FEES[random.nextInt(FEES.length)]), basis,
                    basis == RecertificationBasis.FIXED_DATE ? MonthDay.of(random.nextBoolean() ? 12 : 6,
                            random.nextBoolean() ? 30 : 1) : null)
                    // every third has a related application (not drawn: the other options stay as they were)
                    .withApplicationRequired(n % 3 == 1);
            ProgramDraft draft = new ProgramDraft("DEMO" + seed + "-" + n, title,
                    "Demo program " + n + " of seed " + seed + ".", options);
            List<RequirementDraft> requirements = new ArrayList<>();
            List<List<OfferingDraft>> offerings = new ArrayList<>();
            int size = 2 + random.nextInt(5);
            // most programs can be mass certified: they have an exam or education credits
            boolean assessed = random.nextInt(10) < 8;
            for (int i = 0; i < size; i++) {
                RequirementKind kind = assessed && i == size - 1
                        ? (random.nextBoolean() ? RequirementKind.EXAM : RequirementKind.EDUCATION_CREDITS)
                        : RequirementKind.values()[random.nextInt(RequirementKind.values().length)];
                requirements.add(requirement(kind, random));
                offerings.add(offerings(kind, random, today));
            }
            programs.add(new DemoProgram(draft, requirements, offerings));
        }
        return programs;
    }

    private static RequirementDraft requirement(RequirementKind kind, Random random) {
        boolean approval = random.nextInt(10) < 3;
        return switch (kind) {
        case EXAM -> new RequirementDraft("Examination", kind, GradeType.NUMERIC,
                new BigDecimal(60 + 5 * random.nextInt(5)), approval, null);
        case EDUCATION_CREDITS -> new RequirementDraft("Continuing education", kind, GradeType.NONE, null, approval,
                new BigDecimal(10 * (1 + random.nextInt(6))));
        case COURSE -> new RequirementDraft(COURSES[random.nextInt(COURSES.length)], kind,
                random.nextBoolean() ? GradeType.PASS_FAIL : GradeType.NONE, null, approval, null);
        case DOCUMENT -> new RequirementDraft(DOCUMENTS[random.nextInt(DOCUMENTS.length)], kind, GradeType.NONE, null,
                true, null);
        default -> new RequirementDraft("Supervised practice", kind, GradeType.PASS_FAIL, null, approval, null);
        };
    }

    private static List<OfferingDraft> offerings(RequirementKind kind, Random random, LocalDate today) {
        if (kind != RequirementKind.EXAM && kind != RequirementKind.COURSE) {
            return List.of();
        }
        List<OfferingDraft> list = new ArrayList<>();
        int sessions = random.nextInt(3);
        for (int s = 1; s <= sessions; s++) {
            list.add(new OfferingDraft((kind == RequirementKind.EXAM ? "Sitting " : "Class ") + s,
                    today.plusWeeks(4L * s + random.nextInt(4)), random.nextBoolean() ? "Online" : "Main hall"));
        }
        return list;
    }
}
