package org.certportal.programs.internal;

import java.math.BigDecimal;
import java.util.List;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.SequenceGenerator;
import javax.persistence.Table;

import org.certportal.programs.api.GradeType;
import org.certportal.programs.api.Offering;
import org.certportal.programs.api.Requirement;
import org.certportal.programs.api.RequirementDraft;
import org.certportal.programs.api.RequirementKind;

/**
 * A requirement as currently defined. Removing one only marks it removed: enrollees judged by an
 * older rule version still have it (their snapshot), and its offerings and completions stay findable.
 */
@Entity
@Table(name = "program_requirement")
public class RequirementEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "program_requirement_seq")
    @SequenceGenerator(name = "program_requirement_seq", sequenceName = "program_requirement_seq", allocationSize = 50)
    private Long id;
    @Column(name = "program_id")
    private long programId;
    /** 1-based among the requirements not removed */
    private int position;
    private String title;
    @Enumerated(EnumType.STRING)
    private RequirementKind kind;
    @Enumerated(EnumType.STRING)
    @Column(name = "grade_type")
    private GradeType gradeType;
    @Column(name = "minimum_grade")
    private BigDecimal minimumGrade;
    @Column(name = "needs_approval")
    private boolean needsApproval;
    @Column(name = "credit_amount")
    private BigDecimal creditAmount;
    private boolean removed;

    protected RequirementEntity() {
        // for JPA
    }

    RequirementEntity(long programId, int position, RequirementDraft draft) {
        this.programId = programId;
        this.position = position;
        apply(draft);
    }

    void apply(RequirementDraft d) {
        title = d.title();
        kind = d.kind();
        gradeType = d.gradeType();
        minimumGrade = d.minimumGrade();
        needsApproval = d.needsApproval();
        creditAmount = d.creditAmount();
    }

    Requirement toRequirement(List<Offering> offerings) {
        return new Requirement(id, programId, position, title, kind, gradeType, minimumGrade, needsApproval,
                creditAmount, List.copyOf(offerings));
    }

    long id() {
        return id;
    }

    long programId() {
        return programId;
    }

    int position() {
        return position;
    }

    void position(int p) {
        position = p;
    }

    boolean removed() {
        return removed;
    }

    void remove() {
        removed = true;
        position = 0;
    }
}
