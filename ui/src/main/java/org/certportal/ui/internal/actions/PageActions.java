package org.certportal.ui.internal.actions;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import org.certportal.ui.spi.PageAction;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;
import org.osgi.util.tracker.ServiceTrackerCustomizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tracks the {@link PageAction} services (the whiteboard). An action with a key that is not valid or
 * already taken, or without a target, label or permission, is refused (logged), as a home card is.
 */
public final class PageActions implements ServiceTrackerCustomizer<PageAction, PageAction> {
    private static final Logger LOG = LoggerFactory.getLogger(PageActions.class);
    private static final Pattern KEY = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Comparator<PageAction> ORDER = Comparator.comparingInt(PageAction::order)
            .thenComparing(PageAction::label);

    private final BundleContext context;
    private final Map<Long, PageAction> actions = new ConcurrentHashMap<>();
    private ServiceTracker<PageAction, PageAction> tracker;

    public PageActions(BundleContext context) {
        this.context = context;
    }

    public void open() {
        tracker = new ServiceTracker<>(context, PageAction.class, this);
        tracker.open();
    }

    public void close() {
        if (tracker != null) {
            tracker.close();
        }
    }

    /**
     * The actions on this target that the user may use ({@code permitted} tells by permission) and
     * that apply to the subject, in order.
     */
    public List<PageAction> on(String target, String subject, Predicate<String> permitted) {
        return offered(actions.values(), target, subject, permitted);
    }

    static List<PageAction> offered(Collection<PageAction> all, String target, String subject,
            Predicate<String> permitted) {
        List<PageAction> offered = new ArrayList<>();
        for (PageAction action : all) {
            if (action.target().equals(target) && permitted.test(action.permission()) && applies(action, subject)) {
                offered.add(action);
            }
        }
        offered.sort(ORDER);
        return offered;
    }

    private static boolean applies(PageAction action, String subject) {
        try {
            return action.appliesTo(subject);
        } catch (RuntimeException e) {
            // its service went away or failed: the page stays, without this button
            LOG.debug("Page action {} left out: {}", action.key(), e.toString());
            return false;
        }
    }

    @Override
    public PageAction addingService(ServiceReference<PageAction> ref) {
        PageAction action = context.getService(ref);
        if (action == null) {
            return null;
        }
        String problem = problemOf(action);
        if (problem != null) {
            LOG.warn("Refused a page action of bundle {}: {}", ref.getBundle().getSymbolicName(), problem);
        } else {
            actions.put((Long) ref.getProperty(Constants.SERVICE_ID), action);
        }
        return action;
    }

    @Override
    public void modifiedService(ServiceReference<PageAction> ref, PageAction action) {
        // an action describes itself through its methods
    }

    @Override
    public void removedService(ServiceReference<PageAction> ref, PageAction action) {
        actions.remove((Long) ref.getProperty(Constants.SERVICE_ID));
        context.ungetService(ref);
    }

    /** Why an action cannot be offered, or null. */
    String problemOf(PageAction action) {
        String key = action.key();
        if (key == null || !KEY.matcher(key).matches()) {
            return "key '" + key + "' is not valid: use lower-case words joined by '-'";
        }
        if (actions.values().stream().anyMatch(a -> key.equals(a.key()))) {
            return "key '" + key + "' is already taken";
        }
        if (isBlank(action.target()) || isBlank(action.label()) || isBlank(action.permission())) {
            return "the action '" + key + "' needs a target, a label and a permission";
        }
        return null;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
