package org.certportal.accounting.internal.ui;

import java.util.function.Consumer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;

/** Confirms cancelling orders with the reason kept on each and in the audit log. */
final class CancelOrdersDialog extends Dialog {
    private static final long serialVersionUID = 1L;
    final TextArea reason = new TextArea("Reason");
    final Button confirm = new Button("Cancel orders");

    CancelOrdersDialog(String question, Consumer<String> cancel) {
        setHeaderTitle("Cancel orders");
        reason.setId("accounting-cancel-reason");
        reason.setWidthFull();
        reason.setMaxLength(500);
        reason.setRequired(true);
        reason.addValueChangeListener(e -> reason.setInvalid(false));
        confirm.setId("accounting-cancel-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        confirm.addClickListener(e -> {
            try {
                cancel.accept(reason.getValue());
                close();
            } catch (IllegalArgumentException refused) {
                reason.setErrorMessage(refused.getMessage());
                reason.setInvalid(true);
            }
        });
        add(new Paragraph(question), reason);
        getFooter().add(new Button("Keep them", e -> close()), confirm);
    }
}
