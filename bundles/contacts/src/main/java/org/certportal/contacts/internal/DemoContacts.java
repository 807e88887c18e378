package org.certportal.contacts.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.certportal.contacts.api.ContactDraft;

/** Realistic, deterministic demo contacts: the same seed gives the same people. */
public final class DemoContacts {
    private static final String[] GIVEN = { "Ada", "Grace", "Alan", "Katherine", "Linus", "Margaret", "Tim", "Barbara",
        "Dennis", "Frances", "Ken", "Radia", "John", "Hedy", "Edsger", "Sophie", "Niklaus", "Anita", "Donald", "Joan",
        "Maria", "Ahmed", "Yuki", "Chen", "Olga", "Pedro", "Amara", "Ivan", "Fatima", "Lars" };
    private static final String[] FAMILY = { "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller",
        "Davis", "Rodriguez", "Martinez", "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas", "Taylor",
        "Moore", "Jackson", "Martin", "Lee", "Perez", "Thompson", "White", "Harris", "Sanchez", "Clark", "Ramirez",
        "Lewis", "Robinson", "Walker", "Young", "Allen", "King", "Wright", "Scott", "Torres", "Nguyen", "Hill",
        "Flores", "Green", "Adams", "Nelson", "Baker", "Hall", "Rivera", "Campbell", "Mitchell", "Carter", "Roberts" };

    private DemoContacts() {
    }

    /** {@code count} contacts; external identifiers are {@code D<seed>-<n>}, so runs with other seeds never clash. */
    public static List<ContactDraft> generate(int count, long seed, LocalDate today) {
        if (count < 0 || count > 5_000_000) {
            throw new IllegalArgumentException("Demo contacts: give a count from 0 to 5,000,000: " + count);
        }
        Random random = new Random(seed);
        List<ContactDraft> drafts = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            String given = GIVEN[random.nextInt(GIVEN.length)];
            String family = FAMILY[random.nextInt(FAMILY.length)];
            LocalDate birth = today.minusYears(18 + random.nextInt(50)).minusDays(random.nextInt(365));
            String email = (given + "." + family + i + "@example.org").toLowerCase(Locale.ROOT);
            drafts.add(new ContactDraft(given, family, email, birth, "D" + seed + "-" + i));
        }
        return drafts;
    }
}
