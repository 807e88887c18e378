package org.certportal.enrollments.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.certportal.enrollments.api.CertificationStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CancelPolicyTest {
    @ParameterizedTest(name = "cancel-any={0} edit={1} enrolleesMayCancel={2} -> {3}")
    @CsvSource({
        "true,  true,  true,  true",
        "true,  true,  false, true",
        "true,  false, false, true",
        "false, true,  true,  true",
        "false, true,  false, false",
        "false, false, true,  false",
        "false, false, false, false",
        "true,  false, true,  true" })
    void adminsAlwaysStaffOnlyWhenTheProgramLetsEnrolleesCancel(boolean cancelAny, boolean edit,
            boolean enrolleesMayCancel, boolean allowed) {
        assertEquals(allowed, CancelPolicy.allows(cancelAny, edit, enrolleesMayCancel));
    }

    @Test
    void theStatusRulesSpeakFirstThenTheRoleAndTheProgram() {
        assertEquals("An enrollment that is cancelled cannot become cancelled.",
                CancelPolicy.refusal(CertificationStatus.CANCELLED, true, true, true), "not even an admin");
        assertEquals(CancelPolicy.REFUSED, CancelPolicy.refusal(CertificationStatus.IN_PROGRESS, false, true, false));
        assertNull(CancelPolicy.refusal(CertificationStatus.IN_PROGRESS, false, true, true));
        assertNull(CancelPolicy.refusal(CertificationStatus.ACTIVE, true, true, false));
    }
}
