package org.certportal.settings.internal;

import org.certportal.settings.api.OrganisationSettings;
import org.certportal.settings.api.SettingsService;
import org.certportal.ui.spi.DateFormats;
import org.certportal.ui.spi.OrganisationFormats;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The organisation's date format and time zone, read from the settings each time a view asks. */
@Component
public class OrganisationFormatsImpl implements OrganisationFormats {
    private final SettingsService settings;

    @Activate
    public OrganisationFormatsImpl(@Reference SettingsService settings) {
        this.settings = settings;
    }

    @Override
    public DateFormats dates() {
        return of(settings.current());
    }

    static DateFormats of(OrganisationSettings s) {
        return new DateFormats(s.datePattern(), s.timeZone());
    }
}
