package org.certportal.ui.internal.views;

import javax.servlet.http.HttpServletResponse;

import org.certportal.security.api.AccessDeniedException;
import org.certportal.ui.internal.MainLayout;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.ParentLayout;

/** A service refused the caller while a page was being built. */
@ParentLayout(MainLayout.class)
public class AccessDeniedErrorView extends AccessDeniedView implements HasErrorParameter<AccessDeniedException> {
    private static final long serialVersionUID = 1L;

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<AccessDeniedException> parameter) {
        return HttpServletResponse.SC_FORBIDDEN;
    }
}
