package org.certportal.mail.internal;

import java.util.Optional;

/** Whether the outbox is being sent, for the view to say so; registered by the dispatcher while it runs. */
public interface MailDeliveryState {
    /** Why queued mail is not being sent now, or empty when it is. */
    Optional<String> notSendingBecause();
}
