package org.certportal.tracking.internal.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class StatusDialogTest {

    @Test
    void aChangeReadsInTheWordsOfTheTrackingPage() {
        assertEquals("In progress → Active", StatusDialog.change("IN_PROGRESS", "ACTIVE"));
        assertEquals("Admin review → Not completed", StatusDialog.change("ADMIN_REVIEW", "NOT_COMPLETED"));
        // the first status of an enrollment has no predecessor; an unknown stored name is shown as it is
        assertEquals("New → Applied", StatusDialog.change(null, "APPLIED"));
        assertEquals("Active → SUSPENDED", StatusDialog.change("ACTIVE", "SUSPENDED"));
    }
}
