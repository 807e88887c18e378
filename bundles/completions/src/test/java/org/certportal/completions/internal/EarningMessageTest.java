package org.certportal.completions.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;

import org.certportal.contacts.api.Contact;
import org.certportal.enrollments.api.CertificationStatus;
import org.certportal.enrollments.api.Enrollment;
import org.certportal.mail.api.MailMessage;
import org.junit.jupiter.api.Test;

class EarningMessageTest {
    private static final LocalDate EARNED = LocalDate.of(2025, 6, 1);

    private static Enrollment earned(CertificationStatus status, LocalDate expires) {
        return new Enrollment(1, 2, 3, 1, 1, EARNED.minusMonths(2), EARNED.plusMonths(10), expires, EARNED, status,
                Instant.EPOCH, 2);
    }

    private static Contact contact(String email) {
        return new Contact(2, "Ada", "Lovelace", email, null, "S-2", 1);
    }

    @Test
    void activeCertificationsAreAnnouncedWithTheirExpiry() {
        MailMessage m = Earning.message(contact("ada@example.org"), "First Aid", earned(CertificationStatus.ACTIVE,
                EARNED.plusMonths(24)));
        assertEquals("ada@example.org", m.to());
        assertEquals("You are certified: First Aid", m.subject());
        assertTrue(m.body().startsWith("Dear Ada Lovelace,"), m.body());
        assertTrue(m.body().contains("active until 2027-06-01"), m.body());
        assertTrue(Earning.message(contact("ada@example.org"), "First Aid", earned(CertificationStatus.ACTIVE, null))
                .body().contains("is active.\n"), "without expiry");
    }

    @Test
    void adminReviewSaysAnAdministratorWillReview() {
        MailMessage m = Earning.message(contact("ada@example.org"), "First Aid", earned(
                CertificationStatus.ADMIN_REVIEW, EARNED.plusMonths(24)));
        assertEquals("All requirements of First Aid are complete", m.subject());
        assertTrue(m.body().contains("An administrator will now review"), m.body());
    }

    @Test
    void noOrAnInvalidAddressMeansNoMessage() {
        Enrollment e = earned(CertificationStatus.ACTIVE, null);
        assertNull(Earning.message(contact(null), "P", e));
        assertNull(Earning.message(contact(" "), "P", e));
        assertNull(Earning.message(contact("not an address"), "P", e));
    }
}
