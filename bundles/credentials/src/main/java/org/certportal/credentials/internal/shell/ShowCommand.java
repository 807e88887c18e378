package org.certportal.credentials.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.certportal.credentials.api.AwardedCredential;
import org.certportal.credentials.api.CredentialService;
import org.certportal.credentials.api.DocumentItem;

@Command(scope = "credentials", name = "show", description = "Shows an awarded credential by its number",
        detailedDescription = "credentials:show NUMBER, e.g. HSD-2026-0000042-17. A mistyped number is refused by its"
                + " check digits.")
@Service
public class ShowCommand implements Action {
    @Reference
    CredentialService credentials;

    @Argument(index = 0, name = "NUMBER", required = true, description = "the credential number")
    String number;

    @Override
    public Object execute() {
        AwardedCredential c = credentials.findByNumber(number).orElse(null);
        if (c == null) {
            System.out.println("No credential has the number " + number.strip() + ".");
            return null;
        }
        System.out.println(c.number() + "  " + c.type().name() + " (" + c.type().code() + ")  " + c.status()
                + (c.statusReason() == null ? "" : ": " + c.statusReason()));
        System.out.println("Student:  " + c.studentName() + (c.studentId() == null ? "" : " (" + c.studentId() + ")"));
        System.out.println("Achieved: " + c.achievedOn() + ", session " + c.session() + ", " + c.issuingBody());
        System.out.println("Awarded:  " + c.awardedOn() + " by " + c.awardedBy()
                + (c.runId() == null ? "" : " in run " + c.runId()));
        if (c.replacesNumber() != null) {
            System.out.println("Replaces: " + c.replacesNumber());
        }
        if (c.replacedByNumber() != null) {
            System.out.println("Replaced by: " + c.replacedByNumber());
        }
        if (c.documents().isEmpty()) {
            System.out.println("Documents: none ordered");
        }
        for (DocumentItem d : c.documents()) {
            System.out.println("Document: " + (d.issueNo() == 0 ? "first issue" : "reprint " + d.issueNo()) + ", "
                    + d.status() + " " + d.statusAt() + ", " + d.deliveryMethod() + " to " + d.recipient() + ", "
                    + d.address() + " (order " + d.orderReference() + ")");
        }
        return null;
    }
}
