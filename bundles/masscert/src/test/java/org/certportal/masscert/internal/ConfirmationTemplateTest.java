package org.certportal.masscert.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;

import org.certportal.mail.api.MailMessage;
import org.certportal.masscert.api.ConfirmationEmail.Wording;
import org.junit.jupiter.api.Test;

class ConfirmationTemplateTest {

    @Test
    void theFreeWordingConfirmsTheCertificationAndItsEnd() {
        MailMessage m = ConfirmationTemplate.standard(Wording.CERTIFIED).checked().render("ada@example.org",
                ConfirmationTemplate.certified("Ada Lovelace", "Certified Accountant", LocalDate.of(2026, 6, 20),
                        LocalDate.of(2028, 6, 20)));
        assertEquals("You are certified: Certified Accountant", m.subject());
        assertTrue(m.body().contains("Dear Ada Lovelace,"), m.body());
        assertTrue(m.body().contains("effective 2026-06-20 until 2028-06-20."), m.body());
    }

    @Test
    void theFeeWordingAsksForThePaymentOfTheOrder() {
        MailMessage m = ConfirmationTemplate.standard(Wording.ORDERED).checked().render("ada@example.org",
                ConfirmationTemplate.ordered("Ada Lovelace", "CPA", "150.00", "CAD", 42));
        assertTrue(m.body().contains("fee of 150.00 CAD (order 42)"), m.body());
    }

    @Test
    void anEditedTemplateMayOnlyUseThePlaceholdersItsWordingFills() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ConfirmationTemplate(
                Wording.CERTIFIED, "Paid {amount}", "Dear {name} {order}").checked());
        assertEquals("The certified email uses {amount}, {order}, which it cannot fill; use {name}, {program},"
                + " {earned}, {expires}.", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ConfirmationTemplate(Wording.ORDERED, " ", "x").checked());
        assertThrows(IllegalArgumentException.class, () -> new ConfirmationTemplate(Wording.ORDERED, "a\nb", "x")
                .checked());
    }

    @Test
    void noUsableAddressMeansNoMessage() {
        ConfirmationTemplate t = ConfirmationTemplate.standard(Wording.CERTIFIED);
        assertNull(t.render(null, ConfirmationTemplate.certified("A", "P", "2026-01-01", null)));
        assertNull(t.render("not an address", ConfirmationTemplate.certified("A", "P", "2026-01-01", null)));
    }
}
