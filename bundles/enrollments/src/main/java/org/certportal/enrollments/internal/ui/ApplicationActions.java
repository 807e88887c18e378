package org.certportal.enrollments.internal.ui;

import java.util.List;

import org.certportal.enrollments.api.Application;
import org.certportal.enrollments.api.ApplicationService;
import org.certportal.enrollments.api.ApplicationStatus;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;

/**
 * The decide buttons of one application, for the Enrollee page and the Applications list: those its
 * status allows, for users who may decide. Under review is one click; approving, rejecting and
 * withdrawing ask first ({@link DecideDialog}).
 */
final class ApplicationActions {
    private ApplicationActions() {
    }

    /** The decisions an application in this status offers, in the order the buttons show them. */
    static List<ApplicationStatus> offered(ApplicationStatus from) {
        return switch (from) {
        case SUBMITTED -> List.of(ApplicationStatus.UNDER_REVIEW, ApplicationStatus.APPROVED,
                ApplicationStatus.REJECTED, ApplicationStatus.WITHDRAWN);
        case UNDER_REVIEW -> List.of(ApplicationStatus.APPROVED, ApplicationStatus.REJECTED,
                ApplicationStatus.WITHDRAWN);
        default -> List.of();
        };
    }

    /**
     * Decides with the service; answers null when done, or the sentence of the refusal (bad input, a
     * stale version) for the dialog.
     */
    static String decide(ApplicationService service, Application a, ApplicationStatus to, String reason) {
        try {
            service.decide(a.id(), a.version(), to, reason);
            return null;
        } catch (IllegalArgumentException | java.util.ConcurrentModificationException refused) {
            return refused.getMessage();
        }
    }

    /** @param mayDecide the caller holds the right to edit enrollments; otherwise no buttons */
    static Component buttons(ApplicationService service, Application a, boolean mayDecide, Runnable changed) {
        HorizontalLayout bar = new HorizontalLayout();
        bar.setSpacing(false);
        bar.getStyle().set("gap", "var(--lumo-space-xs)").set("flex-wrap", "wrap");
        if (!mayDecide) {
            return bar;
        }
        for (ApplicationStatus to : offered(a.status())) {
            Button b = new Button(DecideDialog.verb(to));
            b.setId("application-" + a.id() + "-" + to.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
            b.addThemeVariants(ButtonVariant.LUMO_SMALL, to == ApplicationStatus.APPROVED ? ButtonVariant.LUMO_PRIMARY
                    : ButtonVariant.LUMO_TERTIARY);
            if (to == ApplicationStatus.UNDER_REVIEW) {
                b.addClickListener(e -> {
                    String refused = decide(service, a, to, null);
                    Notification.show(refused == null ? a.contactName() + "'s application is under review." : refused,
                            5000, Notification.Position.BOTTOM_START);
                    changed.run();
                });
            } else {
                b.addClickListener(e -> new DecideDialog(a, to, reason -> decide(service, a, to, reason), () -> {
                    Notification.show(a.contactName() + "'s application: " + to.title().toLowerCase(
                            java.util.Locale.ROOT) + ".", 5000, Notification.Position.BOTTOM_START);
                    changed.run();
                }).open());
            }
            bar.add(b);
        }
        return bar;
    }
}
