package org.certportal.ui.internal.nav;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.certportal.ui.spi.RegisteredView;
import org.junit.jupiter.api.Test;

class MenuModelTest {
    static RegisteredView v(String route, String title, String group, int order) {
        return new RegisteredView(route, title, "p.q", group, order, "", "C" + route, "b", 1, true, "");
    }

    @Test
    void groupsAreOrderedByTheirFirstViewAndViewsByOrderThenTitle() {
        List<MenuModel.Group> menu = MenuModel.build(List.of(
                v("tracking", "Tracking", "Certification", 30),
                v("programs", "Programs", "Certification", 10),
                v("enrollments", "Enrollments", "Certification", 20),
                v("process-center", "Process Center", "Processes", 5),
                v("credentials", "Bulk credentials", "Student records", 50),
                v("alpha", "Alpha", "Certification", 20)));
        assertEquals(List.of("Processes", "Certification", "Student records"),
                menu.stream().map(MenuModel.Group::title).toList());
        assertEquals(List.of("Programs", "Alpha", "Enrollments", "Tracking"),
                menu.get(1).items().stream().map(RegisteredView::title).toList());
    }

    @Test
    void parameterisedAndRefusedViewsStayOutOfTheMenuAndBlankGroupsAreGeneral() {
        RegisteredView refused = new RegisteredView("x", "X", "p.q", "G", 1, "", "C", "b", 1, false, "taken");
        List<MenuModel.Group> menu = MenuModel.build(List.of(v("programs/:id", "Program", "G", 1), refused,
                v("home2", "Other", " ", 3)));
        assertEquals(1, menu.size());
        assertEquals("General", menu.get(0).title());
        assertEquals("Other", menu.get(0).items().get(0).title());
    }
}
