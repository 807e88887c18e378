package org.certportal.ui.spi;

import java.util.Objects;

/**
 * A {@link HomeCard} whose fixed parts are given once, to its constructor; a subclass says only how
 * it counts ({@link #value()}), as {@link BasicViewContribution} does for views.
 *
 * @since 2.2
 */
public abstract class BasicHomeCard implements HomeCard {
    private final String key;
    private final String title;
    private final String description;
    private final String permission;
    private final String route;
    private final int order;

    protected BasicHomeCard(String key, String title, String description, String permission, String route,
            int order) {
        this.key = Objects.requireNonNull(key);
        this.title = Objects.requireNonNull(title);
        this.description = Objects.requireNonNull(description);
        this.permission = Objects.requireNonNull(permission);
        this.route = Objects.requireNonNull(route);
        this.order = order;
    }

    @Override
    public final String key() {
        return key;
    }

    @Override
    public final String title() {
        return title;
    }

    @Override
    public final String description() {
        return description;
    }

    @Override
    public final String permission() {
        return permission;
    }

    @Override
    public final String route() {
        return route;
    }

    @Override
    public final int order() {
        return order;
    }
}
