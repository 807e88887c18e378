package org.certportal.enrollments.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.certportal.enrollments.api.Enrollment;
import org.certportal.enrollments.api.EnrollmentPermissions;
import org.certportal.programs.api.ProgramService;
import org.certportal.security.api.SecurityService;

/** A contact's transcript: every enrollment with its requirements, dates and grades, as a PDF. */
final class Transcripts {
    private final EnrollmentStore store;
    private final SecurityService security;
    private final ProgramService programs;
    private final EnrollmentReads reads;
    private final Supplier<LocalDate> today;

    Transcripts(EnrollmentStore store, SecurityService security, ProgramService programs, EnrollmentReads reads,
            Supplier<LocalDate> today) {
        this.store = store;
        this.security = security;
        this.programs = programs;
        this.reads = reads;
        this.today = today;
    }

    byte[] transcript(long contactId) {
        security.require(EnrollmentPermissions.TRANSCRIPT);
        String[] contact = store.sql(c -> EnrollmentQueries.contact(c, contactId));
        if (contact == null) {
            throw new IllegalArgumentException("No contact with id " + contactId + ".");
        }
        Map<Long, String> programNames = new HashMap<>();
        List<TranscriptPdf.Entry> entries = new ArrayList<>();
        for (Enrollment e : store.sql(c -> EnrollmentQueries.ofContact(c, contactId))) {
            String program = programNames.computeIfAbsent(e.programId(), id -> programs.find(id)
                    .map(p -> p.name() + " (" + p.code() + ")").orElse("Program " + id));
            entries.add(new TranscriptPdf.Entry(program, e, reads.steps(e, programs.rules(e.programId(),
                    e.ruleVersion()))));
        }
        return TranscriptPdf.render(contact[0], contact[1], today.get(), entries);
    }
}
