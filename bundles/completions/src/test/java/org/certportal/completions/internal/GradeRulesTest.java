package org.certportal.completions.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;

import org.certportal.programs.api.GradeType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class GradeRulesTest {

    @ParameterizedTest
    @ValueSource(strings = { "", "  " })
    void blankIsNoGradeForEveryType(String blank) {
        for (GradeType type : GradeType.values()) {
            assertNull(GradeRules.parse(type, BigDecimal.TEN, blank));
        }
        assertNull(GradeRules.parse(GradeType.NUMERIC, null, null));
    }

    @Test
    void aRequirementWithoutGradeTakesNone() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> GradeRules.parse(GradeType.NONE, null, "pass"))
                .getMessage().contains("takes no grade"));
        assertFalse(GradeRules.needsGrade(GradeType.NONE));
        assertTrue(GradeRules.needsGrade(GradeType.PASS_FAIL));
        assertTrue(GradeRules.needsGrade(GradeType.NUMERIC));
    }

    @ParameterizedTest
    @CsvSource({ "pass,pass,true", "PASS,pass,true", " Pass ,pass,true", "fail,fail,false", "FaIl,fail,false" })
    void passFailInAnyCase(String input, String stored, boolean passing) {
        assertEquals(new GradeRules.Grade(stored, passing), GradeRules.parse(GradeType.PASS_FAIL, null, input));
    }

    @ParameterizedTest
    @ValueSource(strings = { "passed", "yes", "1", "p" })
    void passFailRefusesAnythingElse(String input) {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> GradeRules.parse(GradeType.PASS_FAIL, null,
                input)).getMessage().contains("pass or fail"));
    }

    @ParameterizedTest
    @CsvSource({ "70,70,true", "70.0,70,true", "69.99,69.99,false", "70.01,70.01,true", "100,100,true", "0,0,false",
            "85.50,85.5,true" })
    void numericPassesAtTheMinimumOrAbove(String input, String stored, boolean passing) {
        assertEquals(new GradeRules.Grade(stored, passing), GradeRules.parse(GradeType.NUMERIC, new BigDecimal("70"),
                input));
    }

    @Test
    void numericWithoutMinimumPassesAtZero() {
        assertTrue(GradeRules.parse(GradeType.NUMERIC, null, "0").passing());
    }

    @ParameterizedTest
    @ValueSource(strings = { "abc", "7O", "85,5", "1e", "--1" })
    void numericRefusesWhatIsNotANumber(String input) {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> GradeRules.parse(GradeType.NUMERIC,
                BigDecimal.ONE, input)).getMessage().contains("a number"));
    }

    @Test
    void numericRefusesNegativeAndTooLongGrades() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> GradeRules.parse(GradeType.NUMERIC,
                BigDecimal.ONE, "-1")).getMessage().contains("negative"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> GradeRules.parse(GradeType.NUMERIC,
                BigDecimal.ONE, "1.0000000000000000000001")).getMessage().contains("too long"));
    }
}
