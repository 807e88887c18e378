package org.certportal.programs.internal.ui;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

import org.certportal.programs.api.Offering;
import org.certportal.programs.api.OfferingDraft;
import org.certportal.programs.api.Program;
import org.certportal.programs.api.ProgramDraft;
import org.certportal.programs.api.ProgramPermissions;
import org.certportal.programs.api.ProgramService;
import org.certportal.programs.api.ProgramStatus;
import org.certportal.programs.api.Requirement;
import org.certportal.programs.api.RuleChangeImpact;
import org.certportal.security.api.SecurityService;
import org.certportal.ui.spi.DateFormats;
import org.certportal.ui.spi.PageAction;
import org.certportal.ui.spi.PageActionBar;
import org.certportal.ui.spi.ViewRegistry;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;

/**
 * One program: its options, status actions, requirements in order with their offerings. A rule
 * change that would start a new rule version is confirmed first, saying who stays on the old one.
 * Users without {@link ProgramPermissions#EDIT} see everything read-only and no edit buttons.
 */
public class ProgramEditorView extends VerticalLayout implements BeforeEnterObserver {
    private static final long serialVersionUID = 1L;
    static final String ID_PARAMETER = "id";
    static final String NEW = "new";
    static final String NEW_LOCATION = ProgramEditorContribution.ROUTE + "/" + NEW;

    private final transient ProgramService programs;
    private final boolean mayEdit;
    private final H2 title = new H2();
    private final Span status = new Span();
    private final Span ruleVersion = new Span();
    private final Button activate = new Button("Activate");
    private final Button deactivate = new Button("Make inactive");
    private final Button retire = new Button("Retire");
    private final PageActionBar contributed;
    private final ProgramForm form = new ProgramForm();
    private final H3 requirementsTitle = new H3("Requirements");
    private final VerticalLayout requirementList = new VerticalLayout();
    private final Button addRequirement = new Button("Add requirement");
    private final Paragraph message = new Paragraph();
    private final Dialog requirementDialog = new Dialog();
    private final RequirementForm requirementForm = new RequirementForm();
    private final Dialog offeringDialog = new Dialog();
    private final TextField offeringTitle = new TextField("Title");
    private final DatePicker offeringDate = new DatePicker("Date");
    private final transient DateFormats dates;
    private final TextField offeringLocation = new TextField("Location");
    private Program program;
    private Requirement editingRequirement;
    private long offeringRequirementId;

    static String location(long programId) {
        return ProgramEditorContribution.ROUTE + "/" + programId;
    }

    /** @param dates how the organisation writes dates: offering dates are shown and picked in it */
    public ProgramEditorView(ProgramService programs, SecurityService security,
            Supplier<Optional<ViewRegistry>> views, DateFormats dates) {
        this.programs = programs;
        this.dates = dates;
        dates.localize(offeringDate);
        // other areas' buttons for this program, e.g. "Mass certify"
        this.contributed = new PageActionBar(views, PageAction.PROGRAM);
        contributed.setId("program-contributed-actions");
        mayEdit = security.isPermitted(ProgramPermissions.EDIT);
        title.setId("program-title");
        status.setId("program-status");
        status.getElement().getThemeList().add("badge");
        activate.setId("program-activate");
        activate.addClickListener(e -> changeStatus(ProgramStatus.ACTIVE));
        deactivate.setId("program-deactivate");
        deactivate.addClickListener(e -> changeStatus(ProgramStatus.INACTIVE));
        retire.setId("program-retire");
        retire.addThemeVariants(ButtonVariant.LUMO_ERROR);
        retire.addClickListener(e -> confirm("program-retire-confirm", "Retire program?", "Retire " + program.code()
                + "? A retired program takes no enrollments and can never be changed again.", "Retire",
                () -> changeStatus(ProgramStatus.RETIRED)));
        form.save.addClickListener(e -> save());
        requirementList.setId("requirement-list");
        requirementList.setPadding(false);
        addRequirement.setId("requirement-add");
        addRequirement.addClickListener(e -> editRequirement(null));
        requirementForm.save.addClickListener(e -> saveRequirement());
        requirementDialog.add(requirementForm);
        Button saveOffering = new Button("Save offering", e -> saveOffering());
        saveOffering.setId("offering-save");
        saveOffering.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        offeringTitle.setId("offering-title");
        offeringDate.setId("offering-date");
        offeringLocation.setId("offering-location");
        offeringDialog.setHeaderTitle("New offering");
        offeringDialog.add(new FormLayout(offeringTitle, offeringDate, offeringLocation, saveOffering));
        message.setId("program-message");
        Button back = new Button("All programs", e -> getUI().ifPresent(ui -> ui.navigate("programs")));
        back.setId("program-back");
        back.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        ruleVersion.setId("program-rule-version");
        ruleVersion.getStyle().set("color", "var(--lumo-secondary-text-color)");
        HorizontalLayout heading = new HorizontalLayout(title, status, ruleVersion);
        heading.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
        heading.getStyle().set("flex-wrap", "wrap");
        HorizontalLayout actions = new HorizontalLayout(activate, deactivate, retire, contributed);
        actions.getStyle().set("flex-wrap", "wrap");
        add(back, heading, actions, message, form,
                requirementsTitle, requirementList, addRequirement);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String id = event.getRouteParameters().get(ID_PARAMETER).orElse("");
        if (NEW.equals(id)) {
            show(null);
            return;
        }
        Optional<Program> found;
        try {
            found = programs.find(Long.parseLong(id));
        } catch (NumberFormatException e) {
            found = Optional.empty();
        }
        if (found.isPresent()) {
            show(found.get());
        } else {
            program = null;
            title.setText("No such program");
            message.setText("There is no program " + id + "; it may have been removed. Go back to all programs.");
            for (var c : List.of(status, activate, deactivate, retire, contributed, form, requirementsTitle, requirementList,
                    addRequirement)) {
                c.setVisible(false);
            }
        }
    }

    private void show(Program p) {
        program = p;
        boolean editable = mayEdit && (p == null || p.status() != ProgramStatus.RETIRED);
        title.setText(p == null ? "New program" : p.code() + " — " + p.name());
        status.setText(p == null ? "" : Labels.of(p.status()));
        status.getElement().getThemeList().removeAll(List.of("success", "error", "contrast"));
        if (p != null) {
            // the badge's colour says whether the program takes enrollments
            status.getElement().getThemeList().add(switch (p.status()) {
            case ACTIVE -> "success";
            case RETIRED -> "error";
            default -> "contrast";
            });
        }
        status.setVisible(p != null);
        ruleVersion.setText(p == null ? "" : "Rule version " + p.ruleVersion());
        ruleVersion.setVisible(p != null);
        message.setText(p == null ? (mayEdit ? "Save the program to add its requirements."
                : "You may not create programs.") : "");
        form.setVisible(p != null || mayEdit);
        form.show(p);
        form.setEditable(editable);
        activate.setVisible(mayEdit && p != null
                && (p.status() == ProgramStatus.DRAFT || p.status() == ProgramStatus.INACTIVE));
        deactivate.setVisible(mayEdit && p != null && p.status() == ProgramStatus.ACTIVE);
        retire.setVisible(editable && p != null);
        if (p == null) {
            contributed.setVisible(false);
        } else {
            contributed.show(Long.toString(p.id()));
        }
        requirementsTitle.setVisible(p != null);
        requirementList.setVisible(p != null);
        addRequirement.setVisible(editable && p != null);
        requirementList.removeAll();
        if (p != null) {
            if (p.requirements().isEmpty()) {
                requirementList.add(new Paragraph("No requirements yet; a program needs one to become active."));
            }
            for (Requirement r : p.requirements()) {
                requirementList.add(requirementRow(r, p.requirements().size(), editable));
            }
        }
    }

    private Div requirementRow(Requirement r, int count, boolean editable) {
        int position = r.position();
        Span heading = new Span(position + ". " + r.title());
        heading.getStyle().set("font-weight", "600");
        Span details = new Span(Labels.describe(r));
        details.getStyle().set("color", "var(--lumo-secondary-text-color)");
        HorizontalLayout line = new HorizontalLayout(heading, details);
        line.setAlignItems(Alignment.BASELINE);
        if (editable) {
            Button up = new Button("Up", e -> ruleChange(() -> programs.moveRequirement(r.id(), -1)));
            up.setId("requirement-up-" + position);
            up.setEnabled(position > 1);
            Button down = new Button("Down", e -> ruleChange(() -> programs.moveRequirement(r.id(), 1)));
            down.setId("requirement-down-" + position);
            down.setEnabled(position < count);
            Button edit = new Button("Edit", e -> editRequirement(r));
            edit.setId("requirement-edit-" + position);
            Button remove = new Button("Remove", e -> removeRequirement(r));
            remove.setId("requirement-remove-" + position);
            remove.addThemeVariants(ButtonVariant.LUMO_ERROR);
            for (Button b : List.of(up, down, edit, remove)) {
                b.addThemeVariants(ButtonVariant.LUMO_SMALL);
            }
            line.add(up, down, edit, remove);
        }
        Div row = new Div(line);
        row.setId("requirement-" + position);
        VerticalLayout offerings = new VerticalLayout();
        offerings.setPadding(false);
        offerings.setSpacing(false);
        offerings.getStyle().set("margin-left", "var(--lumo-space-l)");
        for (Offering o : r.offerings()) {
            HorizontalLayout offering = new HorizontalLayout(new Span(describe(o)));
            offering.setAlignItems(Alignment.BASELINE);
            if (editable) {
                Button remove = new Button("Remove offering", e -> confirm("offering-remove-confirm", "Remove offering?",
                        "Remove the offering \"" + o.title() + "\"?", "Remove", () -> {
                            programs.removeOffering(o.id());
                            reload("Offering removed.");
                        }));
                remove.setId("offering-remove-" + o.id());
                remove.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
                offering.add(remove);
            }
            offerings.add(offering);
        }
        if (editable) {
            Button addOffering = new Button("Add offering", e -> editOffering(r));
            addOffering.setId("offering-add-" + position);
            addOffering.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            offerings.add(addOffering);
        }
        row.add(offerings);
        return row;
    }

    private String describe(Offering o) {
        StringBuilder sb = new StringBuilder(o.title());
        if (o.date() != null) {
            sb.append(" · ").append(dates.date(o.date()));
        }
        if (o.location() != null) {
            sb.append(" · ").append(o.location());
        }
        return sb.toString();
    }

    private void save() {
        form.clearErrors();
        try {
            trySave();
        } catch (IllegalArgumentException refused) {
            form.refused(refused.getMessage());
        }
    }

    private void trySave() {
        ProgramDraft draft = form.draft();
        if (program == null) {
            Program created = programs.create(draft);
            Notification.show("Program " + created.code() + " created.", 3000, Notification.Position.BOTTOM_START);
            getUI().ifPresent(ui -> ui.navigate(location(created.id())));
            return;
        }
        long id = program.id();
        long version = program.version();
        RuleChangeImpact impact = programs.previewUpdate(id, draft);
        Runnable update = () -> {
            try {
                show(programs.update(id, version, draft));
            } catch (IllegalArgumentException refused) {
                form.refused(refused.getMessage());
                return;
            }
            Notification.show("Program saved.", 3000, Notification.Position.BOTTOM_START);
        };
        if (impact.createsNewVersion()) {
            confirm("rule-change-confirm", "Start a new rule version?", Labels.ruleChange(impact), "Save", update);
        } else {
            update.run();
        }
    }

    private void changeStatus(ProgramStatus to) {
        show(programs.changeStatus(program.id(), program.version(), to));
        Notification.show("Program is now " + Labels.of(to).toLowerCase(Locale.ROOT) + ".", 3000,
                Notification.Position.BOTTOM_START);
    }

    private void editRequirement(Requirement r) {
        editingRequirement = r;
        requirementForm.show(r);
        requirementDialog.setHeaderTitle(r == null ? "New requirement" : "Edit requirement");
        requirementDialog.open();
    }

    private void saveRequirement() {
        requirementForm.clearErrors();
        var draft = requirementForm.draft();
        Requirement editing = editingRequirement;
        ruleChange(() -> {
            try {
                if (editing == null) {
                    programs.addRequirement(program.id(), draft);
                } else {
                    programs.updateRequirement(editing.id(), draft);
                }
            } catch (IllegalArgumentException refused) {
                // the dialog stays open with the message beside the field
                requirementForm.refused(refused.getMessage());
                throw new Refused();
            }
            requirementDialog.close();
        });
    }

    /** A change refused and already shown where it belongs: nothing more to say. */
    private static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Refused() {
            super(null, null, false, false);
        }
    }

    private void removeRequirement(Requirement r) {
        RuleChangeImpact impact = programs.previewRequirementChange(program.id());
        String text = "Remove the requirement \"" + r.title() + "\" from the program?"
                + (impact.createsNewVersion() ? " " + Labels.ruleChange(impact) : "");
        confirm("requirement-remove-confirm", "Remove requirement?", text, "Remove", () -> {
            programs.removeRequirement(r.id());
            reload("Requirement removed.");
        });
    }

    private void editOffering(Requirement r) {
        offeringRequirementId = r.id();
        offeringTitle.setValue("");
        offeringDate.setValue(null);
        offeringLocation.setValue("");
        offeringDialog.open();
    }

    private void saveOffering() {
        programs.addOffering(offeringRequirementId,
                new OfferingDraft(offeringTitle.getValue(), offeringDate.getValue(), offeringLocation.getValue()));
        offeringDialog.close();
        reload("Offering added.");
    }

    /** Runs a requirement change, first asking when it would leave current enrollees on the old rules. */
    private void ruleChange(Runnable change) {
        RuleChangeImpact impact = programs.previewRequirementChange(program.id());
        Runnable apply = () -> {
            try {
                change.run();
            } catch (Refused shown) {
                return;
            }
            reload("Requirements saved.");
        };
        if (impact.createsNewVersion()) {
            confirm("rule-change-confirm", "Start a new rule version?", Labels.ruleChange(impact), "Save", apply);
        } else {
            apply.run();
        }
    }

    private void reload(String done) {
        programs.find(program.id()).ifPresent(this::show);
        Notification.show(done, 3000, Notification.Position.BOTTOM_START);
    }

    private static void confirm(String id, String header, String text, String confirmText, Runnable action) {
        ConfirmDialog dialog = new ConfirmDialog(header, text, confirmText, e -> action.run(), "Cancel", e -> {
        });
        dialog.setId(id);
        dialog.setConfirmButtonTheme(confirmText.equals("Save") ? "primary" : "error primary");
        dialog.open();
    }
}
