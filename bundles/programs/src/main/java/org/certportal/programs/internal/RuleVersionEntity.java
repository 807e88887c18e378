package org.certportal.programs.internal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Lob;
import javax.persistence.SequenceGenerator;
import javax.persistence.Table;

/** The frozen rules of one version of a program ({@link RuleSnapshot}). */
@Entity
@Table(name = "program_rule_version")
public class RuleVersionEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "program_rule_version_seq")
    @SequenceGenerator(name = "program_rule_version_seq", sequenceName = "program_rule_version_seq", allocationSize = 50)
    private Long id;
    @Column(name = "program_id")
    private long programId;
    @Column(name = "rule_version")
    private int ruleVersion;
    @Lob
    private String snapshot;
    /** UTC; when the version started or was last rewritten while nobody was judged by it */
    @Column(name = "created_at")
    private LocalDateTime createdAt;
    @Column(name = "created_by")
    private String createdBy;

    protected RuleVersionEntity() {
        // for JPA
    }

    RuleVersionEntity(long programId, int ruleVersion, String snapshot, Instant now, String by) {
        this.programId = programId;
        this.ruleVersion = ruleVersion;
        rewrite(snapshot, now, by);
    }

    void rewrite(String text, Instant now, String by) {
        snapshot = text;
        createdAt = LocalDateTime.ofInstant(now, ZoneOffset.UTC);
        createdBy = by;
    }

    String snapshot() {
        return snapshot;
    }
}
