package org.certportal.bench.internal.shell;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import javax.sql.DataSource;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.certportal.contacts.api.ContactDraft;
import org.certportal.contacts.api.ContactNames;
import org.certportal.contacts.api.ContactService;
import org.certportal.persistence.api.PageRequest;

@Command(scope = "certportal", name = "contacts-benchmark", description = "Measures contact inserts and paging",
        detailedDescription = "Inserts --rows demo contacts through the contact service and the same rows by raw"
                + " JDBC batch into a scratch table (dropped afterwards), then times --pages filtered, sorted pages."
                + " Adds the contacts for good: run it on a scratch database.")
@Service
public class ContactsBenchmarkCommand implements Action {
    @Reference
    ContactService contacts;

    @Reference(filter = "(osgi.jndi.service.name=certportal)")
    DataSource dataSource;

    @Option(name = "--rows", description = "contacts to insert (default 100000)")
    int rows = 100_000;

    @Option(name = "--pages", description = "page queries to time (default 100)")
    int pages = 100;

    @Override
    public Object execute() throws Exception {
        long seed = System.currentTimeMillis();
        List<ContactDraft> drafts = drafts(rows, seed);
        double raw = rawJdbcRowsPerSecond(drafts);
        long started = System.nanoTime();
        contacts.createAll(drafts);
        double service = rows / ((System.nanoTime() - started) / 1e9);
        System.out.printf("insert %,d contacts: service %,.0f rows/s, raw JDBC batch %,.0f rows/s, ratio %.2f"
                + " (goal: within 2x)%n", rows, service, raw, raw / service);

        Random random = new Random(seed);
        String[] prefixes = { "smi", "gar", "lee", "mar", "wil", "ki", "jo", "ba" };
        List<Double> millis = new ArrayList<>();
        long total = 0;
        for (int i = 0; i < pages; i++) {
            PageRequest page = new PageRequest(random.nextInt(20) * 50, 50, ContactService.SORT_FAMILY_NAME, true);
            long t = System.nanoTime();
            total = contacts.search(prefixes[i % prefixes.length], page).total();
            millis.add((System.nanoTime() - t) / 1e6);
        }
        Collections.sort(millis);
        System.out.printf("filtered page (prefix search, 50 rows sorted by family name, with its count) over %d runs:"
                + " median %.1f ms, p95 %.1f ms (last match count %,d)%n", pages, millis.get(pages / 2),
                millis.get((int) Math.ceil(pages * 0.95) - 1), total);
        return null;
    }

    /**
     * Contacts spread over family names that the timed prefixes find; external identifiers carry the
     * seed, so runs never clash.
     */
    private static List<ContactDraft> drafts(int count, long seed) {
        if (count < 1 || count > 5_000_000) {
            throw new IllegalArgumentException("--rows must be between 1 and 5,000,000.");
        }
        String[] given = { "Ada", "Grace", "Alan", "Radia", "Linus", "Hedy", "Edsger", "Barbara" };
        String[] family = { "Smith", "Garcia", "Lee", "Martin", "Wilson", "King", "Jones", "Baker", "Nguyen", "Hall" };
        Random random = new Random(seed);
        LocalDate today = LocalDate.now();
        List<ContactDraft> drafts = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            String g = given[random.nextInt(given.length)];
            String f = family[random.nextInt(family.length)] + (char) ('a' + random.nextInt(26));
            drafts.add(new ContactDraft(g, f, (g + "." + f + i + "@example.org").toLowerCase(Locale.ROOT),
                    today.minusYears(18 + random.nextInt(50)).minusDays(random.nextInt(365)), "B" + seed + "-" + i));
        }
        return drafts;
    }

    private double rawJdbcRowsPerSecond(List<ContactDraft> drafts) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement ddl = c.createStatement()) {
            ddl.execute("CREATE TABLE bench_contact (id BIGINT PRIMARY KEY, given_name VARCHAR(100),"
                    + " family_name VARCHAR(100) NOT NULL, family_name_key VARCHAR(100) NOT NULL, email VARCHAR(254),"
                    + " birth_date DATE, external_id VARCHAR(64) UNIQUE, created_at TIMESTAMP NOT NULL,"
                    + " version BIGINT NOT NULL)");
            // the same indexes as the contact table: the denominator does the same work
            ddl.execute("CREATE INDEX bench_contact_key ON bench_contact (family_name_key, id)");
            ddl.execute("CREATE INDEX bench_contact_email ON bench_contact (email)");
            try {
                boolean autoCommit = c.getAutoCommit();
                c.setAutoCommit(false);
                long started = System.nanoTime();
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO bench_contact VALUES (?,?,?,?,?,?,?,?,?)")) {
                    long id = 0;
                    for (ContactDraft d : drafts) {
                        insert.setLong(1, ++id);
                        insert.setString(2, d.givenName());
                        insert.setString(3, d.familyName());
                        insert.setString(4, ContactNames.key(d.familyName()));
                        insert.setString(5, d.email());
                        insert.setDate(6, Date.valueOf(d.birthDate()));
                        insert.setString(7, d.externalId());
                        insert.setTimestamp(8, Timestamp.from(Instant.now()));
                        insert.setLong(9, 1);
                        insert.addBatch();
                        if (id % 1000 == 0) {
                            insert.executeBatch();
                        }
                    }
                    insert.executeBatch();
                }
                c.commit();
                c.setAutoCommit(autoCommit);
                return drafts.size() / ((System.nanoTime() - started) / 1e9);
            } finally {
                ddl.execute("DROP TABLE bench_contact");
            }
        }
    }
}
