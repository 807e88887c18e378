package org.certportal.sample.views.internal;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

public class SampleManagerView extends VerticalLayout {
    private static final long serialVersionUID = 1L;

    public SampleManagerView() {
        H2 title = new H2("Sample manager view");
        title.setId("sample-manager-view");
        add(title);
    }
}
