package org.certportal.credentials.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.certportal.audit.api.AuditLog;
import org.certportal.audit.api.Changes;
import org.certportal.contacts.api.Contact;
import org.certportal.contacts.api.ContactService;
import org.certportal.credentials.api.AwardCriteria;
import org.certportal.credentials.api.AwardSummary;
import org.certportal.credentials.api.AwardedCredential;
import org.certportal.credentials.api.CredentialPermissions;
import org.certportal.credentials.api.CredentialService;
import org.certportal.credentials.api.CredentialStatus;
import org.certportal.credentials.api.CredentialType;
import org.certportal.credentials.api.DeliveryMethod;
import org.certportal.credentials.api.DocumentItem;
import org.certportal.credentials.api.ImportReport;
import org.certportal.credentials.api.ProgramGrant;
import org.certportal.credentials.api.Reissued;
import org.certportal.credentials.api.UsageEvent;
import org.certportal.credentials.api.UsageKind;
import org.certportal.persistence.api.CsvImport;
import org.certportal.persistence.api.ImportErrors;
import org.certportal.persistence.api.DataSources;
import org.certportal.persistence.api.JdbcStatements;
import org.certportal.persistence.api.JdbcTransactions;
import org.certportal.persistence.api.Page;
import org.certportal.persistence.api.PageRequest;
import org.certportal.process.api.ParameterDefinition;
import org.certportal.process.api.ProcessParameters;
import org.certportal.process.api.ProcessRun;
import org.certportal.process.api.RunAlreadyActiveException;
import org.certportal.process.api.RunFilter;
import org.certportal.process.api.RunOptions;
import org.certportal.process.api.RunState;
import org.certportal.process.api.ProcessService;
import org.certportal.security.api.Caller;
import org.certportal.security.api.SecurityService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

@Component(service = CredentialService.class)
public class CredentialServiceImpl implements CredentialService {
    private final DataSource ds;
    private final SecurityService security;
    private final ContactService contacts;
    private final AuditLog audit;
    private final Clock clock;
    private final ProcessService processes;
    private final NumberBlocks ids;
    private final NumberBlocks numbers;

    @Activate
    public CredentialServiceImpl(@Reference(target = DataSources.TARGET) DataSource ds,
            @Reference SecurityService security, @Reference ContactService contacts, @Reference AuditLog audit,
            @Reference ProcessService processes, @Reference CredentialsSchema schema) {
        this(ds, security, contacts, audit, processes, Clock.systemUTC());
    }

    /** With the clock of the tests. */
    CredentialServiceImpl(DataSource ds, SecurityService security, ContactService contacts, AuditLog audit,
            ProcessService processes, Clock clock) {
        this.ds = ds;
        this.security = security;
        this.contacts = contacts;
        this.audit = audit;
        this.processes = processes;
        this.clock = clock;
        this.ids = new NumberBlocks();
        this.numbers = new NumberBlocks();
    }

    @Override
    public List<CredentialType> types() {
        requireReadOrGrant();
        return JdbcTransactions.required(ds, CredentialServiceImpl::types);
    }

    static List<CredentialType> types(Connection c) throws SQLException {
        List<CredentialType> types = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, code, name, precedence FROM credential_type"
                + " ORDER BY precedence DESC"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                types.add(StudentCredentials.type(rs, 1));
            }
        }
        return types;
    }

    @Override
    public long countAwardable(AwardCriteria criteria) {
        security.require(CredentialPermissions.AWARD);
        AwardQuery q = AwardQuery.of(criteria);
        return JdbcTransactions.required(ds, c -> {
            EarnedEnrollments.sync(c, ids, clock.instant());
            try (PreparedStatement ps = JdbcStatements.prepare(c, "SELECT COUNT(*)" + q.from(), q.params());
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    @Override
    public long startAward(AwardCriteria criteria, boolean preview) {
        Caller caller = security.require(CredentialPermissions.AWARD);
        if (criteria == null) {
            throw new IllegalArgumentException("Say what to search for.");
        }
        if (criteria.studentIds().size() > StudentLists.MAX_IDS) {
            throw new IllegalArgumentException("A search takes up to " + StudentLists.MAX_IDS + " student"
                    + " identifiers, not " + criteria.studentIds().size() + ".");
        }
        Map<String, String> raw = new LinkedHashMap<>(AwardParameters.raw(criteria));
        RunOptions options = preview ? RunOptions.preview() : RunOptions.run();
        String students = raw.get(AwardParameters.STUDENTS);
        if (students == null || students.length() <= ParameterDefinition.MAX_LENGTH) {
            return processes.start(AWARD_PROCESS, raw, options);
        }
        raw.remove(AwardParameters.STUDENTS);
        raw.put(AwardParameters.STUDENT_LIST, "0");
        processes.type(AWARD_PROCESS).orElseThrow(() -> new IllegalArgumentException("The award process is not"
                + " available."));
        AwardParameters.criteria(ProcessParameters.validate(AwardParameters.DEFINITIONS, raw));
        // refused before the list is stored, so a refusal leaves nothing behind
        processes.runs(new RunFilter(AWARD_PROCESS, Set.of(RunState.QUEUED, RunState.RUNNING, RunState.CANCELLING),
                null), PageRequest.first(1)).items().stream().findFirst().ifPresent(active -> {
                    throw new RunAlreadyActiveException("An award run (" + active.id() + ") is active.",
                            active.id());
                });
        long list = JdbcTransactions.required(ds, c -> StudentLists.store(c, Sequences.id(ids, c),
                criteria.studentIds(), caller.userName(), clock.instant()));
        raw.put(AwardParameters.STUDENT_LIST, String.valueOf(list));
        return processes.start(AWARD_PROCESS, raw, options);
    }

    @Override
    public AwardCriteria awardCriteria(long runId) {
        security.require(CredentialPermissions.AWARD);
        ProcessRun run = processes.run(runId).filter(r -> AWARD_PROCESS.equals(r.typeId()))
                .orElseThrow(() -> new IllegalArgumentException("There is no award run " + runId + "."));
        return JdbcTransactions.required(ds, c -> StudentLists.criteria(c, ProcessParameters.of(run.parameters())));
    }

    @Override
    public Optional<AwardedCredential> findByNumber(String number) {
        security.require(CredentialPermissions.READ);
        CredentialNumber n = CredentialNumber.require(number);
        return JdbcTransactions.required(ds, c -> AwardedReads.find(c, n.toString()));
    }

    @Override
    public AwardedCredential revoke(String number, String reason) {
        Caller caller = security.require(CredentialPermissions.REVOKE);
        CredentialNumber n = CredentialNumber.require(number);
        String why = RevocationRules.reason(reason);
        return JdbcTransactions.required(ds, c -> {
            Revocations.Target t = locked(c, n);
            RevocationRules.refuseRevoke(t.number(), t.status(), t.replacedBy()).ifPresent(refusal -> {
                throw new IllegalArgumentException(refusal);
            });
            Revocations.revoke(c, audit, t, why, caller.userName(), clock.instant());
            return AwardedReads.find(c, t.number()).orElseThrow();
        });
    }

    @Override
    public Reissued reissue(String number, String reason) {
        Caller caller = security.require(CredentialPermissions.REISSUE);
        CredentialNumber n = CredentialNumber.require(number);
        String why = RevocationRules.reason(reason);
        return JdbcTransactions.required(ds, c -> {
            Revocations.Target t = locked(c, n);
            RevocationRules.refuseReissue(t.number(), t.status(), t.replacedBy()).ifPresent(refusal -> {
                throw new IllegalArgumentException(refusal);
            });
            Revocations.Reissue r = Revocations.reissue(c, audit, t, why, new Revocations.Issuing(ids, numbers,
                    clock.instant(), LocalDate.now(clock), caller.userName()));
            return new Reissued(AwardedReads.find(c, r.number()).orElseThrow(), r.notOrderedReason());
        });
    }

    private static Revocations.Target locked(Connection c, CredentialNumber n) throws SQLException {
        return Revocations.lock(c, n.toString()).orElseThrow(() -> new IllegalArgumentException("No credential has"
                + " the number " + n + "."));
    }

    @Override
    public AwardSummary awardSummary(long runId) {
        security.require(CredentialPermissions.AWARD);
        ProcessRun run = processes.run(runId).filter(r -> AWARD_PROCESS.equals(r.typeId()))
                .orElseThrow(() -> new IllegalArgumentException("There is no award run " + runId + "."));
        if (run.dryRun()) {
            throw new IllegalArgumentException("Run " + runId + " is a preview: it awarded nothing.");
        }
        if (!run.state().isFinal()) {
            throw new IllegalArgumentException("Run " + runId + " has not finished yet.");
        }
        long[] awarded = JdbcTransactions.required(ds, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*), COUNT(DISTINCT i.awarded_id)"
                    + " FROM awarded_credential w LEFT JOIN document_order_item i ON i.awarded_id = w.id"
                    + " AND i.issue_no = 0 WHERE w.run_id = ?")) {
                ps.setLong(1, runId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return new long[] {rs.getLong(1), rs.getLong(2)};
                }
            }
        });
        // not awarded: the unsuccessful file's lines but those of failed students, counted apart
        ByteArrayOutputStream unsuccessful = new ByteArrayOutputStream();
        long notAwarded = 0;
        try {
            processes.writeResultFile(runId, AwardProcess.UNSUCCESSFUL, unsuccessful);
            for (CSVRecord r : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build()
                    .parse(new StringReader(unsuccessful.toString(StandardCharsets.UTF_8)))) {
                if (!"FAILED".equals(r.get("outcome"))) {
                    notAwarded++;
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("The unsuccessful file of run " + runId + " cannot be read", e);
        }
        return new AwardSummary(awarded[1], awarded[0] - awarded[1], notAwarded, run.failed());
    }

    @Override
    public void recordUsage(UsageKind kind, Long runId) {
        Caller caller = security.require(CredentialPermissions.READ);
        if (kind == null) {
            throw new IllegalArgumentException("Say what was used.");
        }
        JdbcTransactions.required(ds, c -> UsageEvents.record(c, Sequences.id(ids, c), kind, caller.userName(),
                clock.instant(), runId));
    }

    @Override
    public Page<UsageEvent> usage(Instant since, PageRequest page) {
        security.require(CredentialPermissions.USAGE);
        return JdbcTransactions.required(ds, c -> UsageEvents.page(c, since, page));
    }

    @Override
    public Optional<ProgramGrant> programGrant(long programId) {
        requireReadOrGrant();
        return JdbcTransactions.required(ds, c -> ProgramGrants.find(c, programId));
    }

    /** Those who set a program's option see the types and the option without reading credentials. */
    private void requireReadOrGrant() {
        if (!security.isPermitted(CredentialPermissions.GRANT)) {
            security.require(CredentialPermissions.READ);
        }
    }

    @Override
    public ProgramGrant grantFromProgram(long programId, String typeCode, String issuingBodyCode,
            LocalDate earnedFrom) {
        Caller caller = security.require(CredentialPermissions.GRANT);
        LocalDate from = earnedFrom == null ? LocalDate.now(clock) : earnedFrom;
        return JdbcTransactions.required(ds, c -> ProgramGrants.set(c, audit, programId, typeCode, issuingBodyCode,
                from, caller.userName(), clock.instant()));
    }

    @Override
    public boolean removeProgramGrant(long programId) {
        security.require(CredentialPermissions.GRANT);
        return JdbcTransactions.required(ds, c -> ProgramGrants.remove(c, audit, programId));
    }

    @Override
    public int syncEarned() {
        security.require(CredentialPermissions.AWARD);
        return JdbcTransactions.required(ds, c -> EarnedEnrollments.sync(c, ids, clock.instant()));
    }

    @Override
    public ImportReport importAchieved(Reader csv, boolean checkOnly) {
        security.require(CredentialPermissions.IMPORT);
        if (csv == null) {
            throw new IllegalArgumentException("Choose a CSV file to import.");
        }
        CsvImport.Result<AchievedImport.Row> parsed = AchievedImport.parse(csv);
        List<AchievedImport.Row> rows = parsed.rows();
        ImportErrors errors = parsed.errors();
        Map<String, Contact> students = contacts.findByExternalIds(rows.stream().map(AchievedImport.Row::studentId)
                .toList());
        return JdbcTransactions.required(ds, c -> {
            Map<String, Long> types = new HashMap<>();
            for (CredentialType t : types(c)) {
                types.put(t.code(), t.id());
            }
            Map<String, Long> bodies = codes(c, "SELECT code, id FROM issuing_body");
            Set<String> seen = new HashSet<>();
            Set<String> stored = existing(c, students.values().stream().map(Contact::id).toList());
            for (AchievedImport.Row r : rows) {
                List<String> problems = new ArrayList<>();
                Contact student = students.get(r.studentId());
                if (student == null) {
                    problems.add("no contact has the identifier '" + r.studentId() + "'");
                }
                Long type = types.get(r.typeCode());
                if (type == null) {
                    problems.add("there is no credential type '" + r.typeCode() + "' (" + String.join(", ",
                            types.keySet().stream().sorted().toList()) + ")");
                }
                if (!bodies.containsKey(r.schoolCode())) {
                    problems.add("there is no school or authority '" + r.schoolCode() + "'");
                }
                if (student != null && type != null) {
                    String key = student.id() + "/" + type + "/" + r.achievedOn();
                    if (!seen.add(key)) {
                        problems.add("the same student, type and date appear earlier in the file");
                    } else if (stored.contains(key)) {
                        problems.add("this achieved credential is already recorded");
                    }
                }
                if (!problems.isEmpty()) {
                    errors.line(r.line(), String.join("; ", problems) + ".");
                }
            }
            if (!errors.isEmpty() || checkOnly) {
                return new ImportReport(parsed.read(), 0, errors.messages());
            }
            Timestamp now = Timestamp.from(clock.instant());
            Map<Long, PostalAddress> addresses = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO achieved_credential (id, contact_id, type_id,"
                    + " achieved_on, exam_session, issuing_body_id, status, created_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, 'PENDING', ?)")) {
                for (AchievedImport.Row r : rows) {
                    long contactId = students.get(r.studentId()).id();
                    ps.setLong(1, Sequences.id(ids, c));
                    ps.setLong(2, contactId);
                    ps.setLong(3, types.get(r.typeCode()));
                    ps.setObject(4, r.achievedOn());
                    ps.setString(5, r.session());
                    ps.setLong(6, bodies.get(r.schoolCode()));
                    ps.setTimestamp(7, now);
                    ps.addBatch();
                    if (r.address() != null) {
                        addresses.put(contactId, r.address());
                    }
                }
                ps.executeBatch();
            }
            StudentAddresses.replace(c, addresses, now);
            audit.record(c, "achieved_credential", "import", "import", Changes.of()
                    .field("achieved credentials", null, rows.size())
                    .field("addresses", null, addresses.size()));
            return new ImportReport(parsed.read(), rows.size(), List.of());
        });
    }

    private static Map<String, Long> codes(Connection c, String sql) throws SQLException {
        Map<String, Long> codes = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                codes.put(rs.getString(1), rs.getLong(2));
            }
        }
        return codes;
    }

    /** contact/type/date of the achieved credentials already recorded for these students. */
    private static Set<String> existing(Connection c, List<Long> contactIds) throws SQLException {
        Set<String> keys = new HashSet<>();
        if (contactIds.isEmpty()) {
            return keys;
        }
        for (int from = 0; from < contactIds.size(); from += 1000) {
            List<Long> part = contactIds.subList(from, Math.min(contactIds.size(), from + 1000));
            try (PreparedStatement ps = JdbcStatements.prepare(c, "SELECT contact_id, type_id, achieved_on FROM"
                    + " achieved_credential WHERE contact_id IN " + JdbcStatements.placeholders(part.size()),
                    part); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    keys.add(rs.getLong(1) + "/" + rs.getLong(2) + "/" + rs.getObject(3, LocalDate.class));
                }
            }
        }
        return keys;
    }

    static DocumentItem item(ResultSet rs) throws SQLException {
        PostalAddress a = StudentCredentials.address(rs, 5);
        return new DocumentItem(rs.getString(1), rs.getInt(2), DeliveryMethod.valueOf(rs.getString(3)),
                rs.getString(4), a.oneLine(), rs.getString(11), rs.getTimestamp(12).toInstant());
    }

    static CredentialStatus status(String s) {
        return CredentialStatus.valueOf(s);
    }
}
