package org.educommons.ui;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Meta;
import com.vaadin.flow.server.AppShellSettings;
import com.vaadin.flow.theme.Theme;
import com.vaadin.flow.theme.lumo.Lumo;

/** Page-level settings shared by every view. */
@Theme(themeClass = Lumo.class)
@Meta(name = "viewport", content = "width=device-width, initial-scale=1")
public class AppShell implements AppShellConfigurator {

    @Override
    public void configurePage(AppShellSettings settings) {
        settings.setPageTitle("教育共同体协作平台 EduCommons");
        // a plain stylesheet (src/main/webapp/styles): CSS imports would force a custom front-end bundle
        settings.addLink("styles/app.css", java.util.Map.of("rel", "stylesheet"));
    }
}
