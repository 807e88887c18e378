package org.certportal.ui.internal.views;

import javax.servlet.http.HttpServletResponse;

import org.certportal.ui.internal.MainLayout;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.router.RouterLink;

/** An address the portal does not serve, e.g. a view whose bundle was removed. */
@ParentLayout(MainLayout.class)
public class NotFoundView extends VerticalLayout implements HasErrorParameter<NotFoundException> {
    private static final long serialVersionUID = 1L;
    private final Paragraph detail = new Paragraph();

    public NotFoundView() {
        H2 title = new H2("Page not found");
        title.setId("not-found");
        add(title, detail, new RouterLink("Go to the home page", HomeView.class));
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        detail.setText("There is no page at /" + event.getLocation().getPath()
                + ". It may belong to an area that is not installed.");
        return HttpServletResponse.SC_NOT_FOUND;
    }
}
