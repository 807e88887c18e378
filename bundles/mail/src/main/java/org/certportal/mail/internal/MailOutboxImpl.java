package org.certportal.mail.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

import javax.persistence.EntityManager;
import javax.sql.DataSource;

import org.certportal.audit.api.AuditLog;
import org.certportal.audit.api.Changes;
import org.certportal.mail.api.MailMessage;
import org.certportal.mail.api.MailOutbox;
import org.certportal.mail.api.MailPermissions;
import org.certportal.mail.api.MailStatus;
import org.certportal.mail.api.OutboxEntry;
import org.certportal.persistence.api.DataSources;
import org.certportal.persistence.api.Page;
import org.certportal.persistence.api.PageRequest;
import org.certportal.persistence.api.SchemaMigrator;
import org.certportal.security.api.Caller;
import org.certportal.security.api.SecurityService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * Queues messages on the caller's connection and reads the outbox with its own. Immediate: the
 * schema is migrated when the bundle starts. Sending is {@link OutboxDispatcher}'s job.
 */
@Component(immediate = true)
public class MailOutboxImpl implements MailOutbox {
    static final String AUDIT_TYPE = "mail";
    private final SecurityService security;
    private final DataSource dataSource;
    private final AuditLog audit;
    private final OutboxStore store;
    private final Clock clock;

    /** The dispatcher, while its configuration is valid; it references this service, hence optional and dynamic. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile OutboxWakeUp wakeUp;

    @Activate
    public MailOutboxImpl(@Reference SecurityService security, @Reference MailSchema migrated,
            @Reference(target = DataSources.TARGET) DataSource dataSource, @Reference AuditLog audit) {
        this(security, migrated, dataSource, audit, Clock.systemUTC());
    }

    /**
     * Outside OSGi (tests here and in other bundles): migrates the outbox table first. A factory, not a
     * second public constructor of the same arity, which SCR would try and log as an ERROR at every boot.
     */
    public static MailOutboxImpl migrating(SecurityService security, SchemaMigrator migrator, DataSource dataSource,
            AuditLog audit) {
        return new MailOutboxImpl(security, new MailSchema(migrator), dataSource, audit, Clock.systemUTC());
    }

    /** @param migrated the outbox table, up to date */
    MailOutboxImpl(SecurityService security, MailSchema migrated, DataSource dataSource, AuditLog audit,
            Clock clock) {
        this.security = security;
        this.dataSource = dataSource;
        this.audit = audit;
        this.store = new OutboxStore(dataSource);
        this.clock = clock;
    }

    @Override
    public long queue(EntityManager em, MailMessage message) {
        // the connection of the entity manager's transaction (EclipseLink begins it early if needed)
        Connection connection = em.unwrap(Connection.class);
        if (connection == null) {
            throw new IllegalStateException("Mail is queued in the caller's transaction, but the entity manager has"
                    + " no active transaction.");
        }
        return queue(connection, message);
    }

    @Override
    public long queue(Connection connection, MailMessage message) {
        if (message == null) {
            throw new IllegalArgumentException("A message is required.");
        }
        long id;
        try {
            id = OutboxStore.insert(connection, message, clock.instant());
        } catch (SQLException e) {
            throw new IllegalStateException("Queueing the mail failed: " + e.getMessage(), e);
        }
        // the caller commits later; a wake-up shortly after usually finds the message committed,
        // otherwise the next poll does
        ring();
        return id;
    }

    @Override
    public int queueAll(Connection connection, List<MailMessage> messages) {
        if (messages == null || messages.stream().anyMatch(java.util.Objects::isNull)) {
            throw new IllegalArgumentException("Every message is required.");
        }
        if (messages.isEmpty()) {
            return 0;
        }
        try {
            OutboxStore.insertAll(connection, messages, clock.instant());
        } catch (SQLException e) {
            throw new IllegalStateException("Queueing the mail failed: " + e.getMessage(), e);
        }
        ring();
        return messages.size();
    }

    @Override
    public List<Long> queueEach(Connection connection, List<MailMessage> messages) {
        if (messages == null || messages.stream().anyMatch(java.util.Objects::isNull)) {
            throw new IllegalArgumentException("Every message is required.");
        }
        if (messages.isEmpty()) {
            return List.of();
        }
        List<Long> ids;
        try {
            ids = OutboxStore.insertEach(connection, messages, clock.instant());
        } catch (SQLException e) {
            throw new IllegalStateException("Queueing the mail failed: " + e.getMessage(), e);
        }
        ring();
        return ids;
    }

    @Override
    public Page<OutboxEntry> search(MailStatus status, String recipientPrefix, PageRequest page) {
        security.require(MailPermissions.READ);
        if (page.sortBy() != null) {
            throw new IllegalArgumentException("The outbox is listed newest first; it cannot be sorted by '"
                    + page.sortBy() + "'.");
        }
        try {
            return store.search(status, recipientPrefix, page);
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the mail outbox failed: " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<OutboxEntry> find(long id) {
        security.require(MailPermissions.READ);
        try {
            return store.find(id);
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the mail outbox failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void resend(long id) {
        security.require(MailPermissions.RESEND);
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                MailStatus before = OutboxStore.requeue(c, id, clock.instant());
                audit.record(c, AUDIT_TYPE, id, "resent", Changes.of().field("status", before, MailStatus.QUEUED));
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Resending the mail failed: " + e.getMessage(), e);
        }
        ring();
    }

    @Override
    public long queueTestMessage(String to) {
        Caller caller = security.require(MailPermissions.TEST);
        MailMessage message = new MailMessage(to, "CertPortal test message", "This message was queued by "
                + caller.userName() + " at " + DateTimeFormatter.ISO_INSTANT.format(clock.instant())
                + " to check the portal's mail settings. No reply is needed.");
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            return queue(c, message);
        } catch (SQLException e) {
            throw new IllegalStateException("Queueing the test message failed: " + e.getMessage(), e);
        }
    }

    private void ring() {
        OutboxWakeUp w = wakeUp;
        if (w != null) {
            w.wakeUp();
        }
    }
}
