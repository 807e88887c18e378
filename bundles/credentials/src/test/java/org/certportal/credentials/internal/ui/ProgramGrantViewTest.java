package org.certportal.credentials.internal.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.certportal.credentials.api.CredentialService;
import org.certportal.credentials.api.CredentialType;
import org.certportal.credentials.api.ProgramGrant;
import org.certportal.credentials.api.CredentialPermissions;
import org.certportal.ui.spi.DateFormats;
import org.certportal.ui.spi.PageAction;
import org.junit.jupiter.api.Test;

/** The program's option page and its button on the program's page, with the credential service faked. */
class ProgramGrantViewTest {
    private static final CredentialType COA = new CredentialType(3, "COA", "Certificate of Achievement", 100);
    private final List<String> calls = new ArrayList<>();
    private ProgramGrant grant;

    private final CredentialService credentials = (CredentialService) Proxy.newProxyInstance(
            getClass().getClassLoader(), new Class<?>[] {CredentialService.class},
            (proxy, method, args) -> switch (method.getName()) {
                case "types" -> List.of(COA);
                case "programGrant" -> Optional.ofNullable(grant);
                case "grantFromProgram" -> {
                    calls.add("grant " + args[0] + " " + args[1] + " " + args[2] + " " + args[3]);
                    if ("NOPE".equals(args[2])) {
                        throw new IllegalArgumentException("There is no school or authority 'NOPE'.");
                    }
                    grant = new ProgramGrant((Long) args[0], COA, (String) args[2], (LocalDate) args[3], "records",
                            Instant.EPOCH);
                    yield grant;
                }
                case "removeProgramGrant" -> {
                    calls.add("remove " + args[0]);
                    grant = null;
                    yield true;
                }
                default -> throw new AssertionError("the view called " + method.getName());
            });

    @Test
    void setsChangesAndRemovesTheProgramsOptionAndShowsRefusals() {
        ProgramGrantView view = new ProgramGrantView(credentials, DateFormats.iso(ZoneId.of("UTC")));
        view.show(7);
        assertEquals("Earning it gives no credential.", view.current.getText());
        assertFalse(view.remove.isEnabled());

        view.type.setValue(COA);
        view.body.setValue("NOPE");
        view.save();
        assertEquals("There is no school or authority 'NOPE'.", view.message.getText());
        assertFalse(view.remove.isEnabled(), "nothing was set");

        view.body.setValue("ASSOC");
        view.earnedFrom.setValue(LocalDate.parse("2026-06-01"));
        view.save();
        assertEquals("grant 7 COA ASSOC 2026-06-01", calls.get(calls.size() - 1));
        assertEquals("Earning it gives COA Certificate of Achievement from ASSOC (earned on or after 2026-06-01).",
                view.current.getText());
        assertTrue(view.remove.isEnabled());

        view.remove();
        assertEquals("remove 7", calls.get(calls.size() - 1));
        assertEquals("Earning it gives no credential.", view.current.getText());
    }

    @Test
    void theGrantAndItsPickerReadInTheOrganisationsDateFormat() {
        ProgramGrantView view = new ProgramGrantView(credentials, new DateFormats("dd.MM.yyyy", ZoneId.of("UTC")));
        view.show(7);
        view.type.setValue(COA);
        view.body.setValue("ASSOC");
        view.earnedFrom.setValue(LocalDate.parse("2026-06-01"));
        view.save();
        assertEquals("Earning it gives COA Certificate of Achievement from ASSOC (earned on or after 01.06.2026).",
                view.current.getText());
        assertEquals(List.of("dd.MM.yyyy", DateFormats.ISO_PATTERN), view.earnedFrom.getI18n().getDateFormats());
    }

    @Test
    void theButtonOnAProgramsPageLeadsToTheOptionForThatProgram() {
        PageAction action = new ProgramGrantAction();
        assertEquals(PageAction.PROGRAM, action.target());
        assertEquals(CredentialPermissions.GRANT, action.permission());
        assertEquals("credentials/program/12", action.location("12"));
        assertEquals(ProgramGrantView.ROUTE_PREFIX + ":" + ProgramGrantView.PROGRAM_PARAMETER,
                new ProgramGrantContribution(credentials, () -> DateFormats.iso(ZoneId.of("UTC"))).route());
    }
}
