package org.certportal.enrollments.internal.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.Set;

import org.certportal.enrollments.api.ApplicationStatus;
import org.junit.jupiter.api.Test;

/** How the shell reads statuses and dates as operators type them. */
class ApplicationsCommandTest {

    @Test
    void statusesAreReadByNameOrTitleInAnyCase() {
        assertEquals(Set.of(ApplicationStatus.SUBMITTED, ApplicationStatus.UNDER_REVIEW),
                ApplicationsCommand.statuses("submitted, Under-Review"));
        assertEquals(Set.of(ApplicationStatus.UNDER_REVIEW), ApplicationsCommand.statuses("under review"));
        assertEquals(Set.of(), ApplicationsCommand.statuses(" "));
        assertEquals("Unknown status 'granted': use submitted, under-review, approved, rejected or withdrawn.",
                assertThrows(IllegalArgumentException.class, () -> ApplicationsCommand.statuses("approved,granted"))
                        .getMessage());
    }

    @Test
    void datesAreIsoDatesOrNone() {
        assertEquals(LocalDate.of(2026, 3, 31), ApplicationsCommand.date(" 2026-03-31 ", "--from"));
        assertNull(ApplicationsCommand.date(null, "--from"));
        assertEquals("--through '31.3.' is no date such as 2026-03-31.", assertThrows(IllegalArgumentException.class,
                () -> ApplicationsCommand.date("31.3.", "--through")).getMessage());
    }
}
