package org.certportal.masscert.api;

import java.util.List;
import java.util.Optional;

import org.certportal.programs.api.ProgramSummary;
import org.osgi.annotation.versioning.ProviderType;

/**
 * What the mass-certification form needs besides the process engine (which previews, runs and
 * schedules the {@value MassCertification#PROCESS} process). Every method demands
 * {@link MassCertPermissions#RUN}; bad input throws IllegalArgumentException with a sentence for the user
 * and changes nothing.
 */
@ProviderType
public interface MassCertService {

    /**
     * Active certifications with something to mass-certify (an exam or education-credit requirement) whose
     * name or code starts with the text (any case; all when blank), by name, at most {@code limit}.
     */
    List<ProgramSummary> certifications(String text, int limit);

    /** The wording in force: the one staff saved, else the built-in one. */
    ConfirmationEmail template(ConfirmationEmail.Wording wording);

    /**
     * Saves a wording for every later run (audited).
     *
     * @throws IllegalArgumentException when subject or body is blank or too long, or a placeholder is one
     *         the wording does not fill
     */
    ConfirmationEmail saveTemplate(ConfirmationEmail email);

    /** The built-in wording, to start again from. */
    ConfirmationEmail standardTemplate(ConfirmationEmail.Wording wording);

    /**
     * The email as the certification's first applicant (by enrollment) would get it with this wording
     * (not saved); empty when the certification has no applicant. The order number of an order to pay is
     * only known when the run creates it.
     *
     * @throws IllegalArgumentException for an unknown certification or a wording that cannot be filled
     */
    Optional<EmailPreview> preview(String programCode, ConfirmationEmail email);
}
