package org.certportal.programs.internal.ui;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.stream.Stream;

import org.certportal.programs.api.ProgramService;
import org.certportal.programs.internal.ProgramPermissionProvider;
import org.certportal.security.api.Role;
import org.certportal.security.testing.TestSecurity;
import org.junit.jupiter.api.Test;

import com.vaadin.flow.component.Component;

/** The list built from plain objects, as its contribution builds it: what the caller may do decides what it shows. */
class ProgramsViewTest {
    /** Building the view calls no service: the grid asks for its pages once shown. */
    private final ProgramService untouched = (ProgramService) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] { ProgramService.class }, (proxy, method, args) -> {
                throw new AssertionError("the view called " + method.getName() + " while being built");
            });

    private static TestSecurity as(Role role) {
        return new TestSecurity(new ProgramPermissionProvider()).as(role);
    }

    @Test
    void editorsGetTheNewProgramButton() {
        assertTrue(newProgram(new ProgramsView(untouched, as(Role.CERTIFICATION_ADMIN))).isVisible());
    }

    @Test
    void readersDoNot() {
        assertFalse(newProgram(new ProgramsView(untouched, as(Role.STAFF))).isVisible());
    }

    private static Component newProgram(Component view) {
        return descendants(view).filter(c -> c.getId().filter("program-new"::equals).isPresent()).findFirst()
                .orElseThrow();
    }

    private static Stream<Component> descendants(Component c) {
        return Stream.concat(Stream.of(c), c.getChildren().flatMap(ProgramsViewTest::descendants));
    }
}
