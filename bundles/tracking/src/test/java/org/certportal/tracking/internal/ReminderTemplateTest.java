package org.certportal.tracking.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class ReminderTemplateTest {
    private static final ReminderTemplate.Values ADA = new ReminderTemplate.Values("Ada Lovelace",
            "Certified Public Accountant", LocalDate.of(2028, 2, 29), 30);

    @Test
    void everyPlaceholderIsReplacedAndOtherBracesStay() {
        assertEquals("Ada Lovelace: Certified Public Accountant expires on 29 February 2028, 30 days left; {other} $1",
                ReminderTemplate.render("{name}: {program} expires on {expires}, {daysLeft} days left; {other} $1",
                        ADA));
        assertEquals("Your Certified Public Accountant certification expires on 29 February 2028",
                ReminderTemplate.render(ReminderTemplate.DEFAULT_SUBJECT, ADA));
    }

    @Test
    void theDefaultTemplatesAreValid() {
        ReminderTemplate.checkSubject(ReminderTemplate.DEFAULT_SUBJECT);
        ReminderTemplate.checkBody(ReminderTemplate.DEFAULT_BODY);
        assertEquals(List.of("name", "program", "expires", "daysLeft"), ReminderTemplate.PLACEHOLDERS);
    }

    @Test
    void unknownPlaceholdersAndBadSubjectsAreRefused() {
        assertEquals("The reminder's text has an unknown placeholder {firstName}: use {name}, {program}, {expires},"
                + " {daysLeft}.", assertThrows(IllegalArgumentException.class,
                        () -> ReminderTemplate.checkBody("Dear {firstName}")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> ReminderTemplate.checkSubject("two\nlines"));
        assertThrows(IllegalArgumentException.class, () -> ReminderTemplate.checkSubject(" "));
        assertThrows(IllegalArgumentException.class, () -> ReminderTemplate.checkBody("x".repeat(4001)));
    }
}
