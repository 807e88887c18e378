package org.certportal.ui.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Inline;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.server.AppShellSettings;
import com.vaadin.flow.theme.Theme;
import com.vaadin.flow.theme.lumo.Lumo;

/**
 * Server push lets open browsers see menu changes and progress without reloading. Every page gets
 * the portal's stylesheet (portal.css: rows wrap and fields shrink at narrow widths), inlined into
 * the page's head, so the prebuilt production bundle needs no rebuild for it.
 */
@Push
@Theme(themeClass = Lumo.class)
public class AppShell implements AppShellConfigurator {
    private static final long serialVersionUID = 1L;
    private static final String STYLESHEET = read("portal.css");

    @Override
    public void configurePage(AppShellSettings settings) {
        settings.addInlineWithContents(STYLESHEET, Inline.Wrapping.STYLESHEET);
    }

    private static String read(String name) {
        try (InputStream in = AppShell.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + name + " beside " + AppShell.class.getName());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
