package org.certportal.tracking.api;

import java.util.List;

import org.certportal.enrollments.api.CertificationStatus;

/**
 * What a revert did.
 *
 * @param alreadyReverted the run was reverted before: this call changed nothing
 * @param movedBack       how many enrollments went back to the status they had before the run
 * @param leftAlone       the rows changed since by someone else, with their status now (at most
 *                        {@link MassDropService#REPORT_LIMIT}; {@link MassDropService#rows} pages through all)
 * @param leftAloneTotal  how many rows were left alone
 * @param summary         one or two sentences saying all this
 */
public record RevertReport(long runId, boolean alreadyReverted, long movedBack, List<LeftAlone> leftAlone,
        long leftAloneTotal, String summary) {

    /**
     * A row the revert did not move.
     *
     * @param now  its status now; null when the enrollment no longer exists
     * @param why  in words, e.g. "changed since (now Inactive)"
     */
    public record LeftAlone(long enrollmentId, String contactName, String identifier, CertificationStatus set,
            CertificationStatus now, String why) {
    }

    public RevertReport {
        leftAlone = List.copyOf(leftAlone);
    }
}
