package org.certportal.enrollments.internal.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Enrolling from the Enrollee page asks first: nothing is enrolled before Enroll, and on the date chosen. */
class EnrollConfirmDialogTest {
    private final List<LocalDate> enrolled = new ArrayList<>();
    private int done;

    @Test
    void enrollsOnTheChosenDateOnlyWhenConfirmed() {
        EnrollConfirmDialog dialog = new EnrollConfirmDialog("Jane Doe (D1-1)", "Safety (SAF-1)",
                LocalDate.of(2026, 12, 2), on -> { enrolled.add(on); return null; }, () -> done++);
        assertEquals(LocalDate.of(2026, 12, 2), dialog.enrolledOn.getValue(), "today by default");
        assertTrue(enrolled.isEmpty(), "opening asks, it does not enroll");
        dialog.enrolledOn.setValue(LocalDate.of(2026, 11, 30));
        dialog.confirm.click();
        assertEquals(List.of(LocalDate.of(2026, 11, 30)), enrolled);
        assertEquals(1, done);
    }

    @Test
    void recordingAnApplicationAsksForItsDateInItsOwnWords() {
        EnrollConfirmDialog dialog = new EnrollConfirmDialog(EnrollConfirmDialog.Wording.APPLICATION, "Jane Doe",
                "Safety (SAF-1)", LocalDate.of(2026, 12, 2), on -> { enrolled.add(on); return null; }, () -> done++);
        assertEquals("Applied on", dialog.enrolledOn.getLabel());
        assertEquals("Record application", dialog.confirm.getText());
        dialog.enrolledOn.setValue(null);
        dialog.confirm.click();
        assertEquals("Choose the date of the application.", dialog.enrolledOn.getErrorMessage());
        dialog.enrolledOn.setValue(LocalDate.of(2026, 11, 20));
        dialog.confirm.click();
        assertEquals(List.of(LocalDate.of(2026, 11, 20)), enrolled);
        assertEquals(1, done);
    }

    @Test
    void aRefusalOrAMissingDateStaysBesideTheDate() {
        EnrollConfirmDialog dialog = new EnrollConfirmDialog("Jane Doe", "Safety (SAF-1)", LocalDate.of(2026, 12, 2),
                on -> "The enrollment date must not lie in the future.", () -> done++);
        dialog.confirm.click();
        assertTrue(dialog.enrolledOn.isInvalid());
        assertEquals("The enrollment date must not lie in the future.", dialog.enrolledOn.getErrorMessage());
        dialog.enrolledOn.setValue(null);
        assertFalse(dialog.enrolledOn.isInvalid(), "the message goes with the change");
        dialog.confirm.click();
        assertEquals("Choose the date the enrollment starts.", dialog.enrolledOn.getErrorMessage());
        assertEquals(0, done);
    }
}
