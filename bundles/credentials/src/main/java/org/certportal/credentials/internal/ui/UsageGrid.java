package org.certportal.credentials.internal.ui;

import org.certportal.credentials.api.CredentialService;
import org.certportal.credentials.api.UsageEvent;
import org.certportal.persistence.api.Page;
import org.certportal.ui.spi.DateFormats;
import org.certportal.ui.spi.Pages;

import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.provider.DataProvider;

/**
 * The page's usage events for a SysAdmin: who viewed the page and downloaded which file of which run,
 * newest first, paged in the database (the shell's {@code credentials:usage --file} exports them).
 */
class UsageGrid extends Details {
    private static final long serialVersionUID = 1L;
    private boolean loaded;

    /** @param dates how the organisation writes moments: in its format and time zone */
    UsageGrid(CredentialService credentials, DateFormats dates) {
        setSummaryText("Usage of this page (SysAdmin)");
        setId("credentials-usage");
        Grid<UsageEvent> grid = new Grid<>();
        Span count = new Span();
        count.setId("credentials-usage-count");
        grid.setId("credentials-usage-grid");
        grid.addColumn(e -> dates.time(e.occurredAt())).setHeader("When").setAutoWidth(true);
        grid.addColumn(UsageEvent::userName).setHeader("User").setAutoWidth(true);
        grid.addColumn(e -> switch (e.kind()) {
        case PAGE_VIEW -> "Page view";
        case EXPORT_PRE_PROCESSING -> "Pre-processing file";
        case EXPORT_SUCCESSFUL -> "Successful file";
        case EXPORT_UNSUCCESSFUL -> "Unsuccessful file";
        }).setHeader("What").setAutoWidth(true);
        grid.addColumn(e -> e.runId() == null ? "" : String.valueOf(e.runId())).setHeader("Run");
        grid.setHeight("18em");
        // read when opened: a closed panel costs no query
        addOpenedChangeListener(e -> {
            if (e.isOpened() && !loaded) {
                loaded = true;
                grid.setItems(DataProvider.fromCallbacks(
                        q -> credentials.usage(null, Pages.of(q)).items().stream(),
                        q -> {
                            // "more than 10,000" past the count's cap, where the grid stops
                            Page<UsageEvent> counted = credentials.usage(null, Pages.count());
                            count.setText(counted.totalText("event", "events"));
                            return Pages.total(counted.total());
                        }));
            }
        });
        VerticalLayout content = new VerticalLayout(count, grid);
        content.setPadding(false);
        addContent(content);
    }
}
