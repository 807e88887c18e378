package org.certportal.programs.internal.ui;

import org.certportal.programs.api.ProgramPermissions;
import org.certportal.ui.spi.BasicViewContribution;
import org.certportal.ui.spi.ViewContribution;
import org.osgi.service.component.annotations.Component;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;

/**
 * Bookmarks and mails of the old form {@code program/<id>} still open the program: they are sent on
 * to {@code programs/<id>}, where list and detail read alike.
 */
@Component(service = ViewContribution.class)
public class OldProgramLinkContribution extends BasicViewContribution {

    public OldProgramLinkContribution() {
        super("program/:" + ProgramEditorView.ID_PARAMETER, "Program", ProgramPermissions.READ, Redirect.class,
                "Certification", 102, "vaadin:diploma");
    }

    @Override
    public Redirect createView() {
        return new Redirect();
    }

    /** Shows nothing: sends the browser on, the address bar showing the new link. */
    public static class Redirect extends Div implements BeforeEnterObserver {
        private static final long serialVersionUID = 1L;

        @Override
        public void beforeEnter(BeforeEnterEvent event) {
            String id = event.getRouteParameters().get(ProgramEditorView.ID_PARAMETER).orElse("");
            event.forwardTo(ProgramEditorContribution.ROUTE + "/" + id);
        }
    }
}
