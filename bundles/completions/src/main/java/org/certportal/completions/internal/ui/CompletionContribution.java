package org.certportal.completions.internal.ui;

import java.util.Optional;

import org.certportal.completions.api.CompletionPermissions;
import org.certportal.completions.api.CompletionService;
import org.certportal.security.api.SecurityService;
import org.certportal.settings.api.SettingsService;
import org.certportal.ui.spi.BasicViewContribution;
import org.certportal.ui.spi.OrganisationFormats;
import org.certportal.ui.spi.ViewContribution;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/** An enrollee's progress with the completions to record; opened from an enrollment (no menu entry). */
@Component(service = ViewContribution.class)
public class CompletionContribution extends BasicViewContribution {
    private final CompletionService completions;
    private final SecurityService security;
    private final OrganisationFormats formats;

    /** The upload limits; the view falls back to the defaults while the settings feature is away. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile SettingsService settings;

    @Activate
    public CompletionContribution(@Reference CompletionService completions, @Reference SecurityService security,
            @Reference OrganisationFormats formats) {
        super(CompletionView.ROUTE + "/:" + CompletionView.PARAMETER, "Record completions", CompletionPermissions.READ,
                CompletionView.class, "Certification", 215, "vaadin:check");
        this.completions = completions;
        this.security = security;
        this.formats = formats;
    }

    @Override
    public CompletionView createView() {
        return new CompletionView(completions, security, () -> Optional.ofNullable(settings), formats.dates());
    }
}
