package org.certportal.ui.internal.views;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.certportal.security.api.Caller;
import org.certportal.security.api.Role;
import org.certportal.ui.internal.MainLayout;
import org.certportal.ui.internal.PortalContext;
import org.certportal.ui.internal.PortalSession;
import org.certportal.ui.internal.home.HomeBoard;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

/**
 * The home page: a greeting and the cards of the installed areas the user may use (what waits,
 * counted now), each opening its page. Cards come and go with their bundles while the page is open.
 */
@Route(value = "", layout = MainLayout.class)
@PageTitle("Home · CertPortal")
public class HomeView extends VerticalLayout {
    private static final long serialVersionUID = 1L;
    private final Div cards = new Div();
    private transient Runnable listener;

    public HomeView() {
        cards.setId("home-cards");
        cards.setWidthFull();
        // cards wrap: as many per row as fit, one per row on a phone
        cards.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "var(--lumo-space-m)");
        PortalSession.caller(PortalContext.current().security()).ifPresent(this::greet);
    }

    private void greet(Caller caller) {
        H2 welcome = new H2("Welcome, " + caller.displayName());
        welcome.setId("welcome");
        String roles = Arrays.stream(Role.values()).filter(caller.roles()::contains).map(Role::title)
                .collect(Collectors.joining(", "));
        add(welcome, new Paragraph("Signed in as " + caller.userName() + " with the role(s) " + roles + "."), cards);
        showCards(caller);
    }

    private void showCards(Caller caller) {
        PortalContext portal = PortalContext.current();
        Set<String> served = portal.routesVisibleTo(caller);
        List<HomeBoard.Shown> shown = HomeBoard.of(portal.cards().all(),
                p -> portal.security().isPermitted(caller, p), served::contains);
        cards.removeAll();
        if (shown.isEmpty()) {
            Paragraph none = new Paragraph("Nothing is waiting for you here yet. The menu lists the areas of the"
                    + " portal you may use; areas appear as your administrator installs them.");
            none.setId("home-no-cards");
            cards.add(none);
            return;
        }
        shown.forEach(s -> cards.add(card(s)));
    }

    private static Anchor card(HomeBoard.Shown s) {
        Span value = new Span(s.value().isPresent() ? String.valueOf(s.value().getAsLong()) : "–");
        value.setId("card-" + s.key() + "-value");
        value.getStyle().set("font-size", "var(--lumo-font-size-xxxl)").set("font-weight", "600")
                .set("line-height", "1.1");
        if (s.value().isEmpty()) {
            value.getElement().setAttribute("title", "Could not be counted just now");
        }
        Span title = new Span(s.title());
        title.getStyle().set("font-weight", "600");
        Div body = new Div(value, title);
        body.getStyle().set("display", "flex").set("flex-direction", "column").set("gap", "var(--lumo-space-xs)");
        if (!s.description().isBlank()) {
            Span description = new Span(s.description());
            description.getStyle().set("font-size", "var(--lumo-font-size-s)")
                    .set("color", "var(--lumo-secondary-text-color)");
            body.add(description);
        }
        Anchor card = new Anchor(s.route(), body);
        card.setId("card-" + s.key());
        card.addClassName("home-card");
        card.getStyle().set("flex", "1 1 14rem").set("max-width", "100%").set("box-sizing", "border-box")
                .set("padding", "var(--lumo-space-m)").set("border-radius", "var(--lumo-border-radius-l)")
                .set("background", "var(--lumo-contrast-5pct)").set("color", "var(--lumo-body-text-color)")
                .set("text-decoration", "none");
        return card;
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        UI ui = event.getUI();
        PortalContext portal = PortalContext.current();
        // a card came or went: count again as the signed-in user (the OSGi thread is nobody)
        listener = () -> ui.access(() -> PortalSession.subject().ifPresent(subject -> portal.security()
                .callAs(subject, () -> {
                    portal.security().callerOf(subject).ifPresent(this::showCards);
                    return null;
                })));
        portal.cards().addListener(listener);
    }

    @Override
    protected void onDetach(DetachEvent event) {
        PortalContext portal = PortalContext.current();
        if (portal != null && listener != null) {
            portal.cards().removeListener(listener);
        }
        super.onDetach(event);
    }
}
