package org.certportal.mail.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.Persistence;

import org.apache.aries.jpa.template.TransactionType;
import org.certportal.mail.api.MailMessage;
import org.certportal.mail.api.MailPermissions;
import org.certportal.mail.api.MailStatus;
import org.certportal.mail.api.OutboxEntry;
import org.certportal.persistence.api.Page;
import org.certportal.persistence.api.PageRequest;
import org.certportal.persistence.testing.TestJpa;
import org.certportal.security.api.AccessDeniedException;
import org.certportal.security.api.Role;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The service: queueing in the caller's transaction, permissions, search, resend; on H2 and PostgreSQL. */
class MailOutboxIT {
    static Stream<String> databases() {
        return TestDatabase.names();
    }

    private static MailMessage message(String to) {
        return new MailMessage(to, "Notice for " + to, "Body for " + to);
    }

    @ParameterizedTest
    @MethodSource("databases")
    void queueingThroughAnEntityManagerJoinsItsTransaction(String db) throws Exception {
        try (OutboxFixture f = new OutboxFixture(db); TestJpa jpa = new TestJpa("mail-test", f.dataSource)) {
            try (Connection c = f.dataSource.getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE certificate_probe (id INT PRIMARY KEY)");
            }
            // a feature service's change fails after queueing its notice: both roll back
            assertThrows(IllegalStateException.class, () -> jpa.tx(TransactionType.Required, em -> {
                em.createNativeQuery("INSERT INTO certificate_probe (id) VALUES (1)").executeUpdate();
                f.outbox.queue(em, message("ada@example.org"));
                throw new IllegalStateException("the change fails");
            }));
            assertEquals(0, count(f, "certificate_probe"));
            assertEquals(0, count(f, "mail_outbox"), "the rolled-back change queued nothing");

            long id = jpa.txExpr(TransactionType.Required, em -> {
                em.createNativeQuery("INSERT INTO certificate_probe (id) VALUES (2)").executeUpdate();
                return f.outbox.queue(em, message("ada@example.org"));
            });
            assertEquals(1, count(f, "certificate_probe"));
            assertEquals(MailStatus.QUEUED, f.entry(id).status());

            EntityManagerFactory emf = Persistence.createEntityManagerFactory("mail-test",
                    Map.of("javax.persistence.nonJtaDataSource", f.dataSource));
            try {
                EntityManager em = emf.createEntityManager();
                IllegalStateException outside = assertThrows(IllegalStateException.class,
                        () -> f.outbox.queue(em, message("ada@example.org")));
                assertTrue(outside.getMessage().contains("no active transaction"), outside.getMessage());
                em.close();
            } finally {
                emf.close();
            }
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void manyMessagesQueueInOneBatchInTheCallersTransaction(String db) throws Exception {
        try (OutboxFixture f = new OutboxFixture(db)) {
            List<MailMessage> many = java.util.stream.IntStream.range(0, 250)
                    .mapToObj(i -> message("person" + i + "@example.org")).toList();
            try (Connection c = f.dataSource.getConnection()) {
                c.setAutoCommit(false);
                assertEquals(250, f.outbox.queueAll(c, many));
                c.rollback();
            }
            assertEquals(0, count(f, "mail_outbox"), "the rolled-back batch queued nothing");
            try (Connection c = f.dataSource.getConnection()) {
                c.setAutoCommit(false);
                f.outbox.queueAll(c, many);
                c.commit();
            }
            assertEquals(250, count(f, "mail_outbox"));
            try (Connection c = f.dataSource.getConnection(); Statement s = c.createStatement();
                    java.sql.ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM mail_outbox WHERE status = 'QUEUED'"
                            + " AND recipient_key = 'person7@example.org' AND subject = 'Notice for person7@example.org'")) {
                rs.next();
                assertEquals(1, rs.getInt(1), "each message as given, queued");
            }
            try (Connection c = f.dataSource.getConnection()) {
                List<MailMessage> withAHole = new java.util.ArrayList<>(many);
                withAHole.add(null);
                assertEquals("Every message is required.", assertThrows(IllegalArgumentException.class,
                        () -> f.outbox.queueAll(c, withAHole)).getMessage());
            }
            assertEquals(250, count(f, "mail_outbox"));
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void messagesQueuedInOneBatchComeBackWithTheirOwnIdsInOrder(String db) throws Exception {
        try (OutboxFixture f = new OutboxFixture(db)) {
            List<MailMessage> many = java.util.stream.IntStream.range(0, 120)
                    .mapToObj(i -> message("person" + i + "@example.org")).toList();
            List<Long> ids;
            try (Connection c = f.dataSource.getConnection()) {
                c.setAutoCommit(false);
                ids = f.outbox.queueEach(c, many);
                c.commit();
            }
            assertEquals(120, ids.size());
            assertEquals(120, new java.util.HashSet<>(ids).size(), "an id each");
            for (int i : new int[] { 0, 57, 119 }) {
                try (Connection c = f.dataSource.getConnection(); java.sql.PreparedStatement ps = c.prepareStatement(
                        "SELECT recipient FROM mail_outbox WHERE id = ?")) {
                    ps.setLong(1, ids.get(i));
                    try (java.sql.ResultSet rs = ps.executeQuery()) {
                        assertTrue(rs.next());
                        assertEquals("person" + i + "@example.org", rs.getString(1), "the id of message " + i);
                    }
                }
            }
            try (Connection c = f.dataSource.getConnection()) {
                List<MailMessage> withAHole = new java.util.ArrayList<>(many);
                withAHole.add(null);
                assertThrows(IllegalArgumentException.class, () -> f.outbox.queueEach(c, withAHole));
            }
            assertEquals(120, count(f, "mail_outbox"), "a bad batch queued nothing");
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void badInputIsRefusedAndChangesNothing(String db) throws Exception {
        try (OutboxFixture f = new OutboxFixture(db)) {
            try (Connection c = f.dataSource.getConnection()) {
                assertEquals("A message is required.",
                        assertThrows(IllegalArgumentException.class, () -> f.outbox.queue(c, null)).getMessage());
            }
            assertTrue(assertThrows(IllegalArgumentException.class, () -> f.outbox.queueTestMessage("not an address"))
                    .getMessage().contains("is not a valid email address"));
            assertThrows(IllegalArgumentException.class,
                    () -> f.outbox.search(null, null, PageRequest.first(10).sortedBy("subject", true)));
            assertEquals(0, count(f, "mail_outbox"));
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void searchPagesNewestFirstAndFiltersInTheDatabase(String db) throws Exception {
        try (OutboxFixture f = new OutboxFixture(db)) {
            for (int i = 0; i < 23; i++) {
                f.queueCommitted(message("user" + i + "@example.org"));
            }
            long ada = f.queueCommitted(message("Ada.Lovelace@example.org"));
            long percent = f.queueCommitted(message("100%_sure@example.org"));
            f.fail(ada, "550 no such user");

            Page<OutboxEntry> first = f.outbox.search(null, null, new PageRequest(0, 10, null, false));
            assertEquals(25, first.total());
            assertEquals(10, first.items().size());
            assertEquals(percent, first.items().get(0).id(), "newest first");
            assertNull(first.items().get(0).body(), "bodies stay in the database");
            assertEquals(5, f.outbox.search(null, null, new PageRequest(20, 10, null, false)).items().size());

            assertEquals(List.of(ada), ids(f.outbox.search(null, "ADA.", PageRequest.first(10))), "any case");
            assertEquals(11, f.outbox.search(null, "user1", PageRequest.first(50)).total(), "user1, user10..19");
            assertEquals(List.of(percent), ids(f.outbox.search(null, "100%_", PageRequest.first(10))));
            assertEquals(0, f.outbox.search(null, "%", PageRequest.first(10)).total(), "wildcards are literal");
            assertEquals(List.of(ada), ids(f.outbox.search(MailStatus.FAILED, null, PageRequest.first(10))));
            assertEquals(0, f.outbox.search(MailStatus.FAILED, "user", PageRequest.first(10)).total());
            assertEquals(24, f.outbox.search(MailStatus.QUEUED, null, PageRequest.first(10)).total());

            OutboxEntry found = f.outbox.find(ada).orElseThrow();
            assertEquals("Body for Ada.Lovelace@example.org", found.body());
            assertEquals("550 no such user", found.lastError());
            assertTrue(f.outbox.find(-1).isEmpty());
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aSearchPastTheCountCapSaysMoreThan(String db) throws Exception {
        try (OutboxFixture f = new OutboxFixture(db)) {
            List<MailMessage> many = java.util.stream.IntStream.rangeClosed(0, Page.COUNT_CAP)
                    .mapToObj(i -> message("person" + i + "@example.org")).toList();
            try (Connection c = f.dataSource.getConnection()) {
                c.setAutoCommit(false);
                f.outbox.queueAll(c, many);
                c.commit();
            }
            Page<OutboxEntry> all = f.outbox.search(null, null, PageRequest.first(50));
            assertTrue(all.more());
            assertEquals("more than 10,000 messages", all.totalText("message", "messages"));
            assertEquals(50, all.items().size());
            Page<OutboxEntry> some = f.outbox.search(MailStatus.QUEUED, "person1", PageRequest.first(50));
            assertFalse(some.more(), "person1, person10..19, 100..199, 1000..1999, 10000: counted exactly");
            assertEquals(1112, some.total());
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void everyCallChecksItsPermissionWithTheRoleHierarchy(String db) throws Exception {
        try (OutboxFixture f = new OutboxFixture(db)) {
            long id = f.queueCommitted(message("ada@example.org"));
            f.fail(id, "refused");

            f.security.anonymous();
            assertThrows(AccessDeniedException.class, () -> f.outbox.search(null, null, PageRequest.first(10)));
            assertThrows(AccessDeniedException.class, () -> f.outbox.find(id));
            assertThrows(AccessDeniedException.class, () -> f.outbox.resend(id));
            assertThrows(AccessDeniedException.class, () -> f.outbox.queueTestMessage("ada@example.org"));

            f.security.as(Role.STUDENT_RECORDS);
            assertThrows(AccessDeniedException.class, () -> f.outbox.search(null, null, PageRequest.first(10)));

            f.security.as(Role.STAFF);
            assertEquals(1, f.outbox.search(null, null, PageRequest.first(10)).total());
            assertTrue(f.outbox.find(id).isPresent());
            AccessDeniedException denied = assertThrows(AccessDeniedException.class, () -> f.outbox.resend(id));
            assertEquals(MailPermissions.RESEND, denied.permission());
            assertEquals(MailStatus.FAILED, f.entry(id).status(), "a refused resend changed nothing");

            f.security.as(Role.CERTIFICATION_MANAGER);
            assertThrows(AccessDeniedException.class, () -> f.outbox.queueTestMessage("ada@example.org"),
                    "only SysAdmins test the mail settings");
            f.outbox.resend(id);
            assertEquals(MailStatus.QUEUED, f.entry(id).status(), "Certification Admin and up resend");
            assertEquals(1, count(f, "mail_outbox"));
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void resendTakesOnlySentOrFailedMessagesAndIsUndoneWithItsAudit(String db) throws Exception {
        try (OutboxFixture f = new OutboxFixture(db)) {
            long queued = f.queueCommitted(message("ada@example.org"));
            assertEquals("Message " + queued + " is still waiting in the queue; only sent or failed messages can be"
                    + " sent again.", assertThrows(IllegalArgumentException.class, () -> f.outbox.resend(queued))
                            .getMessage());
            assertEquals("There is no message with id 999999 in the outbox.",
                    assertThrows(IllegalArgumentException.class, () -> f.outbox.resend(999_999)).getMessage());

            f.portal("portal-a", m -> { }, 8).runOnce(() -> false);
            assertEquals(MailStatus.SENT, f.entry(queued).status());
            f.audit.failNext = new IllegalStateException("audit table gone");
            assertThrows(IllegalStateException.class, () -> f.outbox.resend(queued));
            assertEquals(MailStatus.SENT, f.entry(queued).status(), "no audit, no resend");

            f.outbox.resend(queued);
            OutboxEntry again = f.entry(queued);
            assertEquals(MailStatus.QUEUED, again.status());
            assertNull(again.sentAt());
            assertEquals("status: SENT → QUEUED", f.audit.entries.get(0).changes());
            assertTrue(f.audit.entries.get(0).inTransaction());
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aTestMessageIsQueuedAndCommittedAtOnce(String db) throws Exception {
        try (OutboxFixture f = new OutboxFixture(db)) {
            long id = f.outbox.queueTestMessage("ops@example.org");
            OutboxEntry test = f.entry(id);
            assertEquals("ops@example.org", test.to());
            assertEquals("CertPortal test message", test.subject());
            assertTrue(test.body().contains("queued by sysadmin-user"), test.body());
            assertEquals(MailStatus.QUEUED, test.status());
        }
    }

    private static List<Long> ids(Page<OutboxEntry> page) {
        return page.items().stream().map(OutboxEntry::id).toList();
    }

    private static long count(OutboxFixture f, String table) throws SQLException {
        try (Connection c = f.dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
