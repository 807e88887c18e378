package org.certportal.enrollments.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

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

import org.certportal.enrollments.api.CertificationStatus;
import org.certportal.enrollments.api.Enrollment;

@Entity
@Table(name = "enrollment")
public class EnrollmentEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "enrollment_seq")
    // allocation size = the sequence's start and increment: one sequence call per 500 inserts
    @SequenceGenerator(name = "enrollment_seq", sequenceName = "enrollment_seq", allocationSize = 500)
    private Long id;
    @Column(name = "contact_id")
    private long contactId;
    @Column(name = "program_id")
    private long programId;
    @Column(name = "rule_version")
    private int ruleVersion;
    private int cycle;
    @Column(name = "enrolled_on")
    private LocalDate enrolledOn;
    @Column(name = "grace_period_begins")
    private LocalDate gracePeriodBegins;
    @Column(name = "expires_on")
    private LocalDate expiresOn;
    @Column(name = "earned_on")
    private LocalDate earnedOn;
    @Enumerated(EnumType.STRING)
    private CertificationStatus status;
    /** UTC */
    @Column(name = "status_changed_at")
    private LocalDateTime statusChangedAt;
    @Version
    private long version;

    protected EnrollmentEntity() {
        // for JPA
    }

    long version() {
        return version;
    }

    CertificationStatus status() {
        return status;
    }

    void dates(EnrollmentDates.Dates dates) {
        enrolledOn = dates.enrolledOn();
        gracePeriodBegins = dates.gracePeriodBegins();
        expiresOn = dates.expiresOn();
    }

    void earned(LocalDate on, LocalDate certificationExpires) {
        earnedOn = on;
        expiresOn = certificationExpires;
    }

    void status(CertificationStatus to, Instant at) {
        status = to;
        statusChangedAt = LocalDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    Enrollment toEnrollment() {
        return new Enrollment(id, contactId, programId, ruleVersion, cycle, enrolledOn, gracePeriodBegins, expiresOn,
                earnedOn, status, statusChangedAt.toInstant(ZoneOffset.UTC), version);
    }
}
