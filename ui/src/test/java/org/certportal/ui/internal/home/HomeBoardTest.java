package org.certportal.ui.internal.home;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

import org.certportal.ui.spi.HomeCard;
import org.junit.jupiter.api.Test;

class HomeBoardTest {
    static HomeCard card(String key, String permission, String route, int order, LongSupplier value) {
        return new HomeCard() {
            public String key() { return key; }
            public String title() { return "Title " + key; }
            public String permission() { return permission; }
            public String route() { return route; }
            public long value() { return value.getAsLong(); }
            public int order() { return order; }
        };
    }

    @Test
    void showsThePermittedCardsOfServedPagesInOrderEachCountedOnce() {
        AtomicInteger counted = new AtomicInteger();
        AtomicInteger hiddenCounted = new AtomicInteger();
        List<HomeCard> cards = List.of(
                card("runs-active", "process.read", "process-center", 20, () -> { counted.incrementAndGet(); return 3; }),
                card("approvals-waiting", "completions.approve", "approvals", 10, () -> 7),
                card("secret", "audit.read", "audit", 1, () -> hiddenCounted.incrementAndGet()),
                card("orphan", "process.read", "gone", 5, () -> hiddenCounted.incrementAndGet()));
        List<HomeBoard.Shown> shown = HomeBoard.of(cards, Set.of("process.read", "completions.approve")::contains,
                Set.of("process-center", "approvals", "audit")::contains);
        assertEquals(List.of("approvals-waiting", "runs-active"), shown.stream().map(HomeBoard.Shown::key).toList());
        assertEquals(OptionalLong.of(7), shown.get(0).value());
        assertEquals("approvals", shown.get(0).route());
        assertEquals(1, counted.get());
        // a card the user may not see, or whose page is not served, is never counted
        assertEquals(0, hiddenCounted.get());
    }

    @Test
    void aCardThatCannotCountShowsNoNumberAndTheOthersStill() {
        List<HomeBoard.Shown> shown = HomeBoard.of(List.of(
                card("broken", "p", "a", 1, () -> { throw new IllegalStateException("database down"); }),
                card("fine", "p", "a", 2, () -> 0)), p -> true, r -> true);
        assertEquals(OptionalLong.empty(), shown.get(0).value());
        assertEquals(OptionalLong.of(0), shown.get(1).value());
        assertEquals("", shown.get(1).description());
    }

    @Test
    void refusesInvalidOrTakenKeysAndCardsWithoutPermission() {
        HomeCards board = new HomeCards(null);
        assertNull(board.problemOf(card("runs-failed-7-days", "p", "r", 1, () -> 0)));
        assertNotNull(board.problemOf(card("Runs Failed", "p", "r", 1, () -> 0)));
        assertNotNull(board.problemOf(card("x", " ", "r", 1, () -> 0)));
        assertNotNull(board.problemOf(card("x", "p", null, 1, () -> 0)));
    }
}
