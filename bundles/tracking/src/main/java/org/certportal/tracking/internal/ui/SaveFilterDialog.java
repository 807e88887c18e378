package org.certportal.tracking.internal.ui;

import java.util.function.Consumer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.textfield.TextField;

/** Asks for the name to save the current filter under; a filter of the same name is replaced. */
class SaveFilterDialog extends Dialog {
    private static final long serialVersionUID = 1L;

    SaveFilterDialog(Consumer<String> save) {
        setHeaderTitle("Save filter");
        TextField name = new TextField("Name");
        name.setId("save-filter-name");
        name.setWidth("20rem");
        name.setHelperText("Saving under a name you used replaces that filter.");
        add(name);
        Button ok = new Button("Save", e -> {
            try {
                save.accept(name.getValue());
                close();
            } catch (IllegalArgumentException ex) {
                name.setInvalid(true);
                name.setErrorMessage(ex.getMessage());
            }
        });
        ok.setId("save-filter-ok");
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", e -> close()), ok);
    }
}
