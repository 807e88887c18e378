package org.certportal.completions.internal.ui;

import java.util.Optional;
import java.util.function.Supplier;

import org.certportal.completions.api.CompletionFile;
import org.certportal.completions.api.CompletionPermissions;
import org.certportal.completions.api.CompletionService;
import org.certportal.completions.api.CompletionStatus;
import org.certportal.completions.api.CompletionStep;
import org.certportal.completions.api.EnrolleeProgress;
import org.certportal.programs.api.Requirement;
import org.certportal.security.api.SecurityService;
import org.certportal.settings.api.OrganisationSettings;
import org.certportal.settings.api.SettingsService;
import org.certportal.ui.spi.DateFormats;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;

/**
 * An enrollee's progress: the requirements in order with their status, files and (rejected) reason;
 * the ones that may be recorded now are buttons opening the record form, the others plain text.
 */
public class CompletionView extends VerticalLayout implements BeforeEnterObserver {
    private static final long serialVersionUID = 1L;
    static final String ROUTE = "completion";
    static final String PARAMETER = "enrollment";
    private final transient CompletionService completions;
    private final transient SecurityService security;
    private final transient Supplier<Optional<SettingsService>> settings;
    private final transient DateFormats dates;
    private final H2 title = new H2("Record completions");
    private final Paragraph summary = new Paragraph();
    private final VerticalLayout steps = new VerticalLayout();
    private long enrollmentId = -1;

    /**
     * @param settings the organisation settings, when their feature is installed (upload limits)
     * @param dates how the organisation writes dates: the steps' dates and the record form's picker
     */
    public CompletionView(CompletionService completions, SecurityService security,
            Supplier<Optional<SettingsService>> settings, DateFormats dates) {
        this.completions = completions;
        this.security = security;
        this.settings = settings;
        this.dates = dates;
        title.setId("completion-title");
        summary.setId("completion-enrollment-status");
        steps.setId("completion-steps");
        steps.setPadding(false);
        add(title, summary, steps);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String id = event.getRouteParameters().get(PARAMETER).orElse("");
        try {
            enrollmentId = Long.parseLong(id);
        } catch (NumberFormatException e) {
            enrollmentId = -1;
        }
        refresh();
    }

    private void refresh() {
        steps.removeAll();
        if (enrollmentId < 0) {
            summary.setText("There is no enrollment here; open one from the enrollments.");
            return;
        }
        EnrolleeProgress p;
        try {
            p = completions.progress(enrollmentId);
        } catch (IllegalArgumentException e) {
            summary.setText(e.getMessage());
            return;
        }
        title.setText(p.contactName() + " in " + p.programName());
        summary.setText("Enrollment status: " + p.enrollment().status().title()
                + (p.enrollment().earnedOn() == null ? "" : " · earned " + dates.date(p.enrollment().earnedOn()))
                + (p.inOrder() ? " · requirements are completed in order" : ""));
        boolean mayRecord = security.isPermitted(CompletionPermissions.RECORD);
        boolean mayDownload = security.isPermitted(CompletionPermissions.READ_FILES);
        for (CompletionStep step : p.steps()) {
            steps.add(row(step, mayRecord, mayDownload));
        }
    }

    private HorizontalLayout row(CompletionStep step, boolean mayRecord, boolean mayDownload) {
        Requirement r = step.requirement();
        int position = r.position();
        String name = position + ". " + r.title();
        HorizontalLayout row = new HorizontalLayout();
        row.setId("requirement-" + position);
        row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        if (step.recordable() && mayRecord) {
            Button record = new Button(name, e -> new RecordDialog(completions, settings(), step, enrollmentId,
                    this::refresh, dates).open());
            record.setId("record-" + position);
            record.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
            row.add(record);
        } else {
            Span text = new Span(name);
            text.setId("requirement-title-" + position);
            row.add(text);
        }
        Span status = new Span(describe(step));
        status.setId("requirement-status-" + position);
        row.add(status);
        if (mayDownload) {
            for (CompletionFile f : step.files()) {
                row.add(StoredFileLink.of(completions, f));
            }
        }
        return row;
    }

    private String describe(CompletionStep step) {
        if (step.completion() == null) {
            return step.status().title();
        }
        var c = step.completion();
        StringBuilder text = new StringBuilder(step.status().title());
        text.append(" · ").append(dates.date(c.completedOn()));
        if (c.grade() != null) {
            text.append(" · grade ").append(c.grade());
        }
        if (step.status() == CompletionStatus.REJECTED && c.reason() != null) {
            text.append(" · rejected by ").append(c.decidedBy()).append(": ").append(c.reason());
        }
        if (step.status() == CompletionStatus.COMPLETE && c.decidedBy() != null) {
            text.append(" · approved by ").append(c.decidedBy());
        }
        return text.toString();
    }

    /** The upload limits; the defaults while the settings feature is away. */
    private OrganisationSettings settings() {
        return settings.get().map(SettingsService::current).orElseGet(OrganisationSettings::defaults);
    }
}
