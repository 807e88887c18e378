package org.certportal.enrollments.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.certportal.enrollments.api.ApplicationStatus;
import org.certportal.enrollments.api.CertificationStatus;
import org.junit.jupiter.api.Test;

/** Which decisions an application allows, and that the enrollment's status rules allow where each leads. */
class ApplicationRulesTest {

    @Test
    void openApplicationsMayBeDecidedAndDecidedOnesStay() {
        for (ApplicationStatus to : new ApplicationStatus[] { ApplicationStatus.UNDER_REVIEW,
            ApplicationStatus.APPROVED, ApplicationStatus.REJECTED, ApplicationStatus.WITHDRAWN }) {
            assertTrue(ApplicationRules.allowed(ApplicationStatus.SUBMITTED, to), to.name());
        }
        assertFalse(ApplicationRules.allowed(ApplicationStatus.SUBMITTED, ApplicationStatus.SUBMITTED));
        assertFalse(ApplicationRules.allowed(ApplicationStatus.UNDER_REVIEW, ApplicationStatus.UNDER_REVIEW));
        assertFalse(ApplicationRules.allowed(ApplicationStatus.UNDER_REVIEW, ApplicationStatus.SUBMITTED));
        assertTrue(ApplicationRules.allowed(ApplicationStatus.UNDER_REVIEW, ApplicationStatus.APPROVED));
        for (ApplicationStatus decided : new ApplicationStatus[] { ApplicationStatus.APPROVED,
            ApplicationStatus.REJECTED, ApplicationStatus.WITHDRAWN }) {
            assertFalse(decided.open());
            assertTrue(ApplicationRules.next(decided).isEmpty(), decided.name());
            for (ApplicationStatus to : ApplicationStatus.values()) {
                assertFalse(ApplicationRules.allowed(decided, to), decided + " → " + to);
            }
        }
    }

    @Test
    void rejectingAndWithdrawingNeedAReasonAndEveryRefusalIsASentence() {
        assertEquals("Give the reason why the application is rejected.", assertThrows(IllegalArgumentException.class,
                () -> ApplicationRules.check(ApplicationStatus.SUBMITTED, ApplicationStatus.REJECTED, " ")).getMessage());
        assertEquals("Give the reason why the application is withdrawn.", assertThrows(IllegalArgumentException.class,
                () -> ApplicationRules.check(ApplicationStatus.UNDER_REVIEW, ApplicationStatus.WITHDRAWN, null))
                .getMessage());
        assertEquals("Moved", ApplicationRules.check(ApplicationStatus.SUBMITTED, ApplicationStatus.WITHDRAWN,
                " Moved "));
        assertNull(ApplicationRules.check(ApplicationStatus.SUBMITTED, ApplicationStatus.APPROVED, ""));
        assertEquals("An application that is under review cannot become submitted.", assertThrows(
                IllegalArgumentException.class, () -> ApplicationRules.check(ApplicationStatus.UNDER_REVIEW,
                        ApplicationStatus.SUBMITTED, null)).getMessage());
        assertEquals("The application was rejected already; a decided application stays as it is.", assertThrows(
                IllegalArgumentException.class, () -> ApplicationRules.check(ApplicationStatus.REJECTED,
                        ApplicationStatus.APPROVED, null)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> ApplicationRules.check(ApplicationStatus.SUBMITTED, null,
                null));
        assertThrows(IllegalArgumentException.class, () -> ApplicationRules.check(ApplicationStatus.SUBMITTED,
                ApplicationStatus.REJECTED, "x".repeat(501)));
    }

    @Test
    void theEnrollmentFollowsByMovesTheStatusRulesAllowFromApplied() {
        assertEquals(Optional.of(CertificationStatus.IN_PROGRESS),
                ApplicationRules.enrollmentStatus(ApplicationStatus.APPROVED));
        assertEquals(Optional.of(CertificationStatus.DECLINED),
                ApplicationRules.enrollmentStatus(ApplicationStatus.REJECTED));
        assertEquals(Optional.of(CertificationStatus.CANCELLED),
                ApplicationRules.enrollmentStatus(ApplicationStatus.WITHDRAWN));
        assertEquals(Optional.empty(), ApplicationRules.enrollmentStatus(ApplicationStatus.UNDER_REVIEW));
        for (ApplicationStatus to : ApplicationStatus.values()) {
            ApplicationRules.enrollmentStatus(to).ifPresent(status -> assertTrue(
                    StatusRules.allowed(CertificationStatus.APPLIED, status), "Applied → " + status));
        }
        // and back: an Applied enrollment moved another way takes its open application along
        for (ApplicationStatus to : new ApplicationStatus[] { ApplicationStatus.APPROVED, ApplicationStatus.REJECTED,
            ApplicationStatus.WITHDRAWN }) {
            assertEquals(Optional.of(to), ApplicationRules.following(ApplicationRules.enrollmentStatus(to).get()));
        }
        assertEquals(Optional.empty(), ApplicationRules.following(CertificationStatus.ACTIVE));
        assertTrue(ApplicationRules.final_(ApplicationStatus.APPROVED));
        assertFalse(ApplicationRules.final_(ApplicationStatus.UNDER_REVIEW));
    }
}
