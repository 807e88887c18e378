package org.certportal.audit.internal.ui;

import java.util.List;
import java.util.function.Supplier;

import org.certportal.audit.api.AuditLog;
import org.certportal.audit.api.AuditRecord;
import org.certportal.audit.api.AuditSubjects;
import org.certportal.persistence.api.Page;
import org.certportal.ui.spi.DateFormats;
import org.certportal.ui.spi.Pages;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;

/**
 * The audit log, newest first, filtered and paged in the database; in words: times in the
 * organisation's format, the subject by the name its area gives it, the changes reworded.
 */
public class AuditView extends VerticalLayout {
    private static final long serialVersionUID = 1L;
    private final transient AuditLog audit;
    private final transient Supplier<List<AuditSubjects>> namers;
    private final TextField entityType = filter("Entity type", "audit-entity-type");
    private final TextField entityId = filter("Entity id", "audit-entity-id");
    private final TextField actor = filter("User", "audit-actor");
    private final Grid<Entry> grid = new Grid<>();
    /** How many entries the filter finds. */
    private final Span count = new Span();

    /** One row: the stored entry and the name of its subject. */
    record Entry(AuditRecord record, String subject) {
    }

    /**
     * @param namers the areas' {@link AuditSubjects} registered now
     */
    public AuditView(AuditLog audit, DateFormats dates, Supplier<List<AuditSubjects>> namers) {
        this.audit = audit;
        this.namers = namers;
        setSizeFull();
        grid.setId("audit-grid");
        grid.addColumn(e -> dates.time(e.record().at())).setHeader("When").setAutoWidth(true);
        grid.addColumn(e -> e.record().actor()).setHeader("User");
        grid.addColumn(e -> AuditWording.field(e.record().entityType().replace('-', ' '))).setHeader("Entity");
        grid.addColumn(Entry::subject).setHeader("Subject").setFlexGrow(2);
        grid.addColumn(e -> e.record().action()).setHeader("Action");
        grid.addColumn(e -> AuditWording.changes(e.record().changes())).setHeader("Changes").setFlexGrow(3);
        grid.setItems(q -> page(audit.search(entityType.getValue(), entityId.getValue(), actor.getValue(),
                Pages.of(q)).items()).stream(),
                q -> counted(audit.search(entityType.getValue(), entityId.getValue(), actor.getValue(),
                        Pages.count())));
        count.setId("audit-count");
        H2 title = new H2("Audit log");
        title.setId("audit-title");
        HorizontalLayout filters = new HorizontalLayout(entityType, entityId, actor, count);
        filters.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
        add(title, filters, grid);
        expand(grid);
    }

    /** The count callback: says how many ("more than 10,000" past the count's cap, where the grid stops). */
    private int counted(Page<AuditRecord> page) {
        count.setText(page.totalText("entry", "entries"));
        return Pages.total(page.total());
    }

    private List<Entry> page(List<AuditRecord> records) {
        SubjectNames names = new SubjectNames(records, namers.get());
        return records.stream().map(r -> new Entry(r, names.of(r))).toList();
    }

    private TextField filter(String label, String id) {
        TextField field = new TextField(label);
        field.setId(id);
        field.setClearButtonVisible(true);
        field.setValueChangeMode(ValueChangeMode.LAZY);
        field.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        return field;
    }
}
