package org.certportal.credentials.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import javax.sql.DataSource;

import org.certportal.contacts.api.Contact;
import org.certportal.contacts.api.ContactDraft;
import org.certportal.contacts.api.ContactService;
import org.certportal.credentials.api.CredentialPermissions;
import org.certportal.persistence.api.DataSources;
import org.certportal.persistence.api.DemoData;
import org.certportal.persistence.api.JdbcTransactions;
import org.certportal.security.api.SecurityService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Demo students (new contacts with identifiers {@code STU-seed-n}), 20 schools (two without an address)
 * and two examining authorities, and each student's achieved credentials of the June session: mostly a
 * diploma, some an equivalency, some a certificate of achievement beside their diploma (superseded when
 * awarded); one in ten students has no mailing address.
 */
@Component(service = DemoData.class)
public class CredentialsDemoData implements DemoData {
    static final int SCHOOLS = 20;
    private final DataSource ds;
    private final SecurityService security;
    private final ContactService contacts;
    private final Clock clock;
    private final NumberBlocks ids;

    @Activate
    public CredentialsDemoData(@Reference(target = DataSources.TARGET) DataSource ds,
            @Reference SecurityService security, @Reference ContactService contacts,
            @Reference CredentialsSchema schema) {
        this(ds, security, contacts, Clock.systemUTC());
    }

    /** With the clock of the tests. */
    CredentialsDemoData(DataSource ds, SecurityService security, ContactService contacts, Clock clock) {
        this.ds = ds;
        this.security = security;
        this.contacts = contacts;
        this.clock = clock;
        this.ids = new NumberBlocks();
    }

    @Override
    public String name() {
        return "credentials";
    }

    @Override
    public int order() {
        return 600;
    }

    @Override
    public String unit() {
        return "students with achieved credentials";
    }

    @Override
    public int smallCount() {
        return 50;
    }

    @Override
    public void check(int count, long seed) {
        security.require(CredentialPermissions.IMPORT);
        if (count < 0 || count > 2_000_000) {
            throw new IllegalArgumentException("Demo credentials: give a count from 0 to 2,000,000: " + count);
        }
        if (count > 0 && !contacts.findByExternalIds(List.of(studentId(seed, 1))).isEmpty()) {
            throw new IllegalArgumentException("Demo credentials of seed " + seed + " exist already: give another"
                    + " --seed.");
        }
    }

    private static String studentId(long seed, int i) {
        return "STU-" + seed + "-" + i;
    }

    @Override
    public String generate(int count, long seed) {
        check(count, seed);
        Random random = new Random(seed);
        List<ContactDraft> drafts = new ArrayList<>(count);
        String[] given = {"Ada", "Ben", "Chloé", "Dev", "Emma", "Farid", "Grace", "Hiro", "Inès", "Jonas"};
        String[] family = {"Tremblay", "Gagnon", "Roy", "Côté", "Bouchard", "Singh", "Nguyen", "Smith", "Martin", "Lee"};
        for (int i = 1; i <= count; i++) {
            drafts.add(new ContactDraft(given[random.nextInt(given.length)], family[random.nextInt(family.length)],
                    null, LocalDate.of(2008, 1, 1).plusDays(random.nextInt(700)), studentId(seed, i)));
        }
        contacts.createAll(drafts);
        List<String> externalIds = drafts.stream().map(ContactDraft::externalId).toList();
        Map<Long, Long> studentIds = new LinkedHashMap<>();
        for (int from = 0; from < externalIds.size(); from += 5000) {
            Map<String, Contact> found = contacts.findByExternalIds(externalIds.subList(from,
                    Math.min(externalIds.size(), from + 5000)));
            found.values().forEach(c -> studentIds.put(c.id(), c.id()));
        }
        Timestamp now = Timestamp.from(clock.instant());
        int achieved = JdbcTransactions.required(ds, c -> {
            List<Long> schools = bodies(c, now);
            long authority = schools.remove(schools.size() - 1);
            Map<Long, PostalAddress> addresses = new LinkedHashMap<>();
            int n = 0;
            int flushedAt = 0;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO achieved_credential (id, contact_id, type_id,"
                    + " achieved_on, exam_session, issuing_body_id, status, created_at)"
                    + " VALUES (?, ?, ?, ?, '2026-06', ?, 'PENDING', ?)")) {
                for (long student : studentIds.keySet()) {
                    int roll = random.nextInt(100);
                    long school = schools.get(random.nextInt(schools.size()));
                    LocalDate june = LocalDate.of(2026, 6, 20 + random.nextInt(10));
                    if (roll < 85) {
                        n += add(c, ps, student, 1, june, school, now);
                        if (roll < 8) {
                            n += add(c, ps, student, 3, june.minusMonths(1), school, now);
                        }
                    } else if (roll < 95) {
                        n += add(c, ps, student, 2, june, authority, now);
                    } else {
                        n += add(c, ps, student, 3, june, school, now);
                    }
                    if (random.nextInt(10) > 0) {
                        addresses.put(student, new PostalAddress((1 + random.nextInt(999)) + " Rue Principale", null,
                                "Gatineau", "QC", "J8" + (char) ('A' + random.nextInt(26)) + " " + random.nextInt(10)
                                        + (char) ('A' + random.nextInt(26)) + random.nextInt(10), "CA"));
                    }
                    if (n - flushedAt >= 2000) {
                        ps.executeBatch();
                        flushedAt = n;
                    }
                }
                ps.executeBatch();
            }
            StudentAddresses.replace(c, addresses, now);
            return n;
        });
        return String.format("Created %,d demo students with %,d achieved credentials (session 2026-06)",
                studentIds.size(), achieved);
    }

    private int add(Connection c, PreparedStatement ps, long student, long type, LocalDate on, long body, Timestamp now)
            throws SQLException {
        ps.setLong(1, Sequences.id(ids, c));
        ps.setLong(2, student);
        ps.setLong(3, type);
        ps.setObject(4, on);
        ps.setLong(5, body);
        ps.setTimestamp(6, now);
        ps.addBatch();
        return 1;
    }

    /** The demo schools S01..S20 and authority EXAM, made once; their ids, the authority last. */
    private List<Long> bodies(Connection c, Timestamp now) throws SQLException {
        List<Long> found = new ArrayList<>();
        for (int i = 1; i <= SCHOOLS + 1; i++) {
            String code = i <= SCHOOLS ? String.format("S%02d", i) : "EXAM";
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM issuing_body WHERE code = ?")) {
                ps.setString(1, code);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        found.add(rs.getLong(1));
                        continue;
                    }
                }
            }
            long id = Sequences.id(ids, c);
            boolean noAddress = i == 7 || i == 13;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO issuing_body (id, code, name, kind,"
                    + " address_line1, city, region, postal_code, country) VALUES (?, ?, ?, ?, ?, ?, 'QC', ?, 'CA')")) {
                ps.setLong(1, id);
                ps.setString(2, code);
                ps.setString(3, i <= SCHOOLS ? "École secondaire " + code : "Examination Authority");
                ps.setString(4, i <= SCHOOLS ? "SCHOOL" : "AUTHORITY");
                ps.setString(5, noAddress ? null : (10 * i) + " Boulevard des Écoles");
                ps.setString(6, noAddress ? null : "Gatineau");
                ps.setString(7, noAddress ? null : "J8Y 3" + (char) ('A' + i) + "4");
                ps.executeUpdate();
            }
            found.add(id);
        }
        return found;
    }
}
