package org.educommons.ui.activity;

import java.util.Map;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;

import org.educommons.activity.Activities;
import org.educommons.activity.ActivityView;
import org.educommons.platform.api.Page;
import org.educommons.platform.api.Requests;
import org.educommons.tenancy.CommunityDirectory;
import org.educommons.tenancy.CommunitySlug;
import org.educommons.tenancy.TenantContext;
import org.educommons.ui.MainLayout;
import org.educommons.ui.Routes;

/**
 * A community's joint activities as the caller's member sees them: confirmed ones, and those it
 * organises, with the ones awaiting its answer marked.
 */
@Route(value = "communities/:community/activities", layout = MainLayout.class)
public class ActivitiesView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final Activities activities;
    private final CommunityDirectory directory;
    private final TenantContext tenantContext;
    private String title = "";

    @Inject
    public ActivitiesView(Activities activities, CommunityDirectory directory, TenantContext tenantContext) {
        this.activities = activities;
        this.directory = directory;
        this.tenantContext = tenantContext;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (Routes.signInFirst(event, tenantContext)) {
            return;
        }
        CommunitySlug community = Requests.community(event.getRouteParameters().get("community").orElse(""));
        Page<ActivityView> page = activities.activities(community, new Activities.Filter(null, null), null, Page.MAX_LIMIT);
        CommunityDirectory.CommunityDetails details = directory.community(community);
        Map<String, String> names = details.members().stream()
                .collect(Collectors.toMap(CommunityDirectory.Member::tenant, m -> m.name().in(getLocale())));
        String us = directory.slugOf(tenantContext.requireCaller().tenantId()).value();
        removeAll();
        title = getTranslation("activity.list.title", details.name().in(getLocale()));
        H2 heading = new H2(title);
        heading.setId("activities-title");
        add(heading);
        if (page.items().isEmpty()) {
            add(new Paragraph(getTranslation("activity.list.empty")));
        }
        page.items().stream()
                .sorted((a, b) -> b.startsOn().compareTo(a.startsOn()))
                .forEach(a -> add(card(a, names, us)));
    }

    private Div card(ActivityView a, Map<String, String> names, String us) {
        RouterLink link = new RouterLink(a.title(), ActivityPage.class, new RouteParameters("id", String.valueOf(a.id())));
        link.addClassName("activity-link");
        link.addClassName("ec-card-title");
        Div badges = new Div(ActivityPage.badge(getTranslation("activity.type." + a.type()), "badge contrast"),
                ActivityPage.statusBadge(a.status(), getTranslation("activity.status." + a.status())));
        if (a.awaitsAnswerOf(us)) {
            Span mark = ActivityPage.badge(getTranslation("activity.awaiting-us"), "badge error primary");
            mark.addClassName("awaiting-us");
            badges.add(mark);
        }
        String organisers = a.organisers().stream().map(o -> names.getOrDefault(o.tenant(), o.tenant()))
                .collect(Collectors.joining("、"));
        Div card = new Div(link, badges, new Div(new Span(getTranslation("activity.dates", a.startsOn(), a.endsOn()))),
                new Div(new Span(getTranslation("activity.organisers") + "：" + organisers)));
        card.addClassName("activity-card");
        card.addClassName("ec-card");
        return card;
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
