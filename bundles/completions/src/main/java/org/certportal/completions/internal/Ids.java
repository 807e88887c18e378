package org.certportal.completions.internal;

import javax.persistence.EntityManager;

import org.eclipse.persistence.jpa.JpaEntityManager;

/** New ids from the completion sequence, through the entity manager's session (preallocated in blocks). */
final class Ids {
    private Ids() {
    }

    static long next(EntityManager em) {
        return ((Number) em.unwrap(JpaEntityManager.class).getActiveSession()
                .getNextSequenceNumberValue(CompletionEntity.class)).longValue();
    }
}
