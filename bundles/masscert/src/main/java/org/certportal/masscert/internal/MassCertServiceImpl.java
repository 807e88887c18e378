package org.certportal.masscert.internal;

import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import org.certportal.audit.api.AuditLog;
import org.certportal.audit.api.Changes;
import org.certportal.contacts.api.Contact;
import org.certportal.contacts.api.ContactService;
import org.certportal.enrollments.api.Enrollment;
import org.certportal.enrollments.api.EnrollmentService;
import org.certportal.mail.api.MailMessage;
import org.certportal.masscert.api.ConfirmationEmail;
import org.certportal.masscert.api.ConfirmationEmail.Wording;
import org.certportal.masscert.api.EmailPreview;
import org.certportal.masscert.api.MassCertPermissions;
import org.certportal.masscert.api.MassCertService;
import org.certportal.masscert.internal.MassCertParameters.Criteria;
import org.certportal.persistence.api.DataSources;
import org.certportal.persistence.api.JdbcTransactions;
import org.certportal.persistence.api.Page;
import org.certportal.persistence.api.PageRequest;
import org.certportal.programs.api.Program;
import org.certportal.programs.api.ProgramService;
import org.certportal.programs.api.ProgramStatus;
import org.certportal.programs.api.ProgramSummary;
import org.certportal.security.api.Caller;
import org.certportal.security.api.SecurityService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The form's service: eligible certifications, the confirmation wordings and their preview. */
@Component
public class MassCertServiceImpl implements MassCertService {
    static final String AUDIT_TYPE = "masscert-template";
    /** Programs looked at per page while looking for eligible ones. */
    private static final int SCAN_PAGE = 100;
    /** A picker shows a handful; scanning stops after this many programs. */
    private static final int SCAN_MAX = 2000;

    private final SecurityService security;
    private final DataSource dataSource;
    private final AuditLog audit;
    private final ProgramService programs;
    private final EnrollmentService enrollments;
    private final ContactService contacts;
    private final MassCertProcess process;
    private final Clock clock;

    @Activate
    public MassCertServiceImpl(@Reference SecurityService security,
            @Reference(target = DataSources.TARGET) DataSource dataSource, @Reference AuditLog audit,
            @Reference ProgramService programs, @Reference EnrollmentService enrollments,
            @Reference ContactService contacts, @Reference MassCertProcess process, @Reference MassCertSchema schema) {
        this(security, dataSource, audit, programs, enrollments, contacts, process, Clock.systemUTC());
    }

    MassCertServiceImpl(SecurityService security, DataSource dataSource, AuditLog audit, ProgramService programs,
            EnrollmentService enrollments, ContactService contacts, MassCertProcess process, Clock clock) {
        this.security = security;
        this.dataSource = dataSource;
        this.audit = audit;
        this.programs = programs;
        this.enrollments = enrollments;
        this.contacts = contacts;
        this.process = process;
        this.clock = clock;
    }

    @Override
    public List<ProgramSummary> certifications(String text, int limit) {
        security.require(MassCertPermissions.RUN);
        int wanted = Math.max(1, Math.min(limit, 200));
        List<ProgramSummary> found = new ArrayList<>();
        // the programs API cannot filter by requirement kind: read its pages and keep the eligible ones
        for (int offset = 0; offset < SCAN_MAX && found.size() < wanted; offset += SCAN_PAGE) {
            Page<ProgramSummary> page = programs.search(text == null ? "" : text.strip(), ProgramStatus.ACTIVE,
                    new PageRequest(offset, SCAN_PAGE, ProgramService.SORT_NAME, true));
            for (ProgramSummary p : page.items()) {
                if (found.size() < wanted && programs.find(p.id()).map(MassCertProcess::eligible)
                        .orElse(false)) {
                    found.add(p);
                }
            }
            if (page.items().size() < SCAN_PAGE) {
                break;
            }
        }
        return found;
    }

    @Override
    public ConfirmationEmail template(Wording wording) {
        security.require(MassCertPermissions.RUN);
        return JdbcTransactions.required(dataSource, c -> MassCertStore.template(c, checked(wording))).email();
    }

    @Override
    public ConfirmationEmail standardTemplate(Wording wording) {
        security.require(MassCertPermissions.RUN);
        return ConfirmationTemplate.standard(checked(wording)).email();
    }

    @Override
    public ConfirmationEmail saveTemplate(ConfirmationEmail email) {
        Caller caller = security.require(MassCertPermissions.RUN);
        ConfirmationTemplate t = ConfirmationTemplate.of(email).checked();
        return JdbcTransactions.required(dataSource, c -> {
            ConfirmationTemplate before = MassCertStore.template(c, t.kind());
            MassCertStore.saveTemplate(c, t, caller.userName(), clock.instant());
            audit.record(c, AUDIT_TYPE, t.kind().name(), "saved", Changes.of()
                    .field("subject", before.subject(), t.subject()).field("body", before.body(), t.body()));
            return t.email();
        });
    }

    @Override
    public Optional<EmailPreview> preview(String programCode, ConfirmationEmail email) {
        security.require(MassCertPermissions.RUN);
        ConfirmationTemplate t = ConfirmationTemplate.of(email).checked();
        Program program = programs.findByCode(programCode == null ? "" : programCode.strip()).orElseThrow(
                () -> new IllegalArgumentException("There is no certification with the code '" + programCode + "'."));
        Optional<Long> first = JdbcTransactions.required(dataSource, c -> process.applicants(c, program,
                new Criteria(program.code(), java.util.Set.of(), null, null, true, null)).stream().findFirst()
                .map(Applicants::enrollmentId));
        if (first.isEmpty()) {
            return Optional.empty();
        }
        Enrollment e = enrollments.find(first.get()).orElseThrow();
        Contact who = contacts.find(e.contactId()).orElse(null);
        String name = who == null ? "Contact " + e.contactId() : Certifying.name(who);
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        Map<String, String> values = t.kind() == Wording.CERTIFIED
                ? ConfirmationTemplate.certified(name, program.name(), today, program.options().validityMonths() == 0
                        ? null : today.plusMonths(program.options().validityMonths()))
                : ConfirmationTemplate.ordered(name, program.name(), program.options().fee() == null ? "0"
                        : program.options().fee().toPlainString(), MassCertProcess.currency(program), "(given when ordered)");
        String to = who == null ? null : who.email();
        MailMessage m = t.render(to, values);
        return Optional.of(new EmailPreview(e.id(), name, m == null ? null : m.to(),
                m == null ? ConfirmationTemplate.fill(t.subject(), values) : m.subject(),
                m == null ? ConfirmationTemplate.fill(t.body(), values) : m.body()));
    }

    private static Wording checked(Wording w) {
        if (w == null) {
            throw new IllegalArgumentException("Choose the wording: certified or order to pay.");
        }
        return w;
    }

}
