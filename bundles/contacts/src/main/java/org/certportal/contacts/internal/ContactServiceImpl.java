package org.certportal.contacts.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.ConcurrentModificationException;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.certportal.audit.api.AuditLog;
import org.certportal.audit.api.Changes;
import org.certportal.contacts.api.Contact;
import org.certportal.contacts.api.ContactDraft;
import org.certportal.contacts.api.ContactPermissions;
import org.certportal.contacts.api.ContactService;
import org.certportal.persistence.api.Page;
import org.certportal.persistence.api.PageRequest;
import org.certportal.persistence.api.SchemaMigrator;
import org.certportal.security.api.SecurityService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Contacts in the portal database, through Aries JPA. Immediate: the schema is migrated when the
 * bundle starts, and a failed migration leaves the service unregistered (logged by SCR).
 */
@Component(immediate = true)
public class ContactServiceImpl implements ContactService {
    static final String CHANGELOG = "db/contacts.changelog.xml";
    static final String AUDIT_TYPE = "contact";
    /** Rows per transaction of createAll: big enough for JDBC batches, small enough for memory. */
    static final int CHUNK = 5000;
    /** Each sort column has an index (the identifier's is its natural sort key, IdentifierSortKey). */
    private static final Map<String, String> SORTS = Map.of(SORT_FAMILY_NAME, "family_name_key",
            SORT_GIVEN_NAME, "given_name_key", SORT_EMAIL, "email", SORT_EXTERNAL_ID, "external_id_sort");

    private final JpaTemplate jpa;
    private final SecurityService security;
    private final AuditLog audit;
    private final Clock clock = Clock.systemUTC();

    @Activate
    public ContactServiceImpl(@Reference(target = "(osgi.unit.name=certportal-contacts)") JpaTemplate jpa,
            @Reference SecurityService security, @Reference SchemaMigrator migrator, @Reference AuditLog audit) {
        migrator.migrate(ContactServiceImpl.class, CHANGELOG);
        jpa.txExpr(TransactionType.Required, em -> {
            try {
                return IdentifierSortKeys.backfill(em.unwrap(Connection.class));
            } catch (SQLException e) {
                throw new IllegalStateException("Sorting keys of identifiers could not be filled: " + e.getMessage(), e);
            }
        });
        this.jpa = jpa;
        this.security = security;
        this.audit = audit;
    }

    @Override
    public Contact create(ContactDraft draft) {
        security.require(ContactPermissions.EDIT);
        ContactDraft checked = ContactRules.check(draft, LocalDate.now(clock));
        return jpa.txExpr(TransactionType.Required, em -> {
            refuseDuplicateExternalId(em, checked.externalId(), null);
            ContactEntity entity = new ContactEntity(checked, clock.instant());
            em.persist(entity);
            em.flush();
            Contact created = entity.toContact();
            audit.record(em, AUDIT_TYPE, created.id(), "created", changes(null, created));
            return created;
        });
    }

    @Override
    public int createAll(List<ContactDraft> drafts) {
        security.require(ContactPermissions.EDIT);
        LocalDate today = LocalDate.now(clock);
        List<ContactDraft> checked = new ArrayList<>(drafts.size());
        for (int i = 0; i < drafts.size(); i++) {
            try {
                checked.add(ContactRules.check(drafts.get(i), today));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Contact " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        for (int from = 0; from < checked.size(); from += CHUNK) {
            List<ContactDraft> chunk = checked.subList(from, Math.min(checked.size(), from + CHUNK));
            jpa.tx(TransactionType.Required, em -> {
                refuseTakenExternalIds(em, chunk);
                ContactBatchInsert.insert(em, chunk, clock.instant());
                audit.record(em, AUDIT_TYPE, "bulk", "created " + chunk.size(), Changes.of());
            });
        }
        return checked.size();
    }

    @Override
    public Contact update(long id, long expectedVersion, ContactDraft draft) {
        security.require(ContactPermissions.EDIT);
        ContactDraft checked = ContactRules.check(draft, LocalDate.now(clock));
        return jpa.txExpr(TransactionType.Required, em -> {
            ContactEntity entity = em.find(ContactEntity.class, id);
            if (entity == null) {
                throw new IllegalArgumentException("No contact with id " + id + ".");
            }
            if (entity.version() != expectedVersion) {
                throw new ConcurrentModificationException("The contact was changed by someone else since you"
                        + " opened it; reload it and make your change again.");
            }
            refuseDuplicateExternalId(em, checked.externalId(), id);
            Contact before = entity.toContact();
            entity.apply(checked);
            em.flush();
            Contact after = entity.toContact();
            Changes changes = changes(before, after);
            if (!changes.isEmpty()) {
                audit.record(em, AUDIT_TYPE, id, "updated", changes);
            }
            return after;
        });
    }

    @Override
    public Optional<Contact> find(long id) {
        security.require(ContactPermissions.READ);
        return jpa.txExpr(TransactionType.Required,
                em -> Optional.ofNullable(em.find(ContactEntity.class, id)).map(ContactEntity::toContact));
    }

    @Override
    public Map<Long, Contact> findAll(Collection<Long> ids) {
        security.require(ContactPermissions.READ);
        List<Long> distinct = List.copyOf(new LinkedHashSet<>(ids));
        return jpa.txExpr(TransactionType.Required, em -> {
            Map<Long, Contact> found = new HashMap<>();
            for (int from = 0; from < distinct.size(); from += PageRequest.MAX_LIMIT) {
                List<Long> part = distinct.subList(from, Math.min(distinct.size(), from + PageRequest.MAX_LIMIT));
                em.createQuery("SELECT c FROM ContactEntity c WHERE c.id IN :ids", ContactEntity.class)
                        .setParameter("ids", part).getResultList()
                        .stream().map(ContactEntity::toContact).forEach(c -> found.put(c.id(), c));
            }
            return found;
        });
    }

    @Override
    public Map<String, Contact> findByExternalIds(Collection<String> externalIds) {
        security.require(ContactPermissions.READ);
        List<String> distinct = externalIds.stream().filter(java.util.Objects::nonNull).distinct().toList();
        return jpa.txExpr(TransactionType.Required, em -> {
            try {
                return ExternalIdLookup.find(em.unwrap(Connection.class), distinct);
            } catch (SQLException e) {
                throw new IllegalStateException("Reading contacts failed: " + e.getMessage(), e);
            }
        });
    }

    @Override
    public Page<Contact> search(String text, PageRequest page) {
        security.require(ContactPermissions.READ);
        String sortColumn = page.sortBy() == null ? SORTS.get(SORT_FAMILY_NAME) : SORTS.get(page.sortBy());
        if (sortColumn == null) {
            throw new IllegalArgumentException("Contacts cannot be sorted by '" + page.sortBy() + "'; use one of "
                    + SORTS.keySet() + ".");
        }
        ContactSearch search = ContactSearch.of(text);
        return jpa.txExpr(TransactionType.Required, em -> {
            try {
                return ContactPageQuery.page(em.unwrap(Connection.class), search, sortColumn, page);
            } catch (SQLException e) {
                throw new IllegalStateException("Searching contacts failed: " + e.getMessage(), e);
            }
        });
    }

    private static Changes changes(Contact before, Contact after) {
        return Changes.of()
                .field("givenName", before == null ? null : before.givenName(), after.givenName())
                .field("familyName", before == null ? null : before.familyName(), after.familyName())
                .field("email", before == null ? null : before.email(), after.email())
                .field("birthDate", before == null ? null : before.birthDate(), after.birthDate())
                .field("externalId", before == null ? null : before.externalId(), after.externalId());
    }

    /** One query per chunk: a clear message instead of the database's unique-constraint error. */
    private static void refuseTakenExternalIds(EntityManager em, List<ContactDraft> chunk) {
        List<String> ids = chunk.stream().map(ContactDraft::externalId).filter(java.util.Objects::nonNull).toList();
        if (ids.size() != new java.util.HashSet<>(ids).size()) {
            throw new IllegalArgumentException("The same external identifier appears twice in the contacts to create.");
        }
        for (int i = 0; i < ids.size(); i += 1000) {
            List<String> taken = em.createQuery("SELECT c.externalId FROM ContactEntity c WHERE c.externalId IN :ids",
                    String.class).setParameter("ids", ids.subList(i, Math.min(ids.size(), i + 1000)))
                    .setMaxResults(5).getResultList();
            if (!taken.isEmpty()) {
                throw new IllegalArgumentException("External identifier(s) already taken: " + String.join(", ", taken)
                        + ". Nothing of this batch was created.");
            }
        }
    }

    private static void refuseDuplicateExternalId(EntityManager em, String externalId, Long exceptId) {
        if (externalId == null) {
            return;
        }
        Long clash = em.createQuery("SELECT COUNT(c) FROM ContactEntity c WHERE c.externalId = :x AND c.id <> :id",
                Long.class).setParameter("x", externalId).setParameter("id", exceptId == null ? -1L : exceptId)
                .getSingleResult();
        if (clash > 0) {
            throw new IllegalArgumentException("Another contact already has the external identifier '" + externalId
                    + "'.");
        }
    }
}
