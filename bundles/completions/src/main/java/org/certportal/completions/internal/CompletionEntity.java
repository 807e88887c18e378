package org.certportal.completions.internal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.SequenceGenerator;
import javax.persistence.Table;
import javax.persistence.Version;

/**
 * The completion table as the persistence unit knows it: the owner of the id sequence that
 * {@link CompletionStore} and {@link FileStore} take ids from. Rows are written in SQL on the
 * transaction's connection (single records and imports alike, one code path), never through this
 * entity, so only the key columns are mapped.
 */
@Entity
@Table(name = "completion")
public class CompletionEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "completion_seq")
    // allocation size = the sequence's start and increment: one sequence call per 500 ids
    @SequenceGenerator(name = "completion_seq", sequenceName = "completion_seq", allocationSize = 500)
    private Long id;
    @Column(name = "enrollment_id")
    private long enrollmentId;
    @Column(name = "requirement_id")
    private long requirementId;
    private String status;
    @Version
    private long version;

    protected CompletionEntity() {
        // for JPA
    }
}
