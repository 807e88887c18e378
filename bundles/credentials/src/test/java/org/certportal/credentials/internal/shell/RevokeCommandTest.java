package org.certportal.credentials.internal.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.certportal.credentials.internal.CredentialNumber;
import org.certportal.process.api.ParameterDefinition;
import org.junit.jupiter.api.Test;

class RevokeCommandTest {
    @Test
    void aLongListRunsInBatchesThatEachFitTheParameterAndKeepTheOrder() {
        List<String> numbers = new ArrayList<>();
        for (int i = 1; i <= 120; i++) {
            numbers.add(new CredentialNumber("HSD", 2026, i).toString());
        }
        List<List<String>> batches = RevokeCommand.batches(numbers);
        assertTrue(batches.size() >= 3, "120 numbers of 19 characters do not fit in two");
        for (List<String> b : batches) {
            assertTrue(String.join(",", b).length() <= ParameterDefinition.MAX_LENGTH);
        }
        assertEquals(numbers, batches.stream().flatMap(List::stream).toList());
        assertEquals(List.of(List.of(numbers.get(0))), RevokeCommand.batches(numbers.subList(0, 1)));
    }
}
