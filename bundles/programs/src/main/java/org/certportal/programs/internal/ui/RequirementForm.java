package org.certportal.programs.internal.ui;

import org.certportal.programs.api.GradeType;
import org.certportal.programs.api.Requirement;
import org.certportal.programs.api.RequirementDraft;
import org.certportal.programs.api.RequirementKind;
import org.certportal.ui.spi.FieldErrors;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;

/** The fields of a requirement; a grade minimum only for numeric grades, credits only for credit requirements. */
class RequirementForm extends FormLayout {
    private static final long serialVersionUID = 1L;
    final TextField title = new TextField("Title");
    final ComboBox<RequirementKind> kind = new ComboBox<>("Kind");
    final ComboBox<GradeType> gradeType = new ComboBox<>("Required grade");
    final BigDecimalField minimumGrade = new BigDecimalField("Passing grade (at least)");
    final Checkbox needsApproval = new Checkbox("Completion needs staff approval");
    final BigDecimalField creditAmount = new BigDecimalField("Credits required");
    final Paragraph formError = new Paragraph();
    final Button save = new Button("Save requirement");
    private final FieldErrors errors = new FieldErrors();

    RequirementForm() {
        title.setId("requirement-title");
        title.setRequired(true);
        title.setMaxLength(200);
        kind.setId("requirement-kind");
        kind.setItems(RequirementKind.values());
        kind.setItemLabelGenerator(Labels::of);
        gradeType.setId("requirement-grade-type");
        gradeType.setItems(GradeType.values());
        gradeType.setItemLabelGenerator(Labels::of);
        minimumGrade.setId("requirement-min-grade");
        minimumGrade.setHelperText("e.g. 70: a grade of at least 70 passes");
        needsApproval.setId("requirement-needs-approval");
        creditAmount.setId("requirement-credits");
        save.setId("requirement-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        kind.addValueChangeListener(e -> enableDependentFields());
        gradeType.addValueChangeListener(e -> enableDependentFields());
        formError.setId("requirement-form-error");
        formError.getStyle().set("color", "var(--lumo-error-text-color)");
        formError.setVisible(false);
        errors.field("minimum grade", minimumGrade).field("credit amount", creditAmount).field("kind", kind)
                .field("title", title);
        add(title, kind, gradeType, minimumGrade, creditAmount, needsApproval, formError, save);
        setColspan(formError, 2);
        // one column on a phone, two from 32em
        setResponsiveSteps(new ResponsiveStep("0", 1), new ResponsiveStep("32em", 2));
    }

    void clearErrors() {
        errors.clear();
        formError.setText("");
        formError.setVisible(false);
    }

    /** A refusal: beside the field it names, else above the Save button. */
    void refused(String sentence) {
        if (!errors.show(sentence)) {
            formError.setText(sentence);
            formError.setVisible(true);
        }
    }

    void show(Requirement r) {
        title.setValue(r == null ? "" : r.title());
        kind.setValue(r == null ? RequirementKind.COURSE : r.kind());
        gradeType.setValue(r == null ? GradeType.NONE : r.gradeType());
        minimumGrade.setValue(r == null ? null : r.minimumGrade());
        needsApproval.setValue(r != null && r.needsApproval());
        creditAmount.setValue(r == null ? null : r.creditAmount());
        enableDependentFields();
        clearErrors();
    }

    /** Values of disabled fields are left out, so a kind or grade changed back does not carry a stale number. */
    RequirementDraft draft() {
        return new RequirementDraft(title.getValue(), kind.getValue(), gradeType.getValue(),
                gradeType.getValue() == GradeType.NUMERIC ? minimumGrade.getValue() : null, needsApproval.getValue(),
                kind.getValue() == RequirementKind.EDUCATION_CREDITS ? creditAmount.getValue() : null);
    }

    private void enableDependentFields() {
        minimumGrade.setEnabled(gradeType.getValue() == GradeType.NUMERIC);
        creditAmount.setEnabled(kind.getValue() == RequirementKind.EDUCATION_CREDITS);
    }
}
