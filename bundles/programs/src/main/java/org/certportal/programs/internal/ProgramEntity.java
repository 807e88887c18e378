package org.certportal.programs.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.MonthDay;
import java.time.ZoneOffset;
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
import javax.persistence.Version;

import org.certportal.programs.api.Program;
import org.certportal.programs.api.ProgramDraft;
import org.certportal.programs.api.ProgramOptions;
import org.certportal.programs.api.ProgramStatus;
import org.certportal.programs.api.RecertificationBasis;
import org.certportal.programs.api.Requirement;

@Entity
@Table(name = "program")
public class ProgramEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "program_seq")
    // allocation size = the sequence's start and increment (see the changelog)
    @SequenceGenerator(name = "program_seq", sequenceName = "program_seq", allocationSize = 50)
    private Long id;
    private String code;
    @Column(name = "code_key")
    private String codeKey;
    private String name;
    @Column(name = "name_key")
    private String nameKey;
    private String description;
    @Enumerated(EnumType.STRING)
    private ProgramStatus status;
    @Column(name = "requires_approval")
    private boolean requiresApproval;
    @Column(name = "in_order")
    private boolean inOrder;
    @Column(name = "enrollees_may_cancel")
    private boolean enrolleesMayCancel;
    private boolean maintenance;
    @Column(name = "admin_review")
    private boolean adminReview;
    @Column(name = "validity_months")
    private int validityMonths;
    @Column(name = "deadline_months")
    private int deadlineMonths;
    @Column(name = "grace_period_days")
    private int gracePeriodDays;
    private BigDecimal fee;
    private String currency;
    @Column(name = "application_required")
    private boolean applicationRequired;
    @Enumerated(EnumType.STRING)
    @Column(name = "recertification_basis")
    private RecertificationBasis recertificationBasis;
    /** MonthDay text, e.g. --12-31 */
    @Column(name = "recertification_day")
    private String recertificationDay;
    @Column(name = "rule_version")
    private int ruleVersion;
    /** UTC */
    @Column(name = "created_at")
    private LocalDateTime createdAt;
    @Version
    private long version;

    protected ProgramEntity() {
        // for JPA
    }

    ProgramEntity(ProgramDraft draft, Instant now) {
        createdAt = LocalDateTime.ofInstant(now, ZoneOffset.UTC);
        status = ProgramStatus.DRAFT;
        ruleVersion = 1;
        apply(draft);
    }

    void apply(ProgramDraft d) {
        code = d.code();
        codeKey = ProgramInput.codeKey(d.code());
        name = d.name();
        nameKey = ProgramInput.nameKey(d.name());
        description = d.description();
        ProgramOptions o = d.options();
        requiresApproval = o.requiresApproval();
        inOrder = o.inOrder();
        enrolleesMayCancel = o.enrolleesMayCancel();
        maintenance = o.maintenance();
        adminReview = o.adminReviewOfCertification();
        validityMonths = o.validityMonths();
        deadlineMonths = o.deadlineMonths();
        gracePeriodDays = o.gracePeriodDays();
        fee = o.fee();
        currency = o.currency();
        applicationRequired = o.applicationRequired();
        recertificationBasis = o.recertificationBasis();
        recertificationDay = o.fixedRecertificationDay() == null ? null : o.fixedRecertificationDay().toString();
    }

    ProgramOptions options() {
        return new ProgramOptions(requiresApproval, inOrder, enrolleesMayCancel, maintenance, adminReview,
                validityMonths, deadlineMonths, gracePeriodDays, fee, recertificationBasis,
                recertificationDay == null ? null : MonthDay.parse(recertificationDay), applicationRequired,
                currency);
    }

    ProgramDraft draft() {
        return new ProgramDraft(code, name, description, options());
    }

    Program toProgram(List<Requirement> requirements) {
        return new Program(id, code, name, description, status, options(), ruleVersion, version,
                List.copyOf(requirements));
    }

    long id() {
        return id;
    }

    String code() {
        return code;
    }

    String name() {
        return name;
    }

    ProgramStatus status() {
        return status;
    }

    void status(ProgramStatus s) {
        status = s;
    }

    int ruleVersion() {
        return ruleVersion;
    }

    void ruleVersion(int v) {
        ruleVersion = v;
    }

    long version() {
        return version;
    }
}
