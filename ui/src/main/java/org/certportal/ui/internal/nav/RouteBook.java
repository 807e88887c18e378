package org.certportal.ui.internal.nav;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.certportal.ui.spi.RegisteredView;

/**
 * Who owns which route. The first valid contribution of a route gets it; later ones are kept as
 * refused (with the reason) and the oldest of them takes the route over when its owner leaves.
 */
public final class RouteBook {
    private static final Pattern ROUTE = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*(/([a-z0-9]+(-[a-z0-9]+)*|:[a-zA-Z]+\\??))*");
    public static final Comparator<RegisteredView> MENU_ORDER = Comparator.comparingInt(RegisteredView::order)
            .thenComparing(RegisteredView::title).thenComparing(RegisteredView::route);

    private final Set<String> reserved;
    private final Map<Long, RegisteredView> byService = new LinkedHashMap<>();
    private final Map<String, Long> owners = new HashMap<>();

    /** @param reserved routes of the shell itself, never given to a contribution */
    public RouteBook(Set<String> reserved) {
        this.reserved = Set.copyOf(reserved);
    }

    /** What happened to a claim: the view as recorded (active, or refused with a reason). */
    public record Claim(RegisteredView view) {
        public boolean granted() {
            return view.active();
        }
    }

    /** What a release changed: the view that left, and a refused view that now owns the route. */
    public record Release(Optional<RegisteredView> removed, Optional<Long> promotedService,
            Optional<RegisteredView> promoted) {
    }

    public synchronized Claim claim(long serviceId, RegisteredView proposed) {
        String problem = problemOf(proposed);
        if (problem == null && owners.containsKey(proposed.route())) {
            RegisteredView owner = byService.get(owners.get(proposed.route()));
            problem = "route '" + proposed.route() + "' is already served for bundle " + owner.bundle();
        }
        RegisteredView recorded = with(proposed, problem == null, problem == null ? "" : problem);
        byService.put(serviceId, recorded);
        if (recorded.active()) {
            owners.put(recorded.route(), serviceId);
        }
        return new Claim(recorded);
    }

    /** Marks a granted claim refused after all, e.g. when the router would not take the view. */
    public synchronized void refuse(long serviceId, String reason) {
        RegisteredView v = byService.get(serviceId);
        if (v != null) {
            if (v.active()) {
                owners.remove(v.route());
            }
            byService.put(serviceId, with(v, false, reason));
        }
    }

    public synchronized Release release(long serviceId) {
        RegisteredView gone = byService.remove(serviceId);
        if (gone == null || !gone.active()) {
            return new Release(Optional.ofNullable(gone), Optional.empty(), Optional.empty());
        }
        owners.remove(gone.route());
        for (Map.Entry<Long, RegisteredView> e : byService.entrySet()) {
            RegisteredView waiting = e.getValue();
            if (!waiting.active() && waiting.route().equals(gone.route()) && problemOf(waiting) == null) {
                RegisteredView promoted = with(waiting, true, "");
                e.setValue(promoted);
                owners.put(promoted.route(), e.getKey());
                return new Release(Optional.of(gone), Optional.of(e.getKey()), Optional.of(promoted));
            }
        }
        return new Release(Optional.of(gone), Optional.empty(), Optional.empty());
    }

    public synchronized List<RegisteredView> all() {
        List<RegisteredView> views = new ArrayList<>(byService.values());
        views.sort(MENU_ORDER);
        return views;
    }

    public synchronized List<RegisteredView> active() {
        return all().stream().filter(RegisteredView::active).toList();
    }

    /** The permission guarding an active view class, if the class is a contributed view. */
    public synchronized Optional<String> permissionFor(String viewClassName) {
        return byService.values().stream().filter(v -> v.active() && v.viewClassName().equals(viewClassName))
                .map(RegisteredView::permission).findFirst();
    }

    /** The service serving an active view class, if the class is a contributed view. */
    public synchronized Optional<Long> serviceServing(String viewClassName) {
        return byService.entrySet().stream()
                .filter(e -> e.getValue().active() && e.getValue().viewClassName().equals(viewClassName))
                .map(Map.Entry::getKey).findFirst();
    }

    private String problemOf(RegisteredView v) {
        if (v.route() == null || !ROUTE.matcher(v.route()).matches()) {
            return "route '" + v.route() + "' is not valid: use lower-case words joined by '-' and '/'";
        }
        if (reserved.contains(v.route())) {
            return "route '" + v.route() + "' belongs to the portal shell";
        }
        if (v.title() == null || v.title().isBlank()) {
            return "the view has no title";
        }
        if (v.permission() == null || v.permission().isBlank()) {
            return "the view names no permission";
        }
        if (v.viewClassName() == null || v.viewClassName().isBlank()) {
            return "the view has no view class";
        }
        return null;
    }

    private static RegisteredView with(RegisteredView v, boolean active, String reason) {
        return new RegisteredView(v.route(), v.title(), v.permission(), v.group(), v.order(), v.icon(),
                v.viewClassName(), v.bundle(), v.bundleId(), active, reason);
    }
}
