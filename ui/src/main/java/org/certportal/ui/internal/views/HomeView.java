package org.certportal.ui.internal.views;

import java.util.Arrays;
import java.util.stream.Collectors;

import org.certportal.security.api.Caller;
import org.certportal.security.api.Role;
import org.certportal.ui.internal.MainLayout;
import org.certportal.ui.internal.PortalContext;
import org.certportal.ui.internal.PortalSession;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

@Route(value = "", layout = MainLayout.class)
@PageTitle("Home · CertPortal")
public class HomeView extends VerticalLayout {
    private static final long serialVersionUID = 1L;

    public HomeView() {
        PortalSession.caller(PortalContext.current().security()).ifPresent(this::greet);
    }

    private void greet(Caller caller) {
        H2 welcome = new H2("Welcome, " + caller.displayName());
        welcome.setId("welcome");
        String roles = Arrays.stream(Role.values()).filter(caller.roles()::contains).map(Role::title)
                .collect(Collectors.joining(", "));
        add(welcome, new Paragraph("Signed in as " + caller.userName() + " with the role(s) " + roles + "."),
                new Paragraph("The menu lists the areas of the portal you may use. Areas appear as your"
                        + " administrator installs them."));
    }
}
