package org.certportal.tracking.internal.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.Proxy;
import java.util.List;

import org.certportal.enrollments.api.CertificationStatus;
import org.certportal.tracking.api.MassDropService;
import org.certportal.tracking.api.RevertReport;
import org.junit.jupiter.api.Test;

/** tracking:revert with plain objects: it prints the report, and a refusal reaches the shell as it is. */
class RevertCommandTest {
    @Test
    void printsTheSummaryAndEachRowLeftAlone() {
        RevertReport report = new RevertReport(42, false, 3, List.of(new RevertReport.LeftAlone(202, "Grace Hopper",
                "G-002", CertificationStatus.EXPIRED, CertificationStatus.CANCELLED, "changed since (now Cancelled)")),
                2, "Run 42 reverted: 3 enrollments moved back; 2 changed since by someone else were left alone.");
        String n = System.lineSeparator();
        assertEquals("Run 42 reverted: 3 enrollments moved back; 2 changed since by someone else were left alone." + n
                + "  left alone: enrollment 202 (Grace Hopper, G-002): changed since (now Cancelled)" + n
                + "  ... and 1 more: see the run's revert page (tracking/revert?run=42)" + n, RevertCommand.text(report));
    }

    @Test
    void aRunThatIsNotRevertableIsRefusedWithTheServicesSentence() {
        RevertCommand command = new RevertCommand();
        command.drops = (MassDropService) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {MassDropService.class}, (proxy, method, args) -> {
                    throw new IllegalArgumentException("Run 7 was a preview: it changed nothing, so there is nothing"
                            + " to revert.");
                });
        command.runId = 7;
        assertEquals("Run 7 was a preview: it changed nothing, so there is nothing to revert.",
                assertThrows(IllegalArgumentException.class, command::execute).getMessage());
    }
}
