package org.certportal.ui.internal.home;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.certportal.ui.spi.HomeCard;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;
import org.osgi.util.tracker.ServiceTrackerCustomizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tracks the {@link HomeCard} services (the whiteboard) and tells the open home pages when cards
 * come and go. A card with a key that is not valid or already taken is refused (logged), as a view
 * on a taken route is.
 */
public final class HomeCards implements ServiceTrackerCustomizer<HomeCard, HomeCard> {
    private static final Logger LOG = LoggerFactory.getLogger(HomeCards.class);
    private static final Pattern KEY = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private final BundleContext context;
    private final Map<Long, HomeCard> cards = new ConcurrentHashMap<>();
    private final Set<Runnable> listeners = ConcurrentHashMap.newKeySet();
    private ServiceTracker<HomeCard, HomeCard> tracker;

    public HomeCards(BundleContext context) {
        this.context = context;
    }

    public void open() {
        tracker = new ServiceTracker<>(context, HomeCard.class, this);
        tracker.open();
    }

    public void close() {
        listeners.clear();
        if (tracker != null) {
            tracker.close();
        }
    }

    /** The cards registered now, refused ones left out. */
    public List<HomeCard> all() {
        return new ArrayList<>(cards.values());
    }

    /** An open home page: told (on the OSGi thread) that cards came or went. */
    public void addListener(Runnable listener) {
        listeners.add(listener);
    }

    public void removeListener(Runnable listener) {
        listeners.remove(listener);
    }

    @Override
    public HomeCard addingService(ServiceReference<HomeCard> ref) {
        HomeCard card = context.getService(ref);
        if (card == null) {
            return null;
        }
        String problem = problemOf(card);
        if (problem != null) {
            LOG.warn("Refused a home card of bundle {}: {}", ref.getBundle().getSymbolicName(), problem);
        } else {
            cards.put((Long) ref.getProperty(Constants.SERVICE_ID), card);
            fire();
        }
        return card;
    }

    @Override
    public void modifiedService(ServiceReference<HomeCard> ref, HomeCard card) {
        // a card describes itself through its methods
    }

    @Override
    public void removedService(ServiceReference<HomeCard> ref, HomeCard card) {
        if (cards.remove((Long) ref.getProperty(Constants.SERVICE_ID)) != null) {
            fire();
        }
        context.ungetService(ref);
    }

    /** Why a card cannot be shown, or null. */
    String problemOf(HomeCard card) {
        String key = card.key();
        if (key == null || !KEY.matcher(key).matches()) {
            return "key '" + key + "' is not valid: use lower-case words joined by '-'";
        }
        if (cards.values().stream().anyMatch(c -> key.equals(c.key()))) {
            return "key '" + key + "' is already taken";
        }
        if (card.title() == null || card.title().isBlank() || card.permission() == null || card.permission().isBlank()
                || card.route() == null || card.route().isBlank()) {
            return "the card '" + key + "' needs a title, a permission and a route";
        }
        return null;
    }

    private void fire() {
        for (Runnable l : listeners) {
            try {
                l.run();
            } catch (RuntimeException e) {
                // a home page whose session has ended
                LOG.debug("Dropping a home page listener: {}", e.toString());
                listeners.remove(l);
            }
        }
    }
}
