package org.educommons.ui.tenancy;

import jakarta.inject.Inject;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;

import org.educommons.tenancy.CommunityDirectory;
import org.educommons.ui.MainLayout;

/** The start page: every community on the platform, each linking to its home. */
@Route(value = "", layout = MainLayout.class)
public class CommunitiesView extends VerticalLayout implements HasDynamicTitle {

    @Inject
    public CommunitiesView(CommunityDirectory directory) {
        add(new H2(getTranslation("communities.title")));
        for (CommunityDirectory.CommunitySummary c : directory.communities()) {
            RouterLink link = new RouterLink(c.name().in(getLocale()), CommunityView.class, c.slug());
            link.addClassName("community-link");
            Div card = new Div(link, new Div(new Span(getTranslation("communities.founded", String.valueOf(c.foundedIn()))
                    + " · " + getTranslation("communities.members", c.memberCount()))));
            card.getStyle().set("padding", "var(--lumo-space-m)")
                    .set("border", "1px solid var(--lumo-contrast-10pct)")
                    .set("border-radius", "var(--lumo-border-radius-l)");
            add(card);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("communities.title");
    }
}
