package org.certportal.enrollments.internal.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Proxy;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.certportal.enrollments.api.EnrollmentService;
import org.junit.jupiter.api.Test;

/** The enrollments' home cards ask the service for the right days, and only that. */
class HomeCardsTest {
    private final List<String> calls = new ArrayList<>();

    private EnrollmentService service(LocalDate today) {
        return (EnrollmentService) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] { EnrollmentService.class }, (proxy, method, args) -> switch (method.getName()) {
                    case "today" -> today;
                    case "countEnrolled", "countExpiring" -> {
                        calls.add(method.getName() + " " + args[0] + ".." + args[1]);
                        yield 4L;
                    }
                    default -> throw new AssertionError("a home card must not call " + method.getName());
                });
    }

    @Test
    void enrolledThisMonthCountsFromTheFirstOfTheMonthToToday() {
        assertEquals(4, new EnrolledThisMonthCard(service(LocalDate.of(2026, 2, 28))).value());
        new EnrolledThisMonthCard(service(LocalDate.of(2026, 3, 1))).value();
        assertEquals(List.of("countEnrolled 2026-02-01..2026-02-28", "countEnrolled 2026-03-01..2026-03-01"), calls);
    }

    @Test
    void expiringCountsTheNextThirtyDaysFromToday() {
        ExpiringSoonCard card = new ExpiringSoonCard(service(LocalDate.of(2026, 12, 15)));
        assertEquals(4, card.value());
        assertEquals(List.of("countExpiring 2026-12-15..2027-01-14"), calls);
        assertEquals("enrollments", card.route());
        assertEquals("certifications-expiring", card.key());
    }
}
