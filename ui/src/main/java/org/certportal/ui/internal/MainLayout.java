package org.certportal.ui.internal;

import java.util.Optional;
import java.util.Set;

import org.certportal.security.api.Caller;
import org.certportal.ui.internal.nav.MenuModel;
import org.certportal.ui.internal.views.HomeView;
import org.certportal.ui.spi.RegisteredView;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Nav;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.RouterLink;

/**
 * The portal frame: header with the signed-in user and sign-out, and a menu built only from the
 * views contributed by feature bundles that the user may open. The menu follows bundles coming and
 * going while the page is open.
 */
public class MainLayout extends AppLayout implements AfterNavigationObserver {
    private static final long serialVersionUID = 1L;
    private final Nav menu = new Nav();
    private final Span user = new Span();
    private transient ViewWhiteboard.Listener listener;

    public MainLayout() {
        H1 title = new H1("CertPortal");
        title.getStyle().set("font-size", "var(--lumo-font-size-l)").set("margin", "0");
        user.setId("current-user");
        Button signOut = new Button("Sign out", e -> PortalSession.signOut(UI.getCurrent()));
        signOut.setId("sign-out");
        signOut.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        HorizontalLayout header = new HorizontalLayout(new DrawerToggle(), title, user, signOut);
        header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        header.expand(title);
        header.setWidthFull();
        header.getStyle().set("padding-right", "var(--lumo-space-m)");
        addToNavbar(header);
        // a phone's 390 px: the user's name shrinks with an ellipsis instead of pushing the header wider
        user.getStyle().set("min-width", "0").set("overflow", "hidden").set("text-overflow", "ellipsis")
                .set("white-space", "nowrap");
        title.getStyle().set("white-space", "nowrap");
        menu.setId("menu");
        menu.getStyle().set("padding", "var(--lumo-space-s) var(--lumo-space-m)").set("box-sizing", "border-box");
        addToDrawer(menu);
        setPrimarySection(Section.DRAWER);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        UI ui = event.getUI();
        listener = removed -> ui.access(() -> viewsChanged(ui, removed));
        PortalContext.current().views().addListener(listener);
    }

    @Override
    protected void onDetach(DetachEvent event) {
        PortalContext portal = PortalContext.current();
        if (portal != null && listener != null) {
            portal.views().removeListener(listener);
        }
        super.onDetach(event);
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        rebuild();
    }

    private void viewsChanged(UI ui, Set<String> removedViewClasses) {
        Component content = getContent();
        if (content != null && removedViewClasses.contains(content.getClass().getName())) {
            ui.navigate(HomeView.class);
            Notification note = Notification.show("The page you were on has been removed from the portal.", 8000,
                    Notification.Position.TOP_CENTER);
            note.setId("view-removed-note");
        }
        rebuild();
    }

    private void rebuild() {
        PortalContext portal = PortalContext.current();
        Optional<Caller> caller = PortalSession.caller(portal.security());
        user.setText(caller.map(c -> c.displayName() + " (" + c.userName() + ")").orElse(""));
        menu.removeAll();
        RouterLink home = new RouterLink("Home", HomeView.class);
        home.setId("nav-home");
        menu.add(home);
        if (caller.isEmpty()) {
            return;
        }
        for (MenuModel.Group group : MenuModel.build(portal.views().visibleTo(caller.get()))) {
            Span label = new Span(group.title());
            label.getStyle().set("display", "block").set("margin-top", "var(--lumo-space-m)")
                    .set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)");
            menu.add(label);
            for (RegisteredView v : group.items()) {
                menu.add(link(v));
            }
        }
    }

    private static Component link(RegisteredView v) {
        RouterLink link = new RouterLink();
        link.getElement().setAttribute("href", v.route());
        link.setId("nav-" + v.route().replace('/', '-'));
        // "collection:name", e.g. vaadin:users; a bare name is a Vaadin icon
        String[] parts = v.icon().split(":", 2);
        Icon icon = parts.length == 2 ? new Icon(parts[0], parts[1]) : new Icon("vaadin", parts[0]);
        icon.setSize("var(--lumo-icon-size-s)");
        icon.getStyle().set("margin-right", "var(--lumo-space-s)");
        link.add(icon, new Span(v.title()));
        Div row = new Div(link);
        row.getStyle().set("padding", "var(--lumo-space-xs) 0");
        return row;
    }
}
