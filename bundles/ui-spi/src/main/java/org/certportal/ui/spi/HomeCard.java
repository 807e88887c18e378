package org.certportal.ui.spi;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Whiteboard service: one card on the portal's home page, a number that says what is waiting in a
 * feature area and a link to the page where it is dealt with. While it is registered the home page
 * of each user holding {@link #permission()} shows it; it leaves with its bundle, like a menu entry.
 * <p>
 * Like a {@link ViewContribution}, a card is a DS component taking the services it asks as
 * references. {@link #value()} is called on the request thread as the signed-in user, once per
 * visit of the home page: it makes one service call that counts in the database (never loads rows),
 * and the service checks its permission as for any other call.
 *
 * <pre>
 * &#64;Component(service = HomeCard.class)
 * public class ApprovalsCard implements HomeCard {
 *     private final CompletionService completions;
 *
 *     &#64;Activate
 *     public ApprovalsCard(&#64;Reference CompletionService completions) {
 *         this.completions = completions;
 *     }
 *     public String key() { return "approvals-waiting"; }
 *     public String title() { return "Approvals waiting"; }
 *     public String permission() { return CompletionPermissions.APPROVE; }
 *     public String route() { return "approvals"; }
 *     public long value() { return completions.countPending(); }
 * }
 * </pre>
 */
@ConsumerType
public interface HomeCard {

    /**
     * A short name, unique in the portal, in lower-case words joined by '-', e.g.
     * {@code approvals-waiting}; the card's element is {@code card-<key>}.
     */
    String key();

    /** What the number counts, e.g. "Approvals waiting". */
    String title();

    /** The permission a user needs to see the card (usually that of the page it links to). */
    String permission();

    /** The route of the page the card opens, as a {@link ViewContribution#route()}, e.g. {@code approvals}. */
    String route();

    /**
     * The number for the signed-in user, counted by one service call in the database. Throwing
     * (the service is gone, the database fails) leaves the card without a number; the page stays.
     */
    long value();

    /** A line under the number saying what it means or what to do, e.g. "Completions to approve"; may be empty. */
    default String description() {
        return "";
    }

    /** Position on the home page: cards by order, then title. */
    default int order() {
        return 100;
    }
}
