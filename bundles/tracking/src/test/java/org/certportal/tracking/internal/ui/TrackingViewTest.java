package org.certportal.tracking.internal.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.certportal.enrollments.api.CertificationStatus;
import org.certportal.programs.api.ProgramService;
import org.certportal.security.api.Role;
import org.certportal.security.testing.TestSecurity;
import org.certportal.tracking.api.DateRange;
import org.certportal.tracking.api.ReminderPlan;
import org.certportal.tracking.api.ReminderService;
import org.certportal.persistence.api.Page;
import org.certportal.tracking.api.StatusCounts;
import org.certportal.tracking.api.TrackingFilter;
import org.certportal.tracking.api.TrackingService;
import org.certportal.tracking.internal.TrackingPermissionProvider;
import org.certportal.ui.spi.DateFormats;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Span;

/** The page built from plain objects, as its contribution builds it. */
class TrackingViewTest {
    private final List<TrackingFilter> counted = new ArrayList<>();
    /** Whether the counts the page reads have a status past the cap. */
    private boolean capped;
    private final TrackingService tracking = (TrackingService) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] { TrackingService.class }, (proxy, method, args) -> switch (method.getName()) {
                // the page's counts are capped: it never asks the exact counts() of a million rows
                case "countsUpTo" -> {
                    counted.add((TrackingFilter) args[0]);
                    yield capped ? new StatusCounts(Map.of(CertificationStatus.EXPIRING, 4L,
                            CertificationStatus.ACTIVE, (long) Page.COUNT_CAP), Page.COUNT_CAP + 4,
                            Set.of(CertificationStatus.ACTIVE))
                            : new StatusCounts(Map.of(CertificationStatus.EXPIRING, 4L, CertificationStatus.ACTIVE, 7L), 11);
                }
                case "savedFilters" -> List.of();
                // the page's size comes from the counts: it never asks list(), which counts its rows again
                case "rows" -> List.of();
                default -> throw new AssertionError("the view called " + method.getName());
            });
    private final ProgramService programs = (ProgramService) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] { ProgramService.class }, (proxy, method, args) -> {
                throw new AssertionError("the view called " + method.getName() + " while being built");
            });

    private boolean remindersConfigured;
    private final ReminderService reminders = (ReminderService) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] { ReminderService.class }, (proxy, method, args) -> switch (method.getName()) {
                case "anyConfigured" -> remindersConfigured;
                default -> throw new AssertionError("the view called " + method.getName());
            });

    /** Held here: the current UI is only weakly referenced. */
    private UI ui;

    @BeforeEach
    void ui() {
        // the export link is a stream resource, registered with the current UI
        ui = new UI();
        UI.setCurrent(ui);
    }

    @AfterEach
    void noUi() {
        UI.setCurrent(null);
    }

    @Test
    void aQuickFilterShowsItsCountAndChoosingItAgainClearsIt() {
        TrackingView view = view();
        view.apply(TrackingFilter.ALL.withText("hop"));
        Button expiring = (Button) find(view, "quick-expiring");
        assertEquals("Expiring 4", expiring.getText());
        assertEquals("All 11", ((Button) find(view, "quick-all")).getText());

        expiring.click();
        assertEquals(TrackingFilter.ALL.withText("hop").withStatuses(Set.of(CertificationStatus.EXPIRING)),
                last(), "the other conditions stay");
        expiring.click();
        assertEquals(TrackingFilter.ALL.withText("hop"), last());
    }

    @Test
    void aCountAboveTheCapSaysMoreThan() {
        capped = true;
        TrackingView view = view();
        view.apply(TrackingFilter.ALL);
        assertEquals("Active more than 10,000", ((Button) find(view, "quick-active")).getText());
        assertEquals("Expiring 4", ((Button) find(view, "quick-expiring")).getText());
        assertEquals("All more than 10,004", ((Button) find(view, "quick-all")).getText());
    }

    private TrackingView view() {
        return new TrackingView(tracking, programs, new TestSecurity(new TrackingPermissionProvider()).as(Role.STAFF),
                reminders, DateFormats.iso(ZoneId.of("UTC")));
    }

    @Test
    void thePageSaysWhenNoReminderLadderIsConfigured() {
        Span none = (Span) find(view(), "tracking-no-reminders");
        assertTrue(none.isVisible());
        assertEquals("No reminder ladder configured: no expiry reminders are sent.", none.getText());
        remindersConfigured = true;
        assertFalse(find(view(), "tracking-no-reminders").isVisible());
    }

    @Test
    void theRemindersDialogSaysWhatApplies() {
        ReminderPlan none = new ReminderPlan(2L, List.of(), List.of(), "s", "b", true, false);
        assertEquals("Registered Nurse uses the organisation's default: no reminder ladder configured, no expiry"
                + " reminders are sent.", RemindersDialog.describe("Registered Nurse", none));
        ReminderPlan own = new ReminderPlan(1L, List.of(90, 30), List.of(7), "s", "b", false, true);
        assertEquals("CPA has reminders of its own: 90, 30 days before expiry and 7 days into the grace period.",
                RemindersDialog.describe("CPA", own));
        ReminderPlan def = new ReminderPlan(null, List.of(), List.of(14), "s", "b", false, true);
        assertEquals("The organisation's default: 14 days into the grace period.", RemindersDialog.describe(null,
                def));
    }

    @Test
    void theConditionsAreSaidInWords() {
        assertEquals("Every enrollment.", TrackingView.describe(TrackingFilter.ALL));
        String words = TrackingView.describe(TrackingFilter.ALL.withPrograms(List.of("CPA"))
                .withStatuses(Set.of(CertificationStatus.EXPIRING)).withExpires(new DateRange(null,
                        java.time.LocalDate.of(2026, 6, 30))));
        assertTrue(words.contains("program CPA") && words.contains("status Expiring")
                && words.contains("expires until 2026-06-30"), words);
    }

    private TrackingFilter last() {
        return counted.get(counted.size() - 1);
    }

    private static Component find(Component view, String id) {
        return descendants(view).filter(c -> c.getId().filter(id::equals).isPresent()).findFirst().orElseThrow();
    }

    private static Stream<Component> descendants(Component c) {
        return Stream.concat(Stream.of(c), c.getChildren().flatMap(TrackingViewTest::descendants));
    }
}
