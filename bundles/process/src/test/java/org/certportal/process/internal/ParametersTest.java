package org.certportal.process.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.certportal.process.api.ParameterDefinition;
import org.certportal.process.api.ProcessParameters;
import org.certportal.process.api.ResultFile;
import org.certportal.process.api.RowOutcome;
import org.certportal.process.api.RowState;
import org.junit.jupiter.api.Test;

class ParametersTest {
    private static final List<ParameterDefinition> DEFS = List.of(
            ParameterDefinition.text("program", "Program", true, "Program code"),
            ParameterDefinition.date("from", "Applied from", false, ""),
            ParameterDefinition.integer("limit", "Limit", false, "100", ""),
            ParameterDefinition.flag("notify", "Send email", true, ""),
            ParameterDefinition.choice("status", "Status", List.of("approved", "pending"), null, ""));

    @Test
    void valuesAreCheckedAndNormalisedWithDefaults() {
        ProcessParameters p = ProcessParameters.validate(DEFS, Map.of("program", " CPA ", "from", "2026-01-31",
                "notify", "No", "status", "approved"));
        assertEquals("CPA", p.text("program").orElseThrow());
        assertEquals(LocalDate.of(2026, 1, 31), p.date("from").orElseThrow());
        assertEquals(100L, p.integer("limit").orElseThrow());
        assertEquals(false, p.flag("notify"));
        assertEquals("from=2026-01-31 limit=100 notify=false program=CPA status=approved", p.toString());
        assertEquals(p, ProcessParameters.of(ParameterCodec.decode(ParameterCodec.encode(p.asMap()))));
    }

    @Test
    void everyProblemIsNamedInOneMessage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ProcessParameters.validate(DEFS,
                Map.of("from", "31.01.2026", "limit", "lots", "notify", "maybe", "status", "done", "x", "1")));
        assertEquals("There is no parameter 'x'; use program, from, limit, notify, status. Program is required."
                + " Applied from must be a date such as 2026-05-31, not '31.01.2026'. Limit must be a whole number,"
                + " not 'lots'. Send email must be true or false, not 'maybe'. Status must be one of approved, pending,"
                + " not 'done'.", e.getMessage());
        assertEquals("There is no parameter 'a'; this process takes none.", assertThrows(IllegalArgumentException.class,
                () -> ProcessParameters.validate(List.of(), Map.of("a", "1"))).getMessage());
    }

    @Test
    void theCodecKeepsAnyText() {
        Map<String, String> values = Map.of("a", "x & y = z", "b", "Ünïcode, %20");
        assertEquals(values, ParameterCodec.decode(ParameterCodec.encode(values)));
        assertEquals(Map.of(), ParameterCodec.decode(""));
    }

    @Test
    void outcomesAndResultFilesAreChecked() {
        assertEquals(RowState.SKIPPED, RowOutcome.skipped("why").state());
        assertThrows(IllegalArgumentException.class, () -> new RowOutcome(RowState.PENDING, null));
        assertThrows(IllegalArgumentException.class, () -> new ResultFile("outcomes.csv", List.of("a")));
        assertThrows(IllegalArgumentException.class, () -> new ResultFile("Bad Name.txt", List.of("a")));
        assertThrows(IllegalArgumentException.class, () -> new ResultFile("ok.csv", List.of()));
    }
}
