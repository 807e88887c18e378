package org.certportal.credentials.internal;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;

import javax.sql.DataSource;

import org.certportal.audit.internal.AuditLogImpl;
import org.certportal.audit.internal.AuditPermissionProvider;
import org.certportal.contacts.internal.ContactPermissionProvider;
import org.certportal.contacts.internal.ContactServiceImpl;
import org.certportal.credentials.api.ImportReport;
import org.certportal.mail.internal.MailOutboxImpl;
import org.certportal.persistence.internal.LiquibaseSchemaMigrator;
import org.certportal.persistence.testing.TestDatabases;
import org.certportal.persistence.testing.TestJpa;
import org.certportal.process.internal.ProcessHarness;
import org.certportal.process.internal.ProcessPermissionProvider;
import org.certportal.security.api.Role;
import org.certportal.security.testing.TestSecurity;

/**
 * The credential service and the award process with the real neighbours they meet (contacts with their
 * published view, audit log, process engine) on one test database.
 */
final class CredentialsPortal implements AutoCloseable {
    static final Instant NOW = Instant.parse("2026-07-15T09:00:00Z");

    final DataSource ds;
    final TestSecurity security;
    final TestJpa contactsJpa;
    final ContactServiceImpl contacts;
    final CredentialServiceImpl service;
    final AwardProcess award;
    final RevokeProcess revoke;
    final ProcessHarness engine;

    CredentialsPortal(String db, int chunkSize) throws SQLException {
        ds = TestDatabases.fresh(db);
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        LiquibaseSchemaMigrator migrator = new LiquibaseSchemaMigrator(ds);
        security = new TestSecurity(new CredentialPermissionProvider(), new ContactPermissionProvider(),
                new AuditPermissionProvider(), new ProcessPermissionProvider()).as(Role.STUDENT_RECORDS);
        AuditLogImpl audit = new AuditLogImpl(security, migrator, ds);
        contactsJpa = new TestJpa("certportal-contacts", ds);
        contacts = new ContactServiceImpl(contactsJpa, security, migrator, audit);
        new CredentialsSchema(migrator);
        award = new AwardProcess(security, clock);
        revoke = new RevokeProcess(security, audit, clock);
        engine = new ProcessHarness(security, migrator, ds, audit, MailOutboxImpl.migrating(security, migrator, ds,
                audit), clock, chunkSize).add(award).add(revoke);
        service = new CredentialServiceImpl(ds, security, contacts, audit, engine.service(), clock);
    }

    void contact(long id, String given, String family, String externalId) throws SQLException {
        update("INSERT INTO contact (id, given_name, family_name, family_name_key, external_id, created_at, version)"
                + " VALUES (?, ?, ?, ?, ?, ?, 1)", id, given, family, family.toLowerCase(Locale.ROOT), externalId,
                Timestamp.from(NOW));
    }

    void body(long id, String code, String kind, String line1, String city, String postalCode) throws SQLException {
        update("INSERT INTO issuing_body (id, code, name, kind, address_line1, city, postal_code, country)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, 'CA')", id, code, "Body " + code, kind, line1, city, postalCode);
    }

    ImportReport importCsv(String csv) {
        return service.importAchieved(new StringReader(csv), false);
    }

    void update(String sql, Object... values) throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                ps.setObject(i + 1, values[i]);
            }
            ps.executeUpdate();
        }
    }

    long count(String sql) throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    String text(String sql) throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    @Override
    public void close() {
        contactsJpa.close();
    }
}
