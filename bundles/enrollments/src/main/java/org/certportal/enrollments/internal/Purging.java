package org.certportal.enrollments.internal;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.certportal.audit.api.AuditLog;
import org.certportal.audit.api.Changes;
import org.certportal.enrollments.api.Enrollment;
import org.certportal.enrollments.api.EnrollmentDataOwner;
import org.certportal.enrollments.api.EnrollmentPermissions;
import org.certportal.enrollments.api.PurgeCandidate;
import org.certportal.persistence.api.Page;
import org.certportal.persistence.api.PageRequest;
import org.certportal.security.api.SecurityService;

/**
 * Purging enrollments that are over: with every {@link EnrollmentDataOwner}'s data, in one
 * transaction, audited per enrollment; never a contact.
 */
final class Purging {
    static final int MAX_PURGE = 10_000;

    private final EnrollmentStore store;
    private final SecurityService security;
    private final AuditLog audit;
    private final List<EnrollmentDataOwner> dataOwners;
    private final Supplier<LocalDate> today;

    /** @param dataOwners the registered owners, as the component keeps them (read at each purge) */
    Purging(EnrollmentStore store, SecurityService security, AuditLog audit, List<EnrollmentDataOwner> dataOwners,
            Supplier<LocalDate> today) {
        this.store = store;
        this.security = security;
        this.audit = audit;
        this.dataOwners = dataOwners;
        this.today = today;
    }

    Page<PurgeCandidate> purgeCandidates(Long programId, String text, PageRequest page) {
        security.require(EnrollmentPermissions.PURGE);
        LocalDate today = this.today.get();
        return store.sql(c -> EnrollmentQueries.purgeCandidates(c, programId, text, page, today));
    }

    int purge(List<Long> enrollmentIds) {
        security.require(EnrollmentPermissions.PURGE);
        if (EnrollmentStore.missing(enrollmentIds)) {
            throw new IllegalArgumentException("Choose at least one enrollment to purge.");
        }
        List<Long> ids = new ArrayList<>(new LinkedHashSet<>(enrollmentIds));
        if (ids.size() > MAX_PURGE) {
            throw new IllegalArgumentException("At most " + MAX_PURGE + " enrollments can be purged at once.");
        }
        LocalDate today = this.today.get();
        return store.sql(c -> {
            Set<Long> purgeable = EnrollmentQueries.purgeable(c, ids, today);
            Set<Long> refused = new TreeSet<>(ids);
            refused.removeAll(purgeable);
            if (!refused.isEmpty()) {
                throw new IllegalArgumentException("These enrollments are not inactive, expired or cancelled (or"
                        + " no longer exist) and cannot be purged: " + refused.stream().limit(50).map(String::valueOf)
                                .collect(Collectors.joining(", ")) + (refused.size() > 50 ? ", …" : "")
                        + ". Nothing was purged.");
            }
            // the features holding data per enrollment first, in this same transaction
            for (EnrollmentDataOwner owner : dataOwners) {
                owner.purge(c, List.copyOf(ids));
            }
            for (Enrollment e : EnrollmentQueries.byIds(c, ids)) {
                audit.record(c, StatusChanges.AUDIT_TYPE, e.id(), "purged", Changes.of()
                        .field("contact", e.contactId(), null).field("program", e.programId(), null)
                        .field("status", e.status(), null).field("enrolledOn", e.enrolledOn(), null));
            }
            EnrollmentQueries.delete(c, ids);
            return ids.size();
        });
    }
}
