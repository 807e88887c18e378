package org.certportal.credentials.internal;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.certportal.audit.api.AuditLog;
import org.certportal.credentials.api.AwardedCredential;
import org.certportal.credentials.api.CredentialPermissions;
import org.certportal.credentials.api.CredentialService;
import org.certportal.process.api.ParameterDefinition;
import org.certportal.process.api.ProcessParameters;
import org.certportal.process.api.ProcessType;
import org.certportal.process.api.ResultFile;
import org.certportal.process.api.RowContext;
import org.certportal.process.api.RowOutcome;
import org.certportal.process.api.SelectionContext;
import org.certportal.security.api.SecurityService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Revokes many awarded credentials at once, one row per number, each as {@link CredentialService#revoke}
 * would ({@link RevocationRules}, {@link Revocations}) in the engine's chunk transaction. Every number is
 * checked before the run starts (a wrong check digit refuses the run and names the number); the preview
 * says per number what would happen and changes nothing. Its file {@value #FILE} lists every number's
 * outcome.
 */
@Component(service = ProcessType.class)
public class RevokeProcess implements ProcessType {
    public static final String NUMBERS = "numbers";
    public static final String REASON = "reason";
    public static final String FILE = "revocations.csv";
    static final List<String> COLUMNS = List.of("credential_number", "student_id", "student_name",
            "credential_type", "status_before", "outcome", "reason");
    private static final String KEY = "number:";

    private final SecurityService security;
    private final AuditLog audit;
    private final java.time.Clock clock;

    @Activate
    public RevokeProcess(@Reference SecurityService security, @Reference AuditLog audit,
            @Reference CredentialsSchema schema) {
        this(security, audit, java.time.Clock.systemUTC());
    }

    RevokeProcess(SecurityService security, AuditLog audit, java.time.Clock clock) {
        this.security = security;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public String id() {
        return CredentialService.REVOKE_PROCESS;
    }

    @Override
    public String title() {
        return "Revoke credentials";
    }

    @Override
    public String description() {
        return "Revokes the awarded credentials with the numbers given, with one reason; their documents not yet"
                + " printed are cancelled. The preview says what would be revoked.";
    }

    @Override
    public String permission() {
        return CredentialPermissions.REVOKE;
    }

    @Override
    public List<ParameterDefinition> parameters() {
        return List.of(
                ParameterDefinition.text(NUMBERS, "Credential numbers", true, "Separated by commas, semicolons or"
                        + " spaces, e.g. HSD-2026-0000042-17."),
                ParameterDefinition.text(REASON, "Reason", true, "Why they are revoked; kept with each credential."));
    }

    @Override
    public ProcessParameters validate(Map<String, String> raw) {
        ProcessParameters p = ProcessType.super.validate(raw);
        numbers(p);
        RevocationRules.reason(p.text(REASON).orElse(null));
        return p;
    }

    /** The run's numbers, checked. @throws IllegalArgumentException naming every bad one */
    static List<String> numbers(ProcessParameters p) {
        NumberList list = NumberList.parse(p.text(NUMBERS).orElse(""));
        if (!list.ok()) {
            // the parameter is one line: the line number says nothing
            throw new IllegalArgumentException(String.join(" ", list.errors()).replace("Line 1: ", ""));
        }
        if (list.numbers().isEmpty()) {
            throw new IllegalArgumentException("Give at least one credential number.");
        }
        return list.numbers();
    }

    @Override
    public List<ResultFile> resultFiles() {
        return List.of(new ResultFile(FILE, COLUMNS));
    }

    @Override
    public void select(ProcessParameters parameters, SelectionContext selection) {
        security.require(permission());
        numbers(parameters).forEach(n -> selection.add(KEY + n));
    }

    @Override
    public RowOutcome process(RowContext row, String key, boolean dryRun) throws SQLException {
        String number = key.substring(KEY.length());
        String reason = RevocationRules.reason(row.parameters().text(REASON).orElse(null));
        Optional<Revocations.Target> target = Revocations.lock(row.connection(), number);
        if (target.isEmpty()) {
            row.write(FILE, number, "", "", "", "", "NOT_FOUND", "No credential has this number.");
            return RowOutcome.failed("No credential has the number " + number + ".");
        }
        Revocations.Target t = target.get();
        AwardedCredential shown = AwardedReads.find(row.connection(), number).orElseThrow();
        Optional<String> refusal = RevocationRules.refuseRevoke(number, t.status(), t.replacedBy());
        if (refusal.isPresent()) {
            line(row, shown, "REFUSED", refusal.get());
            return RowOutcome.skipped(refusal.get());
        }
        if (dryRun) {
            line(row, shown, "WOULD_REVOKE", reason);
            return RowOutcome.done("Would revoke " + number + " (" + shown.studentName() + ")");
        }
        Revocations.revoke(row.connection(), audit, t, reason, row.startedBy().userName(), clock.instant());
        line(row, shown, "REVOKED", reason);
        return RowOutcome.done("Revoked " + number + " (" + shown.studentName() + ")");
    }

    private static void line(RowContext row, AwardedCredential c, String outcome, String reason) {
        row.write(FILE, c.number(), c.studentId(), c.studentName(), c.type().code(), c.status().name(), outcome,
                reason);
    }
}
