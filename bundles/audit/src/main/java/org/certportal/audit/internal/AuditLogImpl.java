package org.certportal.audit.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import javax.persistence.EntityManager;
import javax.sql.DataSource;

import org.certportal.audit.api.AuditEntry;
import org.certportal.audit.api.AuditLog;
import org.certportal.audit.api.AuditPermissions;
import org.certportal.audit.api.AuditRecord;
import org.certportal.audit.api.Changes;
import org.certportal.persistence.api.DataSources;
import org.certportal.persistence.api.JdbcStatements;
import org.certportal.persistence.api.Page;
import org.certportal.persistence.api.PageRequest;
import org.certportal.persistence.api.SchemaMigrator;
import org.certportal.security.api.Caller;
import org.certportal.security.api.SecurityService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Entries are inserted through the caller's entity manager and read with plain JDBC. */
@Component(immediate = true)
public class AuditLogImpl implements AuditLog {
    static final int MAX_CHANGES = 8000;
    private final SecurityService security;
    private final DataSource dataSource;
    private final Clock clock = Clock.systemUTC();

    @Activate
    public AuditLogImpl(@Reference SecurityService security, @Reference SchemaMigrator migrator,
            @Reference(target = DataSources.TARGET) DataSource dataSource) {
        migrator.migrate(AuditLogImpl.class, "db/audit.changelog.xml");
        this.security = security;
        this.dataSource = dataSource;
    }

    private static final String INSERT = "INSERT INTO audit_entry (at, actor, entity_type, entity_id, action, changes)"
            + " VALUES (?, ?, ?, ?, ?, ?)";

    @Override
    public void record(EntityManager em, String entityType, Object entityId, String action, Changes changes) {
        Object[] values = values(entityType, entityId, action, changes);
        javax.persistence.Query insert = em.createNativeQuery(INSERT);
        for (int i = 0; i < values.length; i++) {
            insert.setParameter(i + 1, values[i]);
        }
        insert.executeUpdate();
    }

    @Override
    public void record(Connection connection, String entityType, Object entityId, String action, Changes changes) {
        Object[] values = values(entityType, entityId, action, changes);
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (int i = 0; i < values.length; i++) {
                insert.setObject(i + 1, values[i]);
            }
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Writing the audit log failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void recordAll(Connection connection, List<AuditEntry> entries) {
        if (entries == null || entries.stream().anyMatch(java.util.Objects::isNull)) {
            throw new IllegalArgumentException("Every audit entry is required.");
        }
        if (entries.isEmpty()) {
            return;
        }
        List<Object[]> rows = new ArrayList<>(entries.size());
        for (AuditEntry e : entries) {
            rows.add(values(e.entityType(), e.entityId(), e.action(), e.changes())); // all checked before the write
        }
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (Object[] values : rows) {
                for (int i = 0; i < values.length; i++) {
                    insert.setObject(i + 1, values[i]);
                }
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("Writing the audit log failed: " + e.getMessage(), e);
        }
    }

    /** The column values of an entry, checked. */
    private Object[] values(String entityType, Object entityId, String action, Changes changes) {
        String actor = security.currentCaller().map(Caller::userName).orElse("system");
        String text = changes == null ? "" : changes.describe();
        if (text.length() > MAX_CHANGES) {
            text = text.substring(0, MAX_CHANGES - 1) + "…";
        }
        return new Object[] { Timestamp.from(clock.instant()), actor, required(entityType, "entity type"),
            required(String.valueOf(entityId), "entity id"), required(action, "action"), text };
    }

    @Override
    public Page<AuditRecord> search(String entityType, String entityId, String actor, PageRequest page) {
        security.require(AuditPermissions.READ);
        return read(entityType, entityId, actor, page);
    }

    @Override
    public Page<AuditRecord> history(String entityType, String entityId, String permission, PageRequest page) {
        security.require(permission);
        if (entityType == null || entityType.isBlank() || entityId == null || entityId.isBlank()) {
            throw new IllegalArgumentException("Name the entity whose history to read.");
        }
        return read(entityType, entityId, null, page);
    }

    private Page<AuditRecord> read(String entityType, String entityId, String actor, PageRequest page) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<String> args = new ArrayList<>();
        filter(where, args, "entity_type", entityType);
        filter(where, args, "entity_id", entityId);
        filter(where, args, "actor", actor);
        try (Connection c = dataSource.getConnection()) {
            long total;
            // counted up to the cap: a log of millions of entries is not counted for a page of fifty
            try (PreparedStatement count = c.prepareStatement(JdbcStatements.countUpTo("SELECT id FROM audit_entry"
                    + where))) {
                bind(count, args);
                try (ResultSet rs = count.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
            List<AuditRecord> rows = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement("SELECT id, at, actor, entity_type, entity_id, action,"
                    + " changes FROM audit_entry" + where + " ORDER BY id DESC LIMIT ? OFFSET ?")) {
                bind(select, args);
                select.setInt(args.size() + 1, page.limit());
                select.setInt(args.size() + 2, page.offset());
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new AuditRecord(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
                                rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7)));
                    }
                }
            }
            return Page.countedUpTo(rows, total);
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the audit log failed: " + e.getMessage(), e);
        }
    }

    private static void filter(StringBuilder where, List<String> args, String column, String value) {
        if (value != null && !value.isBlank()) {
            where.append(" AND ").append(column).append(" = ?");
            args.add(value.strip());
        }
    }

    private static void bind(PreparedStatement ps, List<String> args) throws SQLException {
        for (int i = 0; i < args.size(); i++) {
            ps.setString(i + 1, args.get(i));
        }
    }

    private static String required(String value, String what) {
        if (value == null || value.isBlank() || value.length() > 64) {
            throw new IllegalArgumentException("An audit entry needs a " + what + " of 1 to 64 characters.");
        }
        return value;
    }
}
