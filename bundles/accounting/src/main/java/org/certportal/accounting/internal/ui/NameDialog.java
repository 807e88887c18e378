package org.certportal.accounting.internal.ui;

import java.util.function.Consumer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.textfield.TextField;

/** Asks for a new batch's name; a refusal (a name taken) stays beside the field and the dialog stays open. */
final class NameDialog extends Dialog {
    private static final long serialVersionUID = 1L;
    final TextField name = new TextField("Name");
    final Button create = new Button("Create batch");

    NameDialog(Consumer<String> createBatch) {
        setHeaderTitle("New batch");
        name.setId("accounting-new-batch-name");
        name.setPlaceholder("e.g. Fees July 2026");
        name.setWidthFull();
        name.setMaxLength(100);
        name.addValueChangeListener(e -> name.setInvalid(false));
        create.setId("accounting-new-batch-create");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickListener(e -> {
            try {
                createBatch.accept(name.getValue());
                close();
            } catch (IllegalArgumentException refused) {
                name.setErrorMessage(refused.getMessage());
                name.setInvalid(true);
            }
        });
        add(name);
        getFooter().add(new Button("Cancel", e -> close()), create);
    }
}
