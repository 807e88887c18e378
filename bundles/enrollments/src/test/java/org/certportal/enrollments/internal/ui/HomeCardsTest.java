package org.certportal.enrollments.internal.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Proxy;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.certportal.enrollments.api.ApplicationFilter;
import org.certportal.enrollments.api.ApplicationService;
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
    void applicationsToDecideCountOpenOnesInOneCall() {
        ApplicationService applications = (ApplicationService) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] { ApplicationService.class }, (proxy, method, args) -> {
                    if (!method.getName().equals("count")) {
                        throw new AssertionError("a home card must not call " + method.getName());
                    }
                    calls.add("count " + ((ApplicationFilter) args[0]).statuses().stream().map(Enum::name).sorted()
                            .toList());
                    return 3L;
                });
        ApplicationsWaitingCard card = new ApplicationsWaitingCard(applications);
        assertEquals(3, card.value());
        assertEquals(List.of("count [SUBMITTED, UNDER_REVIEW]"), calls);
        assertEquals("applications", card.route());
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
