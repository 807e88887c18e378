package org.certportal.enrollments.internal;

import java.io.Reader;
import java.sql.Connection;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.apache.aries.jpa.template.JpaTemplate;
import org.certportal.audit.api.AuditLog;
import org.certportal.enrollments.api.Application;
import org.certportal.enrollments.api.ApplicationFilter;
import org.certportal.enrollments.api.ApplicationService;
import org.certportal.enrollments.api.ApplicationStatus;
import org.certportal.enrollments.api.EnrollmentService;
import org.certportal.enrollments.api.ImportReport;
import org.certportal.persistence.api.Page;
import org.certportal.persistence.api.PageRequest;
import org.certportal.programs.api.ProgramService;
import org.certportal.security.api.SecurityService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The application service: holds the references and hands each call to {@link Applications}. It
 * references the enrollment service, which migrates the schema first, for the organisation's today.
 */
@Component
public class ApplicationServiceImpl implements ApplicationService {
    private final Applications applications;

    @Activate
    public ApplicationServiceImpl(@Reference(target = "(osgi.unit.name=certportal-enrollments)") JpaTemplate jpa,
            @Reference SecurityService security, @Reference AuditLog audit, @Reference ProgramService programs,
            @Reference EnrollmentService enrollments) {
        this(jpa, security, audit, programs, enrollments, Clock.systemUTC());
    }

    /** With a clock of one's choosing (tests decide at chosen instants). */
    ApplicationServiceImpl(JpaTemplate jpa, SecurityService security, AuditLog audit, ProgramService programs,
            EnrollmentService enrollments, Clock clock) {
        this.applications = new Applications(new EnrollmentStore(jpa), security, programs, audit,
                new StatusChanges(audit, clock, () -> security.currentCaller()
                        .map(org.certportal.security.api.Caller::userName)), clock, enrollments::today);
    }

    @Override
    public Page<Application> search(ApplicationFilter filter, PageRequest page) {
        return applications.search(filter, page);
    }

    @Override
    public long count(ApplicationFilter filter) {
        return applications.count(filter);
    }

    @Override
    public Optional<Application> find(long applicationId) {
        return applications.find(applicationId);
    }

    @Override
    public List<Application> ofContact(long contactId) {
        return applications.ofContact(contactId);
    }

    @Override
    public Application submit(long programId, long contactId, LocalDate appliedOn) {
        return applications.submit(programId, contactId, appliedOn);
    }

    @Override
    public Application decide(long applicationId, long expectedVersion, ApplicationStatus to, String reason) {
        return applications.decide(applicationId, expectedVersion, to, reason);
    }

    @Override
    public ImportReport importCsv(Reader csv, boolean checkOnly) {
        return applications.importCsv(csv, checkOnly);
    }

    @Override
    public List<Long> selectContacts(Connection connection, long programId, ApplicationFilter filter) {
        return applications.selectContacts(connection, programId, filter);
    }
}
