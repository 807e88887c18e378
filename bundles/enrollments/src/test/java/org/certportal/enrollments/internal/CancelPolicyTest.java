package org.certportal.enrollments.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
