package org.certportal.ui.internal.views;

import javax.security.auth.Subject;

import org.certportal.security.api.SecurityService;
import org.certportal.security.api.SignInFailedException;
import org.certportal.ui.internal.PortalContext;
import org.certportal.ui.internal.PortalSession;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinRequest;

@Route("login")
@PageTitle("Sign in · CertPortal")
public class LoginView extends VerticalLayout implements BeforeEnterObserver {
    private static final long serialVersionUID = 1L;
    private final TextField userName = new TextField("User name");
    private final PasswordField password = new PasswordField("Password");
    private final Paragraph error = new Paragraph();

    public LoginView() {
        setSizeFull();
        setAlignItems(FlexComponent.Alignment.CENTER);
        setJustifyContentMode(FlexComponent.JustifyContentMode.CENTER);
        userName.setId("username");
        userName.setAutofocus(true);
        password.setId("password");
        error.setId("sign-in-error");
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        error.setVisible(false);
        Button signIn = new Button("Sign in", e -> signIn());
        signIn.setId("sign-in");
        signIn.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        signIn.addClickShortcut(Key.ENTER);
        VerticalLayout form = new VerticalLayout(new H1("CertPortal"), userName, password, error, signIn);
        form.setWidth("22em");
        userName.setWidthFull();
        password.setWidthFull();
        add(form);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (PortalSession.isSignedIn()) {
            event.forwardTo(HomeView.class);
        }
    }

    private void signIn() {
        SecurityService security = PortalContext.current().security();
        try {
            VaadinRequest request = VaadinRequest.getCurrent();
            Subject subject = security.signIn(userName.getValue(), password.getValue().toCharArray(),
                    request == null ? null : request.getRemoteAddr());
            PortalSession.signIn(subject, security.sessionIdleTimeout());
            String target = PortalSession.takeTarget();
            // this request began signed out: the page it opens calls services as the new user
            getUI().ifPresent(ui -> security.callAs(subject, () -> {
                ui.navigate(target);
                return null;
            }));
        } catch (SignInFailedException e) {
            error.setText(e.getMessage());
            error.setVisible(true);
            password.clear();
            password.focus();
        }
    }
}
