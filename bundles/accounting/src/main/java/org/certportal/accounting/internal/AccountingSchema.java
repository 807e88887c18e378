package org.certportal.accounting.internal;

import org.certportal.persistence.api.SchemaMigrator;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The accounting tables (batches, orders), brought up to date once when the bundle starts. */
@Component(service = AccountingSchema.class, immediate = true)
public class AccountingSchema {
    static final String CHANGELOG = "db/accounting.changelog.xml";

    @Activate
    public AccountingSchema(@Reference SchemaMigrator migrator) {
        migrator.migrate(AccountingSchema.class, CHANGELOG);
    }
}
