package org.certportal.ui.internal;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.theme.Theme;
import com.vaadin.flow.theme.lumo.Lumo;

/** Server push lets open browsers see menu changes and progress without reloading. */
@Push
@Theme(themeClass = Lumo.class)
public class AppShell implements AppShellConfigurator {
    private static final long serialVersionUID = 1L;
}
