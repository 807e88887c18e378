package org.certportal.settings.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

import javax.sql.DataSource;

import org.certportal.audit.api.AuditLog;
import org.certportal.audit.api.Changes;
import org.certportal.persistence.api.DataSources;
import org.certportal.persistence.api.SchemaMigrator;
import org.certportal.security.api.Permissions;
import org.certportal.security.api.SecurityService;
import org.certportal.settings.api.OrganisationSettings;
import org.certportal.settings.api.SettingsPermissions;
import org.certportal.settings.api.SettingsService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Settings as name/value rows, changed in one transaction together with their audit entry. */
@Component(immediate = true)
public class SettingsServiceImpl implements SettingsService {
    private final SecurityService security;
    private final DataSource dataSource;
    private final AuditLog audit;

    @Activate
    public SettingsServiceImpl(@Reference SecurityService security, @Reference SchemaMigrator migrator,
            @Reference(target = DataSources.TARGET) DataSource dataSource, @Reference AuditLog audit) {
        migrator.migrate(SettingsServiceImpl.class, "db/settings.changelog.xml");
        this.security = security;
        this.dataSource = dataSource;
        this.audit = audit;
    }

    @Override
    public OrganisationSettings current() {
        security.require(Permissions.PORTAL_ACCESS);
        try (Connection c = dataSource.getConnection()) {
            return SettingsRules.fromValues(read(c));
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the settings failed: " + e.getMessage(), e);
        }
    }

    @Override
    public OrganisationSettings update(OrganisationSettings settings) {
        security.require(SettingsPermissions.EDIT);
        SettingsRules.check(settings);
        Map<String, String> next = SettingsRules.toValues(settings);
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                Map<String, String> before = SettingsRules.toValues(SettingsRules.fromValues(read(c)));
                Changes changes = Changes.of();
                for (Map.Entry<String, String> e : next.entrySet()) {
                    changes.field(e.getKey(), before.get(e.getKey()), e.getValue());
                    try (PreparedStatement del = c.prepareStatement("DELETE FROM org_setting WHERE name = ?");
                            PreparedStatement ins = c.prepareStatement(
                                    "INSERT INTO org_setting (name, setting_value) VALUES (?, ?)")) {
                        del.setString(1, e.getKey());
                        del.executeUpdate();
                        ins.setString(1, e.getKey());
                        ins.setString(2, e.getValue());
                        ins.executeUpdate();
                    }
                }
                if (!changes.isEmpty()) {
                    audit.record(c, "settings", "organisation", "updated", changes);
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
            return SettingsRules.fromValues(next);
        } catch (SQLException e) {
            throw new IllegalStateException("Saving the settings failed: " + e.getMessage(), e);
        }
    }

    private static Map<String, String> read(Connection c) throws SQLException {
        Map<String, String> values = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT name, setting_value FROM org_setting");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                values.put(rs.getString(1), rs.getString(2) == null ? "" : rs.getString(2));
            }
        }
        return values;
    }
}
