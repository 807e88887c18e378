package org.certportal.credentials.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

class CredentialNumberTest {

    @Test
    void printsPrefixYearSequenceAndCheckDigitsThatParseBack() {
        CredentialNumber n = new CredentialNumber("HSD", 2026, 42);
        String text = n.toString();
        assertTrue(text.matches("HSD-2026-0000042-\\d\\d"), text);
        assertEquals(Optional.of(n), CredentialNumber.parse(text));
        assertEquals(Optional.of(n), CredentialNumber.parse("  " + text.toLowerCase() + " "));
    }

    @Test
    void checkDigitsFollowIso7064Mod97() {
        // the body's letters and digits with A=10 ... followed by the check digits leave 1 modulo 97
        String text = new CredentialNumber("HSE", 2027, 1234567).toString();
        StringBuilder digits = new StringBuilder();
        for (char c : text.replace("-", "").toCharArray()) {
            digits.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
        }
        assertEquals(1, new java.math.BigInteger(digits.toString()).mod(java.math.BigInteger.valueOf(97)).intValue());
    }

    @Test
    void everySingleMistypedCharacterIsCaught() {
        for (long seq : new long[] {1, 42, 999_999, 1_234_567, 12_345_678}) {
            String text = new CredentialNumber("COA", 2026, seq).toString();
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '-') {
                    continue;
                }
                String alphabet = Character.isDigit(c) ? "0123456789" : "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
                for (char other : alphabet.toCharArray()) {
                    if (other != c) {
                        String typo = text.substring(0, i) + other + text.substring(i + 1);
                        assertEquals(Optional.empty(), CredentialNumber.parse(typo), typo + " from " + text);
                    }
                }
            }
        }
    }

    @Test
    void swappedNeighbouringDigitsAreCaught() {
        String text = new CredentialNumber("HSD", 2026, 9_081_726).toString();
        for (int i = 0; i + 1 < text.length(); i++) {
            char a = text.charAt(i);
            char b = text.charAt(i + 1);
            if (a != b && a != '-' && b != '-') {
                String swapped = text.substring(0, i) + b + a + text.substring(i + 2);
                assertEquals(Optional.empty(), CredentialNumber.parse(swapped), swapped);
            }
        }
    }

    @Test
    void refusesWhatIsNoNumber() {
        for (String bad : new String[] {null, "", "HSD-2026-42-00", "H-2026-0000042-00", "HSD-26-0000042-00",
                "HSD2026000004200", "HSD-2026-0000042"}) {
            assertEquals(Optional.empty(), CredentialNumber.parse(bad), String.valueOf(bad));
        }
        assertThrows(IllegalArgumentException.class, () -> new CredentialNumber("hsd", 2026, 1));
        assertThrows(IllegalArgumentException.class, () -> new CredentialNumber("HSD", 2026, 0));
    }

    @Test
    void blocksHandOutEveryNumberOnceAndAskTheDatabaseOncePerBlock() throws Exception {
        long[] sequence = {0};
        List<Long> asked = new ArrayList<>();
        NumberBlocks.Source source = () -> {
            sequence[0] += NumberBlocks.BLOCK_SIZE;
            asked.add(sequence[0]);
            return sequence[0];
        };
        NumberBlocks blocks = new NumberBlocks();
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < 250; i++) {
            assertTrue(seen.add(blocks.next(source)), "no number twice");
        }
        assertEquals(List.of(100L, 200L, 300L), asked, "three database round trips for 250 numbers");
        assertEquals(1, seen.stream().mapToLong(Long::longValue).min().orElseThrow());
        assertEquals(250, seen.stream().mapToLong(Long::longValue).max().orElseThrow());
    }

    @Test
    void anotherPortalsBlocksAreNeverReused() throws Exception {
        long[] sequence = {0};
        NumberBlocks.Source shared = () -> sequence[0] += NumberBlocks.BLOCK_SIZE;
        NumberBlocks first = new NumberBlocks();
        NumberBlocks second = new NumberBlocks();
        assertEquals(1, first.next(shared));
        assertEquals(101, second.next(shared), "the second portal gets the next block");
        assertEquals(2, first.next(shared));
        // a portal restarting loses the rest of its block: a gap, never a number given twice
        NumberBlocks restarted = new NumberBlocks();
        assertEquals(201, restarted.next(shared));
    }

    @Test
    void reservedBlocksAreAskedForInOneCallAndHandedOutBeforeAnyOther() throws Exception {
        long[] sequence = {0};
        List<Integer> calls = new ArrayList<>();
        NumberBlocks.Sources several = n -> {
            calls.add(n);
            List<Long> ends = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                ends.add(sequence[0] += NumberBlocks.BLOCK_SIZE);
            }
            return ends;
        };
        NumberBlocks.Source one = () -> {
            throw new AssertionError("a reserved number needs no round trip");
        };
        NumberBlocks blocks = new NumberBlocks();
        blocks.reserve(250, several);
        blocks.reserve(250, several);
        assertEquals(List.of(3), calls, "three blocks in one call; asking again for what is at hand asks nothing");
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < 250; i++) {
            assertTrue(seen.add(blocks.next(one)), "no number twice");
        }
        assertEquals(250, seen.stream().mapToLong(Long::longValue).max().orElseThrow());
        blocks.reserve(120, several);
        assertEquals(List.of(3, 1), calls, "50 left in the third block: one more block for 120");
        assertEquals(251, blocks.next(one), "the rest of the current block first");
        assertThrows(IllegalStateException.class, () -> blocks.reserve(1000, n -> List.of(7L)));
    }

    @Test
    void aSequenceNotCountingInBlocksIsRefused() {
        NumberBlocks blocks = new NumberBlocks();
        assertThrows(IllegalStateException.class, () -> blocks.next(() -> 7));
    }
}
