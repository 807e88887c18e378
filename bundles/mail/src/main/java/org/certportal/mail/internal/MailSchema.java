package org.certportal.mail.internal;

import org.certportal.persistence.api.SchemaMigrator;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The outbox table, brought up to date once when the bundle starts. The outbox service and the
 * dispatcher reference this rather than each other: the service binds the dispatcher to wake it,
 * and a dispatcher referencing the service made a cycle (an SCR error at every boot).
 */
@Component(service = MailSchema.class, immediate = true)
public class MailSchema {
    static final String CHANGELOG = "db/mail.changelog.xml";

    @Activate
    public MailSchema(@Reference SchemaMigrator migrator) {
        migrator.migrate(MailSchema.class, CHANGELOG);
    }
}
