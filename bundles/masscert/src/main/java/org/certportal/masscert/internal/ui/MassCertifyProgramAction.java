package org.certportal.masscert.internal.ui;

import org.certportal.masscert.api.MassCertPermissions;
import org.certportal.masscert.internal.MassCertProcess;
import org.certportal.programs.api.ProgramService;
import org.certportal.ui.spi.PageAction;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** "Mass certify" on a certification's page, for certifications with exam or education-credit requirements. */
@Component(service = PageAction.class)
public class MassCertifyProgramAction implements PageAction {
    private final ProgramService programs;

    @Activate
    public MassCertifyProgramAction(@Reference ProgramService programs) {
        this.programs = programs;
    }

    @Override
    public String key() {
        return "masscert-program";
    }

    @Override
    public String target() {
        return PROGRAM;
    }

    @Override
    public String label() {
        return "Mass certify";
    }

    @Override
    public String permission() {
        return MassCertPermissions.RUN;
    }

    @Override
    public String location(String subject) {
        return MassCertContribution.ROUTE + "?program=" + subject;
    }

    /** One read of the program: it must have something to mass-certify. */
    @Override
    public boolean appliesTo(String subject) {
        try {
            return programs.find(Long.parseLong(subject)).map(MassCertProcess::eligible).orElse(false);
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
