package org.certportal.mail.api;

import java.sql.Connection;
import java.util.List;
import java.util.Optional;

import javax.persistence.EntityManager;

import org.certportal.persistence.api.Page;
import org.certportal.persistence.api.PageRequest;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Outgoing mail. A message is stored in the transaction of the change that causes it, and a
 * background sender hands it to the SMTP server (etc/org.certportal.mail.cfg) only once that
 * transaction has committed; failures are retried with growing pauses, then marked failed.
 * Portals sharing one database never send the same message twice (as far as SMTP allows: a portal
 * that dies between the server's acceptance and its own bookkeeping sends that message again).
 */
@ProviderType
public interface MailOutbox {

    /**
     * Queues a message in the caller's transaction (through the entity manager's connection), so a
     * rolled-back change queues nothing. Needs no permission of its own (the change was checked).
     *
     * @return the message's id
     * @throws IllegalStateException when the entity manager has no active transaction
     */
    long queue(EntityManager em, MailMessage message);

    /** The same for callers working with JDBC: the message is written on their connection, in their transaction. */
    long queue(Connection connection, MailMessage message);

    /**
     * Many messages on the caller's connection, in the caller's transaction, in one batch (a bulk
     * action that notifies each person it changed).
     *
     * @return how many were queued
     */
    default int queueAll(Connection connection, List<MailMessage> messages) {
        messages.forEach(m -> queue(connection, m));
        return messages.size();
    }

    /**
     * {@link #queueAll} returning each message's id, in the order of {@code messages} (a process that records
     * which message it queued for each row): one batch on the caller's connection, in the caller's transaction.
     *
     * @since 1.2
     */
    default List<Long> queueEach(Connection connection, List<MailMessage> messages) {
        return messages.stream().map(m -> queue(connection, m)).toList();
    }

    /**
     * Newest first, filtered in the database by status (optional) and the start of the recipient
     * address (optional, any case). Bodies are left out. Demands {@link MailPermissions#READ}.
     */
    Page<OutboxEntry> search(MailStatus status, String recipientPrefix, PageRequest page);

    /** One message with its body. Demands {@link MailPermissions#READ}. */
    Optional<OutboxEntry> find(long id);

    /**
     * Puts a failed or sent message back in the queue with its attempts reset, audited. Demands
     * {@link MailPermissions#RESEND}.
     *
     * @throws IllegalArgumentException when there is no such message or it is queued or being sent
     */
    void resend(long id);

    /**
     * Queues a short test message to check the SMTP settings. Demands {@link MailPermissions#TEST}.
     *
     * @return the message's id
     */
    long queueTestMessage(String to);
}
