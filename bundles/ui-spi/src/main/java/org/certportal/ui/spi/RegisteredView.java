package org.certportal.ui.spi;

/**
 * A contribution as the portal shell holds it.
 *
 * @param active false when the route was refused; {@code reason} then says why
 */
public record RegisteredView(String route, String title, String permission, String group, int order, String icon,
        String viewClassName, String bundle, long bundleId, boolean active, String reason) {

    /** Whether the view takes route parameters, and so has no menu entry of its own. */
    public boolean hasParameters() {
        return route.contains(":");
    }
}
