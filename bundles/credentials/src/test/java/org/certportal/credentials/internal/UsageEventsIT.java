package org.certportal.credentials.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.time.Instant;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.certportal.credentials.api.UsageEvent;
import org.certportal.credentials.api.UsageKind;
import org.certportal.persistence.api.Page;
import org.certportal.persistence.api.PageRequest;
import org.certportal.persistence.internal.LiquibaseSchemaMigrator;
import org.certportal.persistence.testing.TestDatabases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The page's usage events on H2 and PostgreSQL: past the count's cap the list says "more than". */
class UsageEventsIT {
    private static final Instant START = Instant.parse("2026-07-01T08:00:00Z");

    static Stream<String> databases() {
        return TestDatabases.available().stream();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void usagePastTheCountCapSaysMoreThanAndARecentRangeIsExact(String db) throws Exception {
        DataSource ds = TestDatabases.fresh(db);
        new LiquibaseSchemaMigrator(ds).migrate(CredentialServiceImpl.class, "db/credentials.changelog.xml");
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            for (int i = 0; i <= Page.COUNT_CAP; i++) {
                UsageEvents.record(c, i + 1, UsageKind.PAGE_VIEW, "staff", START.plusSeconds(i), null);
            }
            c.commit();
            Page<UsageEvent> all = UsageEvents.page(c, null, PageRequest.first(50));
            assertTrue(all.more());
            assertEquals("more than 10,000 events", all.totalText("event", "events"));
            assertEquals(Page.COUNT_CAP + 1L, all.items().get(0).id(), "newest first");
            Page<UsageEvent> lastTen = UsageEvents.page(c, START.plusSeconds(Page.COUNT_CAP - 9), PageRequest.first(50));
            assertFalse(lastTen.more());
            assertEquals(10, lastTen.total());
        }
    }
}
