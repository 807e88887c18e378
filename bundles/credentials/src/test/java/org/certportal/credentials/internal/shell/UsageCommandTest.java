package org.certportal.credentials.internal.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class UsageCommandTest {

    @Test
    void aLimitOutOfRangeIsRefusedNotReadAsOne() {
        UsageCommand command = new UsageCommand();
        for (int limit : new int[] { -3, 0, 1001 }) {
            command.limit = limit;
            assertEquals("--limit must be between 1 and 1000, not " + limit + ".", assertThrows(
                    IllegalArgumentException.class, command::execute).getMessage());
        }
    }
}
