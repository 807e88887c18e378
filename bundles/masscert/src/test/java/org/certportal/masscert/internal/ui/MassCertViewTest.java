package org.certportal.masscert.internal.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.certportal.accounting.api.AccountingService;
import org.certportal.accounting.api.Batch;
import org.certportal.accounting.api.BatchStatus;
import org.certportal.masscert.api.ConfirmationEmail;
import org.certportal.masscert.api.ConfirmationEmail.Wording;
import org.certportal.masscert.api.MassCertService;
import org.certportal.persistence.api.Page;
import org.certportal.process.api.ProcessRun;
import org.certportal.process.api.ProcessService;
import org.certportal.process.api.RunState;
import org.certportal.programs.api.ProgramOptions;
import org.certportal.programs.api.ProgramStatus;
import org.certportal.programs.api.ProgramSummary;
import org.certportal.programs.testing.FakePrograms;
import org.certportal.security.api.SecurityService;
import org.certportal.ui.spi.DateFormats;
import org.junit.jupiter.api.Test;

/** The mass-certification page with plain objects behind it: the link's certification, the customer list. */
class MassCertViewTest {
    final FakePrograms programs = new FakePrograms();
    final List<Object[]> started = new ArrayList<>();
    ProcessRun run;

    MassCertView view() {
        programs.add(7, "CPA", ProgramStatus.ACTIVE, ProgramOptions.defaults().withFee(new BigDecimal("150"), "EUR"),
                List.of(MassCertifyActionsTest.requirement(71, 7, org.certportal.programs.api.RequirementKind.EXAM)));
        MassCertService masscert = fake(MassCertService.class, (name, args) -> switch (name) {
            case "certifications" -> List.of(new ProgramSummary(7, "CPA", "Program CPA", ProgramStatus.ACTIVE, 1, 1));
            case "template" -> new ConfirmationEmail((Wording) args[0], "Subject " + args[0], "Body");
            default -> null;
        });
        ProcessService processes = fake(ProcessService.class, (name, args) -> switch (name) {
            case "start" -> {
                started.add(args);
                yield 42L;
            }
            case "run" -> Optional.ofNullable(run);
            case "writeResultFile" -> {
                String csv = switch ((String) args[1]) {
                    case "ordered.csv" -> "h\n1\n2\n";
                    case "failed.csv" -> "h\n3\n";
                    default -> "h\n";
                };
                try {
                    ((OutputStream) args[2]).write(csv.getBytes(StandardCharsets.UTF_8));
                } catch (java.io.IOException e) {
                    throw new IllegalStateException(e);
                }
                yield null;
            }
            case "rows" -> new Page<>(List.of(), 0);
            default -> null;
        });
        AccountingService accounting = fake(AccountingService.class, (name, args) -> name.equals("batches")
                ? new Page<>(List.of(new Batch(4, "Spring", BatchStatus.OPEN, "m", Instant.EPOCH)), 1) : null);
        SecurityService security = fake(SecurityService.class, (name, args) -> name.equals("isPermitted") ? false
                : null);
        return new MassCertView(masscert, processes, programs, accounting, security,
                DateFormats.iso(ZoneId.of("UTC")));
    }

    @Test
    void theCertificationsLinkChoosesItAndTheFormAsksForItsBatch() {
        MassCertView view = view();
        assertNull(view.form.program());
        view.preselect(List.of("7"));
        assertEquals("CPA", view.form.program().code());
        assertTrue(view.form.batch.isVisible());
        assertEquals(Wording.ORDERED, view.wording.getValue());
        assertEquals("Subject ORDERED", view.subject.getValue());
        assertFalse(view.newBatch.getParent().orElseThrow().isVisible(), "only batch managers create batches");
        view.preselect(List.of("x"));
        assertEquals("CPA", view.form.program().code(), "a mangled link changes nothing");
    }

    @Test
    void theCustomerListIsTheEnginesPreviewWithItsCounts() {
        MassCertView view = view();
        view.preselect(List.of("7"));
        view.form.batch.setValue(view.form.batch.getListDataView().getItems().findFirst().orElseThrow());
        view.startPreview();
        assertEquals(1, started.size());
        assertEquals("masscert", started.get(0)[0]);
        assertEquals(Map.of("program", "CPA", "send-email", "true", "batch", "4"), started.get(0)[1]);
        assertTrue(((org.certportal.process.api.RunOptions) started.get(0)[2]).dryRun());
        view.checkPreview();
        assertFalse(view.rows.isVisible(), "not finished yet");
        run = new ProcessRun(42, "masscert", "Mass certification", "CPA", Map.of(), true, RunState.COMPLETED, "u",
                null, null, null, Instant.EPOCH, Instant.EPOCH, Instant.EPOCH, 3, 2, 1, 0, null, null);
        view.checkPreview();
        assertTrue(view.rows.isVisible());
        assertTrue(view.counts.getText().startsWith("3 applicants: 0 would be certified, 2 would get an order to"
                + " pay, 1 would not change."), view.counts.getText());
    }

    @SuppressWarnings("unchecked")
    static <T> T fake(Class<T> type, java.util.function.BiFunction<String, Object[], Object> answer) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] { type }, (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return method.getName().equals("toString") ? type.getSimpleName() : method.invoke(answer, args);
            }
            return answer.apply(method.getName(), args == null ? new Object[0] : args);
        });
    }
}
