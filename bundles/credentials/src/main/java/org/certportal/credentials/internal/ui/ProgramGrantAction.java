package org.certportal.credentials.internal.ui;

import org.certportal.credentials.api.CredentialPermissions;
import org.certportal.ui.spi.PageAction;
import org.osgi.service.component.annotations.Component;

/**
 * "Credential granted" on a program's page: the credentials area's option on a program (which credential
 * type earning it gives), set on {@link ProgramGrantView}; the programs area never knows it.
 */
@Component(service = PageAction.class)
public class ProgramGrantAction implements PageAction {

    @Override
    public String key() {
        return "credentials-program-grant";
    }

    @Override
    public String target() {
        return PROGRAM;
    }

    @Override
    public String label() {
        return "Credential granted";
    }

    @Override
    public String permission() {
        return CredentialPermissions.GRANT;
    }

    @Override
    public String location(String subject) {
        return ProgramGrantView.ROUTE_PREFIX + subject;
    }
}
