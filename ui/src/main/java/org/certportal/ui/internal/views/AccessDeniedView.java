package org.certportal.ui.internal.views;

import org.certportal.ui.internal.MainLayout;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

/** Shown in place of a page the user may not open; the address stays what they asked for. */
@Route(value = "access-denied", layout = MainLayout.class)
@PageTitle("Access denied · CertPortal")
public class AccessDeniedView extends VerticalLayout {
    private static final long serialVersionUID = 1L;

    public AccessDeniedView() {
        H2 title = new H2("Access denied");
        title.setId("access-denied");
        add(title, new Paragraph("You do not have permission to open this page. If you need it for your work,"
                + " ask a SysAdmin to give you the role."));
    }
}
