package org.certportal.contacts.internal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.LocalDate;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.SequenceGenerator;
import javax.persistence.Table;
import javax.persistence.Version;

import org.certportal.contacts.api.Contact;
import org.certportal.contacts.api.ContactDraft;
import org.certportal.contacts.api.ContactNames;

@Entity
@Table(name = "contact")
public class ContactEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "contact_seq")
    // allocation size = the sequence's start and increment: one sequence call per 500 inserts
    @SequenceGenerator(name = "contact_seq", sequenceName = "contact_seq", allocationSize = 500)
    private Long id;
    @Column(name = "given_name")
    private String givenName;
    @Column(name = "family_name")
    private String familyName;
    @Column(name = "family_name_key")
    private String familyNameKey;
    @Column(name = "given_name_key")
    private String givenNameKey;
    private String email;
    @Column(name = "birth_date")
    private LocalDate birthDate;
    @Column(name = "external_id")
    private String externalId;
    @Column(name = "external_id_key")
    private String externalIdKey;
    /** The identifier's natural order (IdentifierSortKey). */
    @Column(name = "external_id_sort")
    private String externalIdSort;
    @Column(name = "created_at")
    /** UTC */
    private LocalDateTime createdAt;
    @Version
    private long version;

    protected ContactEntity() {
        // for JPA
    }

    ContactEntity(ContactDraft draft, Instant now) {
        this.createdAt = LocalDateTime.ofInstant(now, ZoneOffset.UTC);
        apply(draft);
    }

    void apply(ContactDraft d) {
        givenName = d.givenName();
        familyName = d.familyName();
        familyNameKey = ContactNames.key(d.familyName());
        email = d.email();
        birthDate = d.birthDate();
        externalId = d.externalId();
        givenNameKey = ContactNames.key(d.givenName());
        externalIdKey = ContactNames.key(d.externalId());
        externalIdSort = IdentifierSortKey.of(d.externalId());
    }

    long version() {
        return version;
    }

    Contact toContact() {
        return new Contact(id, givenName, familyName, email, birthDate, externalId, version);
    }
}
