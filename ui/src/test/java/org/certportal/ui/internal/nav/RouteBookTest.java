package org.certportal.ui.internal.nav;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.certportal.ui.spi.RegisteredView;
import org.junit.jupiter.api.Test;

class RouteBookTest {
    private final RouteBook book = new RouteBook(Set.of("", "login", "access-denied"));

    static RegisteredView view(String route, String bundle) {
        return new RegisteredView(route, "Title " + route, "programs.read", "Programs", 10, "vaadin:file",
                "com.example." + bundle + ".View", bundle, 7, false, "");
    }

    @Test
    void firstClaimWinsAndSecondIsRefusedWithReason() {
        assertTrue(book.claim(1, view("programs", "a")).granted());
        RouteBook.Claim second = book.claim(2, view("programs", "b"));
        assertFalse(second.granted());
        assertEquals("route 'programs' is already served for bundle a", second.view().reason());
        assertEquals(List.of("a"), book.active().stream().map(RegisteredView::bundle).toList());
        assertEquals(2, book.all().size());
    }

    @Test
    void aRefusedClaimTakesOverWhenTheOwnerLeaves() {
        book.claim(1, view("programs", "a"));
        book.claim(2, view("programs", "b"));
        RouteBook.Release release = book.release(1);
        assertEquals("a", release.removed().orElseThrow().bundle());
        assertEquals(Optional.of(2L), release.promotedService());
        assertEquals(List.of("b"), book.active().stream().map(RegisteredView::bundle).toList());
        assertEquals(Optional.of("programs.read"), book.permissionFor("com.example.b.View"));
        assertEquals(Optional.empty(), book.permissionFor("com.example.a.View"));
    }

    @Test
    void theServiceServingAViewClassIsTheRoutesActiveOwner() {
        book.claim(1, view("programs", "a"));
        book.claim(2, view("programs", "b"));
        assertEquals(Optional.of(1L), book.serviceServing("com.example.a.View"));
        assertEquals(Optional.empty(), book.serviceServing("com.example.b.View"), "refused: serves nothing");
        book.release(1);
        assertEquals(Optional.of(2L), book.serviceServing("com.example.b.View"));
        assertEquals(Optional.empty(), book.serviceServing("com.example.a.View"));
    }

    @Test
    void releasingARefusedClaimChangesNothingElse() {
        book.claim(1, view("programs", "a"));
        book.claim(2, view("programs", "b"));
        RouteBook.Release release = book.release(2);
        assertTrue(release.promotedService().isEmpty());
        assertEquals(1, book.all().size());
        assertTrue(book.all().get(0).active());
    }

    @Test
    void invalidOrReservedRoutesAreRefused() {
        assertFalse(book.claim(1, view("login", "a")).granted());
        assertFalse(book.claim(2, view("/programs", "a")).granted());
        assertFalse(book.claim(3, view("Programs", "a")).granted());
        assertFalse(book.claim(4, view("programs//x", "a")).granted());
        assertFalse(book.claim(5, view(null, "a")).granted());
        assertTrue(book.claim(6, view("programs/approvals", "a")).granted());
        assertTrue(book.claim(7, view("programs/:id", "a")).granted());
        assertTrue(book.claim(8, view("mass-certification", "a")).granted());
        assertEquals("route 'login' belongs to the portal shell", book.all().stream()
                .filter(v -> "login".equals(v.route())).findFirst().orElseThrow().reason());
    }

    @Test
    void viewsWithoutPermissionOrTitleAreRefused() {
        RegisteredView noPermission = new RegisteredView("x", "X", " ", "", 1, "", "C", "b", 1, false, "");
        RegisteredView noTitle = new RegisteredView("y", "", "p.q", "", 1, "", "C", "b", 1, false, "");
        assertEquals("the view names no permission", book.claim(1, noPermission).view().reason());
        assertEquals("the view has no title", book.claim(2, noTitle).view().reason());
    }

    @Test
    void aRouterRefusalFreesTheRoute() {
        book.claim(1, view("programs", "a"));
        book.refuse(1, "the router refused it: boom");
        assertTrue(book.active().isEmpty());
        assertTrue(book.claim(2, view("programs", "b")).granted());
    }
}
