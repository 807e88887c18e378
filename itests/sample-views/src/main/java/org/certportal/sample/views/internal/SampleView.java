package org.certportal.sample.views.internal;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

/** Uses a Grid: a component the shell's own views do not use, so the shared frontend bundle must carry it. */
public class SampleView extends VerticalLayout {
    private static final long serialVersionUID = 1L;

    public record Row(String name, int count) {
    }

    public SampleView() {
        H2 title = new H2("Sample view");
        title.setId("sample-view");
        Grid<Row> grid = new Grid<>();
        grid.setId("sample-grid");
        grid.addColumn(Row::name).setHeader("Name");
        grid.addColumn(Row::count).setHeader("Count");
        grid.setItems(new Row("alpha", 1), new Row("beta", 2));
        add(title, grid);
    }
}
