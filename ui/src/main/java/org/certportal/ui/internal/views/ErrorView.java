package org.certportal.ui.internal.views;

import javax.servlet.http.HttpServletResponse;

import org.certportal.ui.internal.MainLayout;
import org.certportal.ui.internal.PortalErrorHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.ParentLayout;

/** Any other failure while opening a page: logged with an id the user can quote, no stack trace. */
@ParentLayout(MainLayout.class)
public class ErrorView extends VerticalLayout implements HasErrorParameter<Exception> {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ErrorView.class);
    private final Paragraph detail = new Paragraph();

    public ErrorView() {
        H2 title = new H2("Something went wrong");
        title.setId("error");
        detail.setId("error-id");
        add(title, detail);
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<Exception> parameter) {
        String id = PortalErrorHandler.newErrorId();
        LOG.error("Error {} while opening /{}", id, event.getLocation().getPath(), parameter.getCaughtException());
        detail.setText("The page could not be shown. The error was logged with id " + id
                + "; quote it when you report the problem.");
        return HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
    }
}
