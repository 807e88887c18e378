package org.certportal.credentials.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.certportal.credentials.api.AwardedCredential;
import org.certportal.credentials.api.CredentialService;
import org.certportal.credentials.api.DocumentItem;
import org.certportal.credentials.api.Reissued;

@Command(scope = "credentials", name = "reissue", description = "Reissues a credential under a new number and"
        + " orders a reprint", detailedDescription = "credentials:reissue --reason R NUMBER\n"
                + "The credential gets a new number linked to the old one, which is kept as superseded; its documents"
                + " not yet printed are cancelled and a reprint is ordered where the delivery rules allow. A revoked"
                + " or superseded credential is not reissued.")
@Service
public class ReissueCommand implements Action {
    @Reference
    CredentialService credentials;

    @Option(name = "--reason", required = true, description = "why, e.g. 'document lost'")
    String reason;

    @Argument(index = 0, name = "NUMBER", required = true, description = "the credential number")
    String number;

    @Override
    public Object execute() {
        Reissued r = credentials.reissue(number, reason);
        AwardedCredential c = r.credential();
        System.out.println("Reissued " + c.replacesNumber() + " as " + c.number() + " (" + c.studentName() + ").");
        if (r.ordered()) {
            DocumentItem d = c.documents().get(0);
            System.out.println("Reprint ordered: " + d.deliveryMethod() + " to " + d.recipient() + ", " + d.address()
                    + " (order " + d.orderReference() + ").");
        } else {
            System.out.println("Not ordered: " + r.notOrderedReason());
        }
        return null;
    }
}
