package org.educommons.ui;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Meta;
import com.vaadin.flow.server.AppShellSettings;

/**
 * Page-level settings shared by every view. Lumo is Vaadin's default theme; naming it with
 * {@code @Theme(themeClass = Lumo.class)} made every page ask for {@code VAADIN/themes//styles.css}, a 404.
 */
@Meta(name = "viewport", content = "width=device-width, initial-scale=1")
public class AppShell implements AppShellConfigurator {

    @Override
    public void configurePage(AppShellSettings settings) {
        settings.setPageTitle("教育共同体协作平台 EduCommons");
        // a plain stylesheet (src/main/webapp/styles): CSS imports would force a custom front-end bundle
        settings.addLink("styles/app.css", java.util.Map.of("rel", "stylesheet"));
        // the product's own icon, so that browsers do not ask for a /favicon.ico that is not there
        settings.addLink("icons/educommons.svg", java.util.Map.of("rel", "icon", "type", "image/svg+xml"));
    }
}
