package org.certportal.bench.internal.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * Benchmark commands refuse their arguments before they create anything: the commands here have no
 * services at all, so any write before the check would fail with a NullPointerException instead.
 */
class BenchmarkArgumentsTest {

    @Test
    void contactsRefusesANegativePageCountBeforeInserting() {
        ContactsBenchmarkCommand command = new ContactsBenchmarkCommand();
        command.rows = 10;
        command.pages = -1;
        assertEquals("--pages must be at least 1.", assertThrows(IllegalArgumentException.class, command::execute)
                .getMessage());
        command.pages = 1;
        command.rows = 0;
        assertEquals("--rows must be between 1 and 5,000,000.", assertThrows(IllegalArgumentException.class,
                command::execute).getMessage());
    }

    @Test
    void enrollmentsRefusesANegativeEnrollCountBeforeCreatingItsProgram() {
        EnrollmentsBenchmarkCommand command = new EnrollmentsBenchmarkCommand();
        command.enroll = -5;
        assertEquals("--enroll must be between 1 and 1,000,000.", assertThrows(IllegalArgumentException.class,
                command::execute).getMessage());
    }

    @Test
    void completionsRefusesMoreRowsThanOneImportTakesBeforeCreatingPeople() {
        CompletionsBenchmarkCommand command = new CompletionsBenchmarkCommand();
        command.rows = 200_004;
        assertEquals("--rows must be between 4 and 200,000.", assertThrows(IllegalArgumentException.class,
                command::execute).getMessage());
    }
}
