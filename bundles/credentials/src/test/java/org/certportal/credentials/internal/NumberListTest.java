package org.certportal.credentials.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class NumberListTest {
    private static final String A = new CredentialNumber("HSD", 2026, 101).toString();
    private static final String B = new CredentialNumber("COA", 2025, 7).toString();

    @Test
    void readsOneOrManyPerLineWithAHeaderEachOnceInOrder() {
        NumberList list = NumberList.parse("credential_number\n" + B + "\r\n" + A.toLowerCase() + ", " + B + ";\n\n");
        assertEquals(List.of(B, A), list.numbers());
        assertTrue(list.ok());
    }

    @Test
    void namesTheLineAndSaysWhenOnlyTheCheckDigitsAreWrong() {
        String typo = A.substring(0, A.length() - 1) + (A.endsWith("0") ? "1" : "0");
        NumberList list = NumberList.parse(A + "\n" + typo + "\nnot-a-number " + B);
        assertEquals(List.of(A, B), list.numbers());
        assertEquals(List.of("Line 2: The check digits of " + typo + " do not match the rest of the number: a"
                + " character is mistyped.", "Line 3: 'not-a-number' is no credential number: it reads like"
                + " HSD-2026-0000042-17."), list.errors());
    }

    @Test
    void aHeaderOnlyCountsOnTheFirstLine() {
        assertEquals(1, NumberList.parse(A + "\nnumber").errors().size());
    }
}
