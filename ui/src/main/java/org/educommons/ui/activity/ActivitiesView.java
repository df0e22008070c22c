package org.educommons.ui.activity;

import java.util.Map;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
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

import org.educommons.activity.ActivityProposals;
import org.educommons.activity.ActivityDetails;
import org.educommons.identity.Role;
import org.educommons.platform.api.Page;
import org.educommons.platform.api.Requests;
import org.educommons.tenancy.CommunityDirectory;
import org.educommons.tenancy.CommunitySlug;
import org.educommons.tenancy.Schools;
import org.educommons.tenancy.TenantContext;
import org.educommons.ui.MainLayout;
import org.educommons.ui.Prompts;
import org.educommons.ui.Routes;

/**
 * A community's joint activities as the caller's member sees them: confirmed ones, and those it
 * organises, with the ones awaiting its answer marked.
 */
@Route(value = "communities/:community/activities", layout = MainLayout.class)
public class ActivitiesView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final ActivityProposals proposals;
    private final CommunityDirectory directory;
    private final Schools schools;
    private final TenantContext tenantContext;
    private String title = "";

    @Inject
    public ActivitiesView(ActivityProposals proposals, CommunityDirectory directory, Schools schools, TenantContext tenantContext) {
        this.proposals = proposals;
        this.directory = directory;
        this.schools = schools;
        this.tenantContext = tenantContext;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (Routes.signInFirst(event, tenantContext)) {
            return;
        }
        CommunitySlug community = Requests.community(event.getRouteParameters().get("community").orElse(""));
        Page<ActivityDetails> page = proposals.activities(community, new ActivityProposals.Filter(null, null), null, Page.MAX_LIMIT);
        CommunityDirectory.CommunityDetails details = directory.community(community);
        Map<String, String> names = details.members().stream()
                .collect(Collectors.toMap(CommunityDirectory.Member::tenant, m -> m.name().in(getLocale()), (a, b) -> a,
                        java.util.LinkedHashMap::new)); // in roster order
        String us = directory.slugOf(tenantContext.requireCaller().tenantId()).value();
        removeAll();
        title = getTranslation("activity.list.title", details.name().in(getLocale()));
        H2 heading = new H2(title);
        heading.setId("activities-title");
        add(heading);
        if (tenantContext.requireCaller().has(Role.TENANT_ADMIN)) {
            Button propose = new Button(getTranslation("activity.propose"), e -> proposeForm(community, names, us));
            propose.setId("propose-activity");
            propose.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            add(propose);
        }
        if (page.items().isEmpty()) {
            add(new Paragraph(getTranslation("activity.list.empty")));
        }
        page.items().stream()
                .sorted((a, b) -> b.startsOn().compareTo(a.startsOn()))
                .forEach(a -> add(card(a, names, us)));
    }

    private Div card(ActivityDetails a, Map<String, String> names, String us) {
        RouterLink link = new RouterLink(a.title(), ActivityView.class, new RouteParameters("id", String.valueOf(a.id())));
        link.addClassName("activity-link");
        link.addClassName("ec-card-title");
        Div badges = new Div(ActivityView.badge(getTranslation("activity.type." + a.type()), "badge contrast"),
                ActivityView.statusBadge(a.status(), getTranslation("activity.status." + a.status())));
        if (a.awaitsAnswerOf(us)) {
            Span mark = ActivityView.badge(getTranslation("activity.awaiting-us"), "badge error primary");
            mark.addClassName("awaiting-us");
            badges.add(mark);
        }
        String organisers = a.organisers().stream().map(o -> names.getOrDefault(o.tenant(), o.tenant()))
                .collect(Collectors.joining(getTranslation("text.list-separator")));
        Div card = new Div(link, badges, new Div(new Span(getTranslation("activity.dates", a.startsOn(), a.endsOn()))),
                new Div(new Span(getTranslation("text.labelled", getTranslation("activity.organisers"), organisers))));
        card.addClassName("activity-card");
        card.addClassName("ec-card");
        return card;
    }

    /** The form a member's administrator proposes a joint activity with; the service checks every field. */
    private void proposeForm(CommunitySlug community, Map<String, String> names, String us) {
        Dialog dialog = new Dialog(getTranslation("activity.propose"));
        dialog.setId("propose-dialog");
        ActivityForm form = new ActivityForm(names, us, schools.schools(community, null, null, Page.MAX_LIMIT).items());
        form.addSaveListener(e -> {
            ActivityDetails proposed = proposals.propose(community, e.getSource().input());
            dialog.close();
            Prompts.success(getTranslation("activity.proposed"));
            getUI().ifPresent(ui -> ui.navigate(ActivityView.class, new RouteParameters("id", String.valueOf(proposed.id()))));
        });
        form.addCancelListener(e -> dialog.close());
        dialog.add(form);
        dialog.open();
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
