package org.certportal.tracking.internal.ui;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.certportal.enrollments.api.CertificationStatus;
import org.certportal.programs.api.ProgramService;
import org.certportal.programs.api.ProgramSummary;
import org.certportal.security.api.SecurityService;
import org.certportal.tracking.api.SavedFilter;
import org.certportal.tracking.api.StatusCounts;
import org.certportal.tracking.api.TrackingFilter;
import org.certportal.tracking.api.TrackingPermissions;
import org.certportal.tracking.api.TrackingRow;
import org.certportal.tracking.api.ReminderService;
import org.certportal.tracking.api.TrackingService;
import org.certportal.tracking.internal.FilterQuery;
import org.certportal.ui.spi.DateFormats;
import org.certportal.ui.spi.Pages;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.server.StreamResource;

/**
 * Every enrollment's status in one list: quick filters by status with their counts, a program picker,
 * a name or identifier search, "Customize filter" for more conditions, saved filters, CSV export. The
 * filter lives in the URL, so a filtered list can be bookmarked and shared. The database filters,
 * counts, sorts and pages.
 */
public class TrackingView extends VerticalLayout implements BeforeEnterObserver {
    private static final long serialVersionUID = 1L;
    private final transient TrackingService tracking;
    private final transient DateFormats dates;
    private final transient ProgramService programs;
    private final transient SecurityService security;
    private final transient ReminderService reminders;
    /** Said when no ladder applies anywhere: then the daily expiry sends no reminder at all. */
    private final Span noReminders = new Span("No reminder ladder configured: no expiry reminders are sent.");
    private transient TrackingFilter filter = TrackingFilter.ALL;
    /** The counts of the filter shown, read once per change of filter. */
    private transient StatusCounts counts;
    private final Map<CertificationStatus, Button> quick = new EnumMap<>(CertificationStatus.class);
    private final Button all = new Button();
    private final TextField search = new TextField();
    private final MultiSelectComboBox<String> program = new MultiSelectComboBox<>("Programs");
    private final Map<String, String> programNames = new HashMap<>();
    private final ComboBox<SavedFilter> saved = new ComboBox<>("Saved filters");
    private final Span conditions = new Span();
    private final Span exportNote = new Span();
    private final Anchor exportLink = new Anchor();
    private final Grid<TrackingRow> grid = new Grid<>();
    /** While the fields are set from the filter, their listeners do not set it back. */
    private boolean updating;

    /** @param dates how the organisation writes dates: the grid, the filter and the status dialog use it */
    public TrackingView(TrackingService tracking, ProgramService programs, SecurityService security,
            ReminderService reminders, DateFormats dates) {
        this.dates = dates;
        this.tracking = tracking;
        this.reminders = reminders;
        this.programs = programs;
        this.security = security;
        setSizeFull();
        H2 title = new H2("Tracking");
        title.setId("tracking-title");

        FlexLayout quickFilters = new FlexLayout();
        quickFilters.setId("tracking-quick-filters");
        quickFilters.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        quickFilters.getStyle().set("gap", "var(--lumo-space-xs)");
        all.setId("quick-all");
        all.addClickListener(e -> apply(filter.withStatuses(Set.of())));
        quickFilters.add(all);
        for (CertificationStatus s : CertificationStatus.values()) {
            Button b = new Button(s.title());
            b.setId("quick-" + FilterQuery.statusName(s));
            b.addClickListener(e -> apply(filter.withStatuses(filter.statuses().equals(Set.of(s)) ? Set.of()
                    : Set.of(s))));
            quick.put(s, b);
            quickFilters.add(b);
        }

        search.setId("tracking-search");
        search.setLabel("Name or identifier");
        search.setPlaceholder("Starts with…");
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(e -> {
            if (!updating) {
                apply(filter.withText(e.getValue()));
            }
        });
        program.setId("tracking-programs");
        program.setWidth("24rem");
        program.setItems(q -> programs.search(q.getFilter().orElse(""), null,
                Pages.of(q).sortedBy(ProgramService.SORT_NAME, true)).items().stream().map(this::remember),
                q -> Pages.total(programs.search(q.getFilter().orElse(""), null, Pages.count()).total()));
        program.setItemLabelGenerator(code -> programNames.containsKey(code) ? programNames.get(code) + " (" + code
                + ")" : code);
        program.addValueChangeListener(e -> {
            if (!updating) {
                apply(filter.withPrograms(e.getValue()));
            }
        });
        Button customize = new Button("Customize filter", e -> new FilterDialog(filter, this::apply, dates).open());
        customize.setId("tracking-customize");
        Button clear = new Button("Clear filter", e -> apply(TrackingFilter.ALL));
        clear.setId("tracking-clear");

        saved.setId("tracking-saved");
        saved.setItemLabelGenerator(SavedFilter::name);
        saved.setPlaceholder("Choose…");
        saved.addValueChangeListener(e -> {
            if (!updating && e.getValue() != null) {
                apply(e.getValue().filter());
            }
        });
        Button save = new Button("Save filter…", e -> new SaveFilterDialog(name -> {
            tracking.saveFilter(name, filter);
            reloadSaved();
            Notification.show("Filter saved as '" + name.strip() + "'.");
        }).open());
        save.setId("tracking-save");
        Button delete = new Button("Delete", e -> {
            if (saved.getValue() != null) {
                tracking.deleteFilter(saved.getValue().id());
                reloadSaved();
            }
        });
        delete.setId("tracking-delete-saved");
        delete.addThemeVariants(ButtonVariant.LUMO_TERTIARY);

        exportLink.setText("Export CSV");
        exportLink.setId("tracking-export");
        exportLink.getElement().setAttribute("download", true);
        exportLink.setVisible(security.isPermitted(TrackingPermissions.EXPORT));
        exportNote.setId("tracking-export-note");

        Button reminderLadder = new Button("Reminders…", e -> new RemindersDialog(reminders, tracking, programs,
                security, this::showReminderNotice).open());
        reminderLadder.setId("tracking-reminders");
        noReminders.setId("tracking-no-reminders");
        noReminders.getStyle().set("color", "var(--lumo-secondary-text-color)");

        HorizontalLayout tools = new HorizontalLayout(search, program, customize, clear, saved, save, delete,
                reminderLadder);
        tools.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        tools.getStyle().set("flex-wrap", "wrap");
        conditions.setId("tracking-conditions");
        HorizontalLayout status = new HorizontalLayout(conditions, exportLink, exportNote, noReminders);
        status.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);

        grid.setId("tracking-grid");
        grid.addColumn(TrackingRow::contactName).setHeader("Contact").setSortProperty(TrackingService.SORT_NAME)
                .setKey(TrackingService.SORT_NAME);
        grid.addColumn(TrackingRow::identifier).setHeader("Identifier").setSortProperty(TrackingService.SORT_IDENTIFIER)
                .setKey(TrackingService.SORT_IDENTIFIER);
        grid.addColumn(TrackingRow::programName).setHeader("Program").setSortProperty(TrackingService.SORT_PROGRAM)
                .setKey(TrackingService.SORT_PROGRAM);
        grid.addColumn(r -> r.status().title()).setHeader("Status").setSortProperty(TrackingService.SORT_STATUS)
                .setKey(TrackingService.SORT_STATUS);
        grid.addColumn(r -> dates.date(r.enrolledOn())).setHeader("Enrolled").setSortProperty(TrackingService.SORT_ENROLLED)
                .setKey(TrackingService.SORT_ENROLLED);
        grid.addColumn(r -> dates.date(r.earnedOn())).setHeader("Earned").setSortProperty(TrackingService.SORT_EARNED)
                .setKey(TrackingService.SORT_EARNED);
        grid.addColumn(r -> dates.date(r.expiresOn())).setHeader("Expires").setSortProperty(TrackingService.SORT_EXPIRES)
                .setKey(TrackingService.SORT_EXPIRES);
        grid.addColumn(TrackingRow::daysLeft).setHeader("Days left").setSortProperty(TrackingService.SORT_DAYS_LEFT)
                .setKey(TrackingService.SORT_DAYS_LEFT);
        // the list's size is the sum of its statuses' counts, read with the quick filters: no second COUNT
        grid.setItems(q -> tracking.rows(filter, Pages.of(q)).stream(), q -> Pages.total(listSize()));
        grid.addItemClickListener(e -> new StatusDialog(tracking, e.getItem().enrollmentId(), this::refresh, dates).open());

        add(title, quickFilters, tools, status, grid);
        expand(grid);
        reloadSaved();
        showReminderNotice();
    }

    private void showReminderNotice() {
        noReminders.setVisible(!reminders.anyConfigured());
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        try {
            show(FilterQuery.filter(event.getLocation().getQueryParameters().getParameters()));
        } catch (IllegalArgumentException e) {
            Notification.show("The link's filter was not understood: " + e.getMessage());
            show(TrackingFilter.ALL);
        }
    }

    /** A new filter: shown, and written to the URL. */
    void apply(TrackingFilter next) {
        show(next);
        getUI().ifPresent(ui -> ui.getPage().getHistory().replaceState(null, new Location(TrackingContribution.ROUTE,
                new QueryParameters(FilterQuery.parameters(next)))));
    }

    private void show(TrackingFilter next) {
        filter = next;
        updating = true;
        try {
            search.setValue(next.text() == null ? "" : next.text());
            program.setValue(next.programs());
            if (saved.getValue() != null && !saved.getValue().filter().equals(next)) {
                saved.clear();
            }
        } finally {
            updating = false;
        }
        refresh();
    }

    /**
     * How many rows the list has: the counts of the chosen statuses, or of all. Each count stops at
     * Page.COUNT_CAP (the button says "more than 10,000"): the grid then scrolls through that many.
     */
    private long listSize() {
        StatusCounts counts = this.counts != null ? this.counts : tracking.countsUpTo(filter);
        return filter.statuses().isEmpty() ? counts.total()
                : filter.statuses().stream().mapToLong(counts::of).sum();
    }

    private void refresh() {
        StatusCounts counts = tracking.countsUpTo(filter);
        this.counts = counts;
        all.setText("All " + counts.totalText());
        all.addThemeVariants(ButtonVariant.LUMO_SMALL);
        setPrimary(all, filter.statuses().isEmpty());
        quick.forEach((s, b) -> {
            b.setText(s.title() + " " + counts.text(s));
            b.addThemeVariants(ButtonVariant.LUMO_SMALL);
            setPrimary(b, filter.statuses().contains(s));
        });
        conditions.setText(describe(filter));
        exportLink.setHref(new StreamResource("tracking-" + LocalDateTime.now().format(
                DateTimeFormatter.ofPattern("yyyyMMdd-HHmm")) + ".csv", (out, session) -> export(out)));
        grid.getDataProvider().refreshAll();
    }

    private void export(java.io.OutputStream out) throws java.io.IOException {
        // the download request is no UI request: progress reaches the page through the view's UI (push)
        UI ui = getUI().orElse(null);
        String sort = null;
        boolean ascending = true;
        List<GridSortOrder<TrackingRow>> order = grid.getSortOrder();
        if (!order.isEmpty()) {
            sort = order.get(0).getSorted().getKey();
            ascending = order.get(0).getDirection() == SortDirection.ASCENDING;
        }
        long rows = tracking.export(filter, sort, ascending, out, n -> {
            if (ui != null) {
                ui.access(() -> exportNote.setText(String.format("Exported %,d rows…", n)));
            }
        });
        if (ui != null) {
            ui.access(() -> exportNote.setText(String.format("Exported %,d rows.", rows)));
        }
    }

    private void reloadSaved() {
        List<SavedFilter> mine = tracking.savedFilters();
        updating = true;
        try {
            saved.setItems(mine);
        } finally {
            updating = false;
        }
    }

    private String remember(ProgramSummary p) {
        programNames.put(p.code(), p.name());
        return p.code();
    }

    private static void setPrimary(Button b, boolean on) {
        if (on) {
            b.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        } else {
            b.removeThemeVariants(ButtonVariant.LUMO_PRIMARY);
        }
    }

    /** The conditions in words, so the user sees what the list shows. */
    static String describe(TrackingFilter f) {
        List<String> parts = new ArrayList<>();
        if (f.text() != null) {
            parts.add("name or identifier starts with '" + f.text() + "'");
        }
        if (!f.programs().isEmpty()) {
            parts.add("program " + String.join(" or ", f.programs()));
        }
        if (!f.statuses().isEmpty()) {
            parts.add("status " + f.statuses().stream().sorted().map(CertificationStatus::title)
                    .collect(Collectors.joining(" or ")));
        }
        range(parts, "enrolled", f.enrolled());
        range(parts, "earned", f.earned());
        range(parts, "expires", f.expires());
        return parts.isEmpty() ? "Every enrollment." : "Showing: " + String.join("; ", parts) + ".";
    }

    private static void range(List<String> parts, String what, org.certportal.tracking.api.DateRange r) {
        if (r.from() != null && r.to() != null) {
            parts.add(what + " " + r.from() + " to " + r.to());
        } else if (r.from() != null) {
            parts.add(what + " from " + r.from());
        } else if (r.to() != null) {
            parts.add(what + " until " + r.to());
        }
    }
}
