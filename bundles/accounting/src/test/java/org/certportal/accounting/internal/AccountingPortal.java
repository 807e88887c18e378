package org.certportal.accounting.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;

import javax.sql.DataSource;

import org.certportal.audit.internal.AuditLogImpl;
import org.certportal.audit.internal.AuditPermissionProvider;
import org.certportal.contacts.internal.ContactPermissionProvider;
import org.certportal.contacts.internal.ContactServiceImpl;
import org.certportal.persistence.internal.LiquibaseSchemaMigrator;
import org.certportal.persistence.testing.TestDatabases;
import org.certportal.persistence.testing.TestJpa;
import org.certportal.security.api.Role;
import org.certportal.security.testing.TestSecurity;
import org.certportal.settings.api.OrganisationSettings;
import org.certportal.settings.api.SettingsService;

/** The accounting service with the real neighbours it meets (contacts, audit log) on one test database. */
final class AccountingPortal implements AutoCloseable {
    /** 23:30 in UTC: already the next day in Auckland, the organisation's time zone here. */
    static final Instant NOW = Instant.parse("2026-07-15T23:30:00Z");
    static final ZoneId ZONE = ZoneId.of("Pacific/Auckland");

    final DataSource ds;
    final TestSecurity security;
    final TestJpa contactsJpa;
    final AccountingServiceImpl service;

    AccountingPortal(String db) throws SQLException {
        ds = TestDatabases.fresh(db);
        LiquibaseSchemaMigrator migrator = new LiquibaseSchemaMigrator(ds);
        security = new TestSecurity(new AccountingPermissionProvider(), new ContactPermissionProvider(),
                new AuditPermissionProvider()).as(Role.CERTIFICATION_MANAGER);
        AuditLogImpl audit = new AuditLogImpl(security, migrator, ds);
        contactsJpa = new TestJpa("certportal-contacts", ds);
        ContactServiceImpl contacts = new ContactServiceImpl(contactsJpa, security, migrator, audit);
        new AccountingSchema(migrator);
        service = new AccountingServiceImpl(ds, security, audit, contacts, new Settings(),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    void contact(long id, String given, String family) throws SQLException {
        update("INSERT INTO contact (id, given_name, family_name, family_name_key, created_at, version)"
                + " VALUES (?, ?, ?, ?, ?, 1)", id, given, family, family.toLowerCase(Locale.ROOT), Timestamp.from(NOW));
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

    /** The organisation in Auckland. */
    static final class Settings implements SettingsService {
        @Override
        public OrganisationSettings current() {
            OrganisationSettings d = OrganisationSettings.defaults();
            return new OrganisationSettings(ZONE, d.expiringNoticeDays(), d.maxUploadBytes(), d.uploadTypes());
        }

        @Override
        public OrganisationSettings update(OrganisationSettings settings) {
            throw new UnsupportedOperationException();
        }
    }
}
