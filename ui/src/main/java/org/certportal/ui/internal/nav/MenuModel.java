package org.certportal.ui.internal.nav;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.certportal.ui.spi.RegisteredView;

/** The navigation menu: groups ordered by their first view, views by order then title. */
public final class MenuModel {

    public record Group(String title, List<RegisteredView> items) {
    }

    private MenuModel() {
    }

    /** Builds the menu from the views the user may open; views with route parameters are left out. */
    public static List<Group> build(List<RegisteredView> visible) {
        Map<String, List<RegisteredView>> byGroup = new LinkedHashMap<>();
        visible.stream().filter(v -> v.active() && !v.hasParameters()).sorted(RouteBook.MENU_ORDER)
                .forEach(v -> byGroup.computeIfAbsent(groupTitle(v), g -> new ArrayList<>()).add(v));
        List<Group> groups = new ArrayList<>();
        byGroup.forEach((title, items) -> groups.add(new Group(title, List.copyOf(items))));
        groups.sort(Comparator.comparingInt((Group g) -> g.items().get(0).order()).thenComparing(Group::title));
        return groups;
    }

    private static String groupTitle(RegisteredView v) {
        return v.group() == null || v.group().isBlank() ? "General" : v.group();
    }
}
