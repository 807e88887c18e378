package org.certportal.credentials.internal.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.certportal.credentials.api.AwardCriteria;
import org.certportal.credentials.api.AwardSummary;
import org.certportal.credentials.api.CredentialService;
import org.certportal.credentials.api.CredentialType;
import org.certportal.credentials.api.UsageEvent;
import org.certportal.credentials.api.UsageKind;
import org.certportal.persistence.api.Page;
import org.certportal.process.api.ProcessRun;
import org.certportal.process.api.ProcessService;
import org.certportal.process.api.RunState;
import org.certportal.ui.spi.DateFormats;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasText;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.data.provider.Query;
import com.vaadin.flow.component.textfield.TextArea;

/** The page built from plain objects, as its contribution builds it, walked through its three steps. */
class CredentialsViewTest {
    private final List<String> usage = new ArrayList<>();
    private final List<AwardCriteria> counted = new ArrayList<>();
    private int usageRead;
    private final CredentialService credentials = (CredentialService) Proxy.newProxyInstance(
            getClass().getClassLoader(), new Class<?>[] { CredentialService.class },
            (proxy, method, args) -> switch (method.getName()) {
                case "types" -> List.of(new CredentialType(1, "HSD", "High School Diploma", 300));
                case "countAwardable" -> {
                    counted.add((AwardCriteria) args[0]);
                    yield 12L;
                }
                case "recordUsage" -> {
                    usage.add(args[0] + " " + args[1]);
                    yield null;
                }
                case "awardSummary" -> new AwardSummary(9, 2, 1, 0);
                case "startAward" -> start((AwardCriteria) args[0], (Boolean) args[1]);
                case "usage" -> {
                    usageRead++;
                    yield new Page<>(List.of(new UsageEvent(1, UsageKind.PAGE_VIEW, "records",
                            Instant.parse("2026-07-15T09:00:00Z"), null)), 1);
                }
                default -> throw new AssertionError("the view called " + method.getName());
            });

    private final Map<Long, ProcessRun> runs = new HashMap<>();
    private final List<String> started = new ArrayList<>();
    private static final DateFormats DATES = DateFormats.iso(ZoneId.of("UTC"));
    private final ProcessService processes = (ProcessService) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] { ProcessService.class }, (proxy, method, args) -> switch (method.getName()) {
                case "run" -> Optional.ofNullable(runs.get((Long) args[0]));
                case "downloadName" -> "file.csv";
                default -> throw new AssertionError("the view called " + method.getName());
            });

    private long start(AwardCriteria c, boolean preview) {
        long id = 40 + started.size();
        started.add((preview ? "preview " : "run ") + c.session() + " " + c.studentIds());
        runs.put(id, run(id, preview, RunState.RUNNING, Map.of()));
        return id;
    }

    /** Held here: the current UI is only weakly referenced. */
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
    void searchConfirmProcessAndSummary() {
        CredentialsView view = new CredentialsView(credentials, processes, false, DATES);
        view.session.setValue("2026-06");
        view.students.setValue("A1\nB2");
        ((Button) find(view, "credentials-search")).click();
        assertEquals(List.of("preview 2026-06 [A1, B2]"), started);
        assertEquals(List.of("2026-06"), counted.stream().map(AwardCriteria::session).toList());
        assertEquals("Search in progress, please wait.", text(view, "credentials-wait"));

        finish(40);
        view.poll();
        assertEquals("12 achieved credentials not yet awarded match.", text(view, "credentials-found"));
        assertTrue(has(view, "credentials-download-pre-processing"));

        ((Button) find(view, "credentials-next")).click();
        assertTrue(has(view, "credentials-confirm"));
        ((Button) find(view, "credentials-back")).click();
        assertEquals(1, started.size(), "back starts nothing");
        ((Button) find(view, "credentials-next")).click();
        ((Button) find(view, "credentials-confirm")).click();
        assertEquals("run 2026-06 [A1, B2]", started.get(1));
        assertEquals("Awarding and ordering of credentials in progress, please wait.", text(view, "credentials-wait"));

        finish(41);
        view.poll();
        assertEquals("Awarded and ordered: 9", text(view, "credentials-awarded-ordered"));
        assertEquals("Awarded, not ordered (no valid address; see the reason): 2",
                text(view, "credentials-awarded-not-ordered"));
        assertTrue(has(view, "credentials-download-post-processing-successful"));
        assertTrue(has(view, "credentials-download-post-processing-unsuccessful"));

        ((Button) find(view, "credentials-another")).click();
        assertEquals("", ((TextArea) find(view, "credentials-students")).getValue());
        assertTrue(has(view, "credentials-search"));
    }

    @Test
    void aBadIdentifierIsMarkedAndNothingStarts() {
        CredentialsView view = new CredentialsView(credentials, processes, false, DATES);
        view.students.setValue("A1\nnot ok!");
        ((Button) find(view, "credentials-search")).click();
        assertTrue(view.students.isInvalid());
        assertTrue(view.students.getErrorMessage().startsWith("Line 2:"), view.students.getErrorMessage());
        assertTrue(started.isEmpty());
        assertTrue(counted.isEmpty());
    }

    @Test
    void theAddressCarriesTheRunAndBuildingTheViewRecordsNothing() {
        assertEquals("credentials?run=41", CredentialsView.location(AwardSteps.resume(run(41, false,
                RunState.COMPLETED, Map.of()), AwardCriteria.all(), 0)).getPathWithQueryParameters());
        assertFalse(usage.contains(UsageKind.PAGE_VIEW + " null"), "building the view records nothing yet");
    }

    @Test
    void aSysAdminSeesTheUsageWhichIsReadOnlyWhenOpened() {
        assertFalse(has(new CredentialsView(credentials, processes, false, DATES), "credentials-usage"));
        CredentialsView view = new CredentialsView(credentials, processes, true, DATES);
        Details usageDetails = (Details) find(view, "credentials-usage");
        Grid<?> grid = (Grid<?>) find(view, "credentials-usage-grid");
        assertEquals(0, grid.getDataProvider().size(new Query<>()));
        assertEquals(0, usageRead, "a closed panel reads nothing");
        usageDetails.setOpened(true);
        assertEquals(1, grid.getDataProvider().size(new Query<>()));
        assertEquals(1, usageRead);
    }

    private void finish(long id) {
        ProcessRun r = runs.get(id);
        runs.put(id, run(id, r.dryRun(), RunState.COMPLETED, r.parameters()));
    }

    private static ProcessRun run(long id, boolean dryRun, RunState state, Map<String, String> parameters) {
        Instant t = Instant.parse("2026-07-15T09:00:00Z");
        return new ProcessRun(id, CredentialService.AWARD_PROCESS, "Award and order credentials", "all", parameters,
                dryRun, state, "records", null, null, null, t, t, state.isFinal() ? t : null, 10,
                state.isFinal() ? 10 : 3, 0, 0, null, null);
    }

    private static String text(Component view, String id) {
        return ((HasText) find(view, id)).getText();
    }

    private static boolean has(Component view, String id) {
        return descendants(view).anyMatch(c -> c.getId().filter(id::equals).isPresent());
    }

    private static Component find(Component view, String id) {
        return descendants(view).filter(c -> c.getId().filter(id::equals).isPresent()).findFirst().orElseThrow(
                () -> new AssertionError("no component " + id));
    }

    private static Stream<Component> descendants(Component c) {
        return Stream.concat(Stream.of(c), c.getChildren().flatMap(CredentialsViewTest::descendants));
    }
}
