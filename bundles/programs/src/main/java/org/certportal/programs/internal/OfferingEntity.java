package org.certportal.programs.internal;

import java.time.LocalDate;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.SequenceGenerator;
import javax.persistence.Table;

import org.certportal.programs.api.Offering;
import org.certportal.programs.api.OfferingDraft;

@Entity
@Table(name = "program_offering")
public class OfferingEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "program_offering_seq")
    @SequenceGenerator(name = "program_offering_seq", sequenceName = "program_offering_seq", allocationSize = 50)
    private Long id;
    @Column(name = "requirement_id")
    private long requirementId;
    private String title;
    @Column(name = "offering_date")
    private LocalDate date;
    private String location;

    protected OfferingEntity() {
        // for JPA
    }

    OfferingEntity(long requirementId, OfferingDraft d) {
        this.requirementId = requirementId;
        title = d.title();
        date = d.date();
        location = d.location();
    }

    long requirementId() {
        return requirementId;
    }

    Offering toOffering() {
        return new Offering(id, requirementId, title, date, location);
    }
}
