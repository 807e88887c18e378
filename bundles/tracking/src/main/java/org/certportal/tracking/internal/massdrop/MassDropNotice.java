package org.certportal.tracking.internal.massdrop;

import java.util.Locale;

import org.certportal.mail.api.MailMessage;

/** The email a mass drop sends each person it changed, when asked to notify. */
final class MassDropNotice {
    private MassDropNotice() {
    }

    /** @throws IllegalArgumentException when the address is not one a message can go to */
    static MailMessage message(String to, String givenName, String familyName, String programCode, String programName,
            MassDropCriteria criteria) {
        String status = criteria.target().title().toLowerCase(Locale.ROOT);
        String name = givenName == null || givenName.isBlank() ? familyName : givenName + " " + familyName;
        String subject = programName + " (" + programCode + "): your certification is " + status;
        String body = "Dear " + name + ",\n\n"
                + "your certification " + programName + " (" + programCode + ") is " + status + " as of "
                + criteria.terminatedOn() + ".\n\n"
                + "Reason: " + criteria.reason() + "\n\n"
                + "If you think this is a mistake, please answer this message.\n";
        if (subject.length() > MailMessage.MAX_SUBJECT) {
            subject = subject.substring(0, MailMessage.MAX_SUBJECT);
        }
        return new MailMessage(to, subject, body);
    }
}
