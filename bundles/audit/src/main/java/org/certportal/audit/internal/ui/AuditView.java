package org.certportal.audit.internal.ui;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.certportal.audit.api.AuditLog;
import org.certportal.audit.api.AuditRecord;
import org.certportal.ui.spi.Pages;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;

/** The audit log, newest first, filtered and paged in the database. */
public class AuditView extends VerticalLayout {
    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());
    private final transient AuditLog audit;
    private final TextField entityType = filter("Entity type", "audit-entity-type");
    private final TextField entityId = filter("Entity id", "audit-entity-id");
    private final TextField actor = filter("User", "audit-actor");
    private final Grid<AuditRecord> grid = new Grid<>();

    public AuditView(AuditLog audit) {
        this.audit = audit;
        setSizeFull();
        grid.setId("audit-grid");
        grid.addColumn(r -> TIME.format(r.at())).setHeader("When").setAutoWidth(true);
        grid.addColumn(AuditRecord::actor).setHeader("User");
        grid.addColumn(r -> AuditWording.field(r.entityType().replace('-', ' '))).setHeader("Entity");
        grid.addColumn(AuditRecord::entityId).setHeader("Id");
        grid.addColumn(AuditRecord::action).setHeader("Action");
        grid.addColumn(r -> AuditWording.changes(r.changes())).setHeader("Changes").setFlexGrow(3);
        grid.setItems(q -> audit.search(entityType.getValue(), entityId.getValue(), actor.getValue(),
                Pages.of(q)).items().stream(),
                q -> Pages.total(audit.search(entityType.getValue(), entityId.getValue(), actor.getValue(),
                        Pages.count()).total()));
        H2 title = new H2("Audit log");
        title.setId("audit-title");
        add(title, new HorizontalLayout(entityType, entityId, actor), grid);
        expand(grid);
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
