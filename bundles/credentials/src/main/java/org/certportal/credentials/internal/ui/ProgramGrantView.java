package org.certportal.credentials.internal.ui;

import java.util.Optional;

import org.certportal.credentials.api.CredentialService;
import org.certportal.credentials.api.CredentialType;
import org.certportal.credentials.api.ProgramGrant;
import org.certportal.ui.spi.DateFormats;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;

/**
 * A program's option "grants a credential type": the type, the school or authority named on the achieved
 * credentials, and from which earned date earnings count. Saving or removing goes through the credential
 * service, which checks the permission and every field.
 */
public class ProgramGrantView extends VerticalLayout implements BeforeEnterObserver {
    private static final long serialVersionUID = 1L;
    static final String ROUTE_PREFIX = "credentials/program/";
    static final String PROGRAM_PARAMETER = "program";

    private final transient CredentialService credentials;
    private final transient DateFormats dates;
    private long programId = -1;

    final H2 title = new H2("Credential granted");
    final Paragraph explanation = new Paragraph("Each contact who earns an enrollment in this program (on or after"
            + " the date below) achieves the credential; it is then awarded, numbered and ordered with the others on"
            + " the Credentials page.");
    final Paragraph current = new Paragraph();
    final ComboBox<CredentialType> type = new ComboBox<>("Credential type");
    final TextField body = new TextField("School or authority (code)");
    final DatePicker earnedFrom = new DatePicker("Earned on or after");
    final Button save = new Button("Save");
    final Button remove = new Button("Grant none");
    final Paragraph message = new Paragraph();

    /** @param dates how the organisation writes dates: the earned-from picker and the current grant */
    public ProgramGrantView(CredentialService credentials, DateFormats dates) {
        this.credentials = credentials;
        this.dates = dates;
        dates.localize(earnedFrom);
        type.setId("grant-type");
        type.setItemLabelGenerator(t -> t.code() + " " + t.name());
        body.setId("grant-body");
        earnedFrom.setId("grant-earned-from");
        current.setId("grant-current");
        message.setId("grant-message");
        save.setId("grant-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save());
        remove.setId("grant-remove");
        remove.addClickListener(e -> remove());
        Button back = new Button("Back to the program", e -> getUI().ifPresent(ui -> ui.navigate("programs/"
                + programId)));
        back.setId("grant-back");
        back.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        add(back, title, explanation, current, new FormLayout(type, body, earnedFrom),
                new HorizontalLayout(save, remove), message);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        try {
            programId = Long.parseLong(event.getRouteParameters().get(PROGRAM_PARAMETER).orElse(""));
        } catch (NumberFormatException e) {
            programId = -1;
        }
        show();
    }

    void show(long program) {
        programId = program;
        show();
    }

    private void show() {
        type.setItems(credentials.types());
        Optional<ProgramGrant> grant = credentials.programGrant(programId);
        title.setText("Credential granted by program " + programId);
        current.setText(grant.map(g -> "Earning it gives " + g.type().code() + " " + g.type().name() + " from "
                + g.issuingBodyCode() + " (earned on or after " + dates.date(g.earnedFrom()) + ").")
                .orElse("Earning it gives no credential."));
        type.setValue(grant.map(ProgramGrant::type).orElse(null));
        body.setValue(grant.map(ProgramGrant::issuingBodyCode).orElse(""));
        earnedFrom.setValue(grant.map(ProgramGrant::earnedFrom).orElse(null));
        remove.setEnabled(grant.isPresent());
    }

    void save() {
        try {
            ProgramGrant g = credentials.grantFromProgram(programId, type.getValue() == null ? null
                    : type.getValue().code(), body.getValue(), earnedFrom.getValue());
            show();
            message.setText("Saved: earning the program gives " + g.type().code() + ".");
        } catch (IllegalArgumentException e) {
            message.setText(e.getMessage());
        }
    }

    void remove() {
        credentials.removeProgramGrant(programId);
        show();
        message.setText("Earning the program gives no credential now; the credentials it gave stay.");
    }
}
