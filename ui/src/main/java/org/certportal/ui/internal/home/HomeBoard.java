package org.certportal.ui.internal.home;

import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Predicate;

import org.certportal.ui.spi.HomeCard;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cards one user sees on the home page: those whose permission the user holds and whose page is
 * served now, in order, each with its number. A card that cannot count (its service gone, the
 * database failing, the permission withdrawn a moment ago) shows no number; the others still show.
 */
public final class HomeBoard {
    private static final Logger LOG = LoggerFactory.getLogger(HomeBoard.class);
    static final Comparator<HomeCard> ORDER = Comparator.comparingInt(HomeCard::order).thenComparing(HomeCard::title)
            .thenComparing(HomeCard::key);

    /** One card as shown: its number is empty when it could not be counted. */
    public record Shown(String key, String title, String description, String route, OptionalLong value) {
    }

    private HomeBoard() {
    }

    /**
     * @param cards every registered card
     * @param permitted whether the user holds a permission
     * @param served whether a route is served now (a card never links to a missing page)
     */
    public static List<Shown> of(List<HomeCard> cards, Predicate<String> permitted, Predicate<String> served) {
        return cards.stream().filter(c -> permitted.test(c.permission()) && served.test(c.route())).sorted(ORDER)
                .map(HomeBoard::show).toList();
    }

    private static Shown show(HomeCard card) {
        OptionalLong value;
        try {
            value = OptionalLong.of(card.value());
        } catch (RuntimeException e) {
            LOG.info("The home card '{}' could not count: {}", card.key(), e.toString());
            value = OptionalLong.empty();
        }
        String description = card.description() == null ? "" : card.description();
        return new Shown(card.key(), card.title(), description, card.route(), value);
    }
}
