package org.certportal.tracking.internal.ui;

import java.util.function.Consumer;

import org.certportal.enrollments.api.CertificationStatus;
import org.certportal.tracking.api.DateRange;
import org.certportal.tracking.api.TrackingFilter;
import org.certportal.ui.spi.DateFormats;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

/**
 * "Customize filter": statuses and the enrollment, earned and expiration date ranges, added to the
 * page's name and program conditions; all conditions must hold.
 */
class FilterDialog extends Dialog {
    private static final long serialVersionUID = 1L;
    private final CheckboxGroup<CertificationStatus> statuses = new CheckboxGroup<>("Statuses");
    private final DatePicker enrolledFrom = picker("Enrolled from", "filter-enrolled-from");
    private final DatePicker enrolledTo = picker("to", "filter-enrolled-to");
    private final DatePicker earnedFrom = picker("Earned from", "filter-earned-from");
    private final DatePicker earnedTo = picker("to", "filter-earned-to");
    private final DatePicker expiresFrom = picker("Expires from", "filter-expires-from");
    private final DatePicker expiresTo = picker("to", "filter-expires-to");
    private final Span error = new Span();

    /** @param dates how the organisation writes dates: the conditions' dates are picked in it */
    FilterDialog(TrackingFilter current, Consumer<TrackingFilter> apply, DateFormats dates) {
        for (DatePicker p : new DatePicker[] { enrolledFrom, enrolledTo, earnedFrom, earnedTo, expiresFrom, expiresTo }) {
            dates.localize(p);
        }
        setHeaderTitle("Customize filter");
        setWidth("40rem");
        statuses.setId("filter-statuses");
        statuses.setItems(CertificationStatus.values());
        statuses.setItemLabelGenerator(CertificationStatus::title);
        statuses.setValue(current.statuses());
        set(enrolledFrom, enrolledTo, current.enrolled());
        set(earnedFrom, earnedTo, current.earned());
        set(expiresFrom, expiresTo, current.expires());
        error.setId("filter-error");
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        add(new VerticalLayout(new Span("Every condition must hold. Empty conditions match everything."), statuses,
                new HorizontalLayout(enrolledFrom, enrolledTo), new HorizontalLayout(earnedFrom, earnedTo),
                new HorizontalLayout(expiresFrom, expiresTo), error));
        Button ok = new Button("Apply", e -> {
            try {
                TrackingFilter next = current.withStatuses(statuses.getValue())
                        .withEnrolled(new DateRange(enrolledFrom.getValue(), enrolledTo.getValue()))
                        .withEarned(new DateRange(earnedFrom.getValue(), earnedTo.getValue()))
                        .withExpires(new DateRange(expiresFrom.getValue(), expiresTo.getValue()));
                close();
                apply.accept(next);
            } catch (IllegalArgumentException ex) {
                error.setText(ex.getMessage());
            }
        });
        ok.setId("filter-apply");
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", e -> close()), ok);
    }

    private static DatePicker picker(String label, String id) {
        DatePicker p = new DatePicker(label);
        p.setId(id);
        p.setClearButtonVisible(true);
        return p;
    }

    private static void set(DatePicker from, DatePicker to, DateRange r) {
        from.setValue(r.from());
        to.setValue(r.to());
    }
}
