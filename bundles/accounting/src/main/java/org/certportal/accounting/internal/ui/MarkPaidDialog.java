package org.certportal.accounting.internal.ui;

import java.time.LocalDate;
import java.util.function.Consumer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;

/**
 * Confirms marking orders paid, with the day the payment was received (today unless changed, never later).
 * The service's refusal (an order paid meanwhile, a feature not installed) stays in the dialog.
 */
final class MarkPaidDialog extends Dialog {
    private static final long serialVersionUID = 1L;
    final DatePicker paidOn = new DatePicker("Payment received on");
    final Paragraph refusal = new Paragraph();
    final Button confirm = new Button("Mark paid");

    MarkPaidDialog(String question, LocalDate today, Consumer<LocalDate> markPaid) {
        setHeaderTitle("Mark paid");
        paidOn.setId("accounting-paid-on");
        paidOn.setValue(today);
        paidOn.setMax(today);
        paidOn.setRequired(true);
        refusal.setId("accounting-paid-refusal");
        refusal.getStyle().set("color", "var(--lumo-error-text-color)");
        refusal.setVisible(false);
        confirm.setId("accounting-paid-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.addClickListener(e -> {
            if (paidOn.getValue() == null) {
                paidOn.setErrorMessage("Say when the payment was received.");
                paidOn.setInvalid(true);
                return;
            }
            try {
                markPaid.accept(paidOn.getValue());
                close();
            } catch (IllegalArgumentException refused) {
                refusal.setText(refused.getMessage());
                refusal.setVisible(true);
            }
        });
        add(new Paragraph(question), paidOn, refusal);
        getFooter().add(new Button("Cancel", e -> close()), confirm);
    }
}
