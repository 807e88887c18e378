package org.certportal.tracking.internal.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.certportal.enrollments.api.CertificationStatus;
import org.certportal.persistence.api.Page;
import org.certportal.tracking.api.DroppedRow;
import org.certportal.tracking.api.MassDropService;
import org.certportal.tracking.api.RevertPlan;
import org.certportal.tracking.api.RevertReport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;

/** The revert page and the run page's button, built from plain objects as their components build them. */
class MassDropRevertViewTest {
    private final List<String> calls = new ArrayList<>();
    private boolean reverted;
    private final MassDropService drops = (MassDropService) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {MassDropService.class}, (proxy, method, args) -> {
                calls.add(method.getName() + " " + args[0]);
                return switch (method.getName()) {
                    case "plan" -> {
                        if ((Long) args[0] == 9) {
                            throw new IllegalArgumentException("Run 9 was a preview: it changed nothing, so there is"
                                    + " nothing to revert.");
                        }
                        yield reverted ? new RevertPlan(42, "program=CPA", 1, 1, Instant.parse("2026-03-01T12:00:00Z"),
                                "certmanager", 1) : new RevertPlan(42, "program=CPA", 1, 1, null, null, 0);
                    }
                    case "rows" -> new Page<>(List.of(new DroppedRow(201, "Ada Lovelace", "A-001",
                            CertificationStatus.ACTIVE, CertificationStatus.EXPIRED, LocalDate.of(2026, 3, 1),
                            CertificationStatus.EXPIRED, true, reverted)), 1);
                    case "revert" -> {
                        reverted = true;
                        yield new RevertReport(42, false, 1, List.of(new RevertReport.LeftAlone(202, "Grace Hopper",
                                "G-002", CertificationStatus.EXPIRED, CertificationStatus.CANCELLED,
                                "changed since (now Cancelled)")), 1, "Run 42 reverted: 1 enrollment moved back; 1"
                                        + " changed since by someone else was left alone.");
                    }
                    case "revertable" -> (Long) args[0] == 42 && !reverted;
                    default -> throw new AssertionError("called " + method.getName());
                };
            });
    private UI ui;

    @BeforeEach
    void ui() {
        ui = new UI();
        UI.setCurrent(ui);
    }

    @AfterEach
    void noUi() {
        UI.setCurrent(null);
    }

    @Test
    void showsWhatTheRevertWillDoAndRevertsOnlyOnceConfirmed() {
        MassDropRevertView view = new MassDropRevertView(drops);
        ui.add(view);
        view.show(42);
        assertEquals("Reverting moves 1 back to the status they had before the run; 1 changed since by someone else"
                + " is left alone.", view.plan.getText());
        assertTrue(view.revert.isEnabled());

        view.revert.click();
        assertFalse(calls.contains("revert 42"), "nothing changes before the confirmation");
        assertTrue(view.confirmation.isOpened());
        view.confirmNo.click();
        assertFalse(view.confirmation.isOpened());
        assertFalse(calls.contains("revert 42"));

        view.revert.click();
        view.confirmYes.click();
        assertTrue(calls.contains("revert 42"));
        assertEquals("Run 42 reverted: 1 enrollment moved back; 1 changed since by someone else was left alone.",
                view.report.getText());
        assertTrue(view.plan.getText().startsWith("Reverted on 2026-03-01 12:00 UTC by certmanager: 1 moved back."),
                view.plan.getText());
        assertTrue(descendants(view).anyMatch(c -> c == view.leftAlone), "the rows left alone are listed");
        assertFalse(descendants(view).anyMatch(c -> c == view.revert), "a reverted run offers no second revert");
    }

    @Test
    void aRunThatCannotBeRevertedSaysWhy() {
        MassDropRevertView view = new MassDropRevertView(drops);
        view.show(9);
        assertEquals("Run 9 was a preview: it changed nothing, so there is nothing to revert.", view.error.getText());
        assertFalse(descendants(view).anyMatch(c -> c == view.revert));
    }

    @Test
    void theRunPageOffersRevertOnlyForARevertableRunAndOpensTheRevertPage() {
        MassDropRevertAction action = new MassDropRevertAction(drops);
        assertEquals("process-run", action.target());
        assertEquals("tracking-revert", action.key());
        assertEquals("tracking/revert?run=42", action.location("42"));
        assertTrue(action.appliesTo("42"));
        assertFalse(action.appliesTo("43"));
        assertFalse(action.appliesTo("not a run"));
        assertEquals(List.of("revertable 42", "revertable 43"), calls, "one service call per display");
    }

    private static Stream<Component> descendants(Component c) {
        return Stream.concat(Stream.of(c), c.getChildren().flatMap(MassDropRevertViewTest::descendants));
    }
}
