package org.certportal.ui.spi;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Whiteboard service: a button one feature area puts on another area's page, e.g. "Mass certify" on
 * a certification's page, contributed by the mass-certification bundle without the programs bundle
 * knowing it. While it is registered, the pages that show {@link #target()} offer it to users holding
 * {@link #permission()}; it leaves with its bundle, like a menu entry.
 * <p>
 * The hosting page names its target and the subject it shows (an id, as text) and asks the
 * {@link ViewRegistry#actionsOn(String, String)} for its actions; {@link PageActionBar} renders them.
 * Targets offered today:
 * <ul>
 * <li>{@value #PROGRAM}: a certification program's page; the subject is the program id;</li>
 * <li>{@value #PROCESSES}: the Process Center; the subject is empty;</li>
 * <li>{@value #PROCESS_RUN}: one run's details in the Process Center; the subject is the run id.</li>
 * </ul>
 * The action only leads somewhere ({@link #location(String)}); the page it opens, and the services
 * behind it, check the user's permission again.
 *
 * @since 2.3
 */
@ConsumerType
public interface PageAction {
    String PROGRAM = "program";
    String PROCESSES = "processes";
    String PROCESS_RUN = "process-run";

    /**
     * A short name, unique in the portal, in lower-case words joined by '-', e.g.
     * {@code masscert-program}; the button's element id is {@code action-<key>}.
     */
    String key();

    /** The page it is offered on, one of the targets listed above. */
    String target();

    /** The button's text, e.g. "Mass certify". */
    String label();

    /** The permission a user needs to be offered it. */
    String permission();

    /**
     * Where it leads for this subject: a portal location, a route with an optional query string,
     * e.g. {@code masscert?program=12}.
     */
    String location(String subject);

    /**
     * Whether it applies to this subject (e.g. only to runs of one process type, only to finished
     * runs). Called on the request thread as the signed-in user, once per display of the page; one
     * service call at most. The default: always.
     */
    default boolean appliesTo(String subject) {
        return true;
    }

    /** Position among the page's actions: by order, then label. */
    default int order() {
        return 100;
    }
}
