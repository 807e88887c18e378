package org.certportal.process.internal.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;

/** Shell arguments are checked as given: an impossible value is refused, never quietly changed. */
class ShellArgumentsTest {
    @Test
    void scheduleTimesMustExistOnTheCalendar() {
        assertEquals(LocalDateTime.of(2028, 2, 29, 9, 30), ScheduleCommand.when("2028-02-29 09:30"));
        assertEquals(LocalDateTime.of(2030, 3, 1, 0, 0), ScheduleCommand.when(" 2030-03-01 "));
        assertEquals("Give the time as yyyy-MM-dd HH:mm, not '2030-02-30 10:00'.",
                assertThrows(IllegalArgumentException.class, () -> ScheduleCommand.when("2030-02-30 10:00"))
                        .getMessage());
        assertThrows(IllegalArgumentException.class, () -> ScheduleCommand.when("2029-02-29"));
        assertThrows(IllegalArgumentException.class, () -> ScheduleCommand.when("2030-01-01 24:00"));
    }
}
