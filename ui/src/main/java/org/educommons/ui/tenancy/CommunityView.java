package org.educommons.ui.tenancy;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;

import org.educommons.identity.Role;
import org.educommons.platform.problem.ProblemException;
import org.educommons.tenancy.CommunityDirectory;
import org.educommons.tenancy.CommunityDirectory.CommunityDetails;
import org.educommons.tenancy.CommunityDirectory.Member;
import org.educommons.tenancy.CommunitySlug;
import org.educommons.tenancy.TenantContext;
import org.educommons.ui.MainLayout;
import org.educommons.ui.activity.ActivitiesView;
import org.educommons.ui.dashboard.DashboardView;
import org.educommons.ui.forum.ForumsView;
import org.educommons.ui.membership.JoinApplicationsView;
import org.educommons.ui.membership.JoinView;
import org.educommons.ui.workplan.CombinedPlanView;
import org.educommons.ui.workplan.MyPlanView;
import org.educommons.workplan.WorkPlans;

/** A community's home: who it is and its members with the day each joined, founders marked. */
@Route(value = "communities", layout = MainLayout.class)
public class CommunityView extends VerticalLayout implements HasUrlParameter<String>, HasDynamicTitle {

    private final CommunityDirectory directory;
    private final WorkPlans workPlans;
    private final TenantContext tenantContext;
    private String title = "";

    @Inject
    public CommunityView(CommunityDirectory directory, WorkPlans workPlans, TenantContext tenantContext) {
        this.directory = directory;
        this.workPlans = workPlans;
        this.tenantContext = tenantContext;
        setPadding(true);
    }

    /** The address of community {@code slug}'s home. */
    public static String path(String slug) {
        return "communities/" + slug;
    }

    @Override
    public void setParameter(BeforeEvent event, String slug) {
        if (!CommunitySlug.isValid(slug)) {
            throw ProblemException.notFound("community", slug);
        }
        show(directory.community(new CommunitySlug(slug)));
    }

    private void show(CommunityDetails community) {
        removeAll();
        title = community.name().in(getLocale());
        H2 heading = new H2(title);
        heading.setId("community-name");
        add(heading);
        if (community.description().zh() != null) {
            add(new Paragraph(community.description().in(getLocale())));
        }
        long founders = community.members().stream().filter(Member::founding).count();
        Span count = new Span(getTranslation("community.member-count", community.members().size(), founders));
        count.setId("member-count");
        add(count);
        if (tenantContext.caller().isPresent()) {
            add(planLinks(community.slug()));
        }
        add(membershipLinks(community));
        add(members(community));
    }

    /** Links to the community's combined plan of every year the signed-in member can see. */
    private HorizontalLayout planLinks(String community) {
        HorizontalLayout links = new HorizontalLayout();
        links.setId("plan-links");
        links.getStyle().set("flex-wrap", "wrap");
        try {
            for (int year : workPlans.years(new CommunitySlug(community))) {
                links.add(new RouterLink(getTranslation("community.plan-link", String.valueOf(year)), CombinedPlanView.class,
                        new RouteParameters(Map.of("community", community, "year", String.valueOf(year)))));
            }
            RouterLink forums = new RouterLink(getTranslation("community.forums-link"), ForumsView.class,
                    new RouteParameters(Map.of("community", community)));
            forums.setId("forums-link");
            RouterLink activities = new RouterLink(getTranslation("community.activities-link"), ActivitiesView.class,
                    new RouteParameters(Map.of("community", community)));
            activities.setId("activities-link");
            int thisYear = java.time.LocalDate.now(org.educommons.platform.i18n.BeijingTime.ZONE).getYear();
            RouterLink dashboard = new RouterLink(getTranslation("nav.dashboard"), DashboardView.class,
                    new RouteParameters(Map.of("community", community, "year", String.valueOf(thisYear))));
            dashboard.setId("dashboard-link");
            links.add(forums, activities, dashboard);
            if (tenantContext.requireCaller().has(Role.TENANT_ADMIN)) {
                // plans are written for the coming year and kept through the current one
                for (int year : List.of(thisYear, thisYear + 1)) {
                    RouterLink mine = new RouterLink(getTranslation("myplan.link", String.valueOf(year)), MyPlanView.class,
                            MyPlanView.parameters(community, year));
                    mine.setId("my-plan-link-" + year);
                    links.add(mine);
                }
            }
        } catch (ProblemException notAMember) {
            // the community's plans and forums are for its members
        }
        return links;
    }

    /**
     * Applying to join, for visitors and other tenants' people; the join applications, for the
     * secretariat's staff.
     */
    private HorizontalLayout membershipLinks(CommunityDetails community) {
        HorizontalLayout links = new HorizontalLayout();
        links.setId("membership-links");
        RouteParameters here = new RouteParameters(Map.of("community", community.slug()));
        String ours = tenantContext.caller().map(c -> directory.slugOf(c.tenantId()).value()).orElse(null);
        boolean member = community.members().stream().anyMatch(m -> m.tenant().equals(ours));
        if (!member) {
            RouterLink join = new RouterLink(getTranslation("join.link"), JoinView.class, here);
            join.setId("join-link");
            links.add(join);
        }
        boolean secretariat = community.members().stream().anyMatch(m -> m.secretariat() && m.tenant().equals(ours));
        if (secretariat && tenantContext.caller().orElseThrow().has(Role.SECRETARIAT)) {
            RouterLink applications = new RouterLink(getTranslation("join.list-link"), JoinApplicationsView.class, here);
            applications.setId("join-applications-link");
            links.add(applications);
        }
        return links;
    }

    private Grid<Member> members(CommunityDetails community) {
        Grid<Member> grid = new Grid<>();
        grid.setId("members");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        // each member's name opens its page (where it sits in the tenant tree); a template, not a component per row
        grid.addColumn(LitRenderer.<Member>of("<a router-link class=\"member-link\" href=\"${item.href}\">${item.name}</a>")
                        .withProperty("href", m -> TenantView.path(m.tenant()))
                        .withProperty("name", m -> m.name().in(getLocale())))
                .setHeader(getTranslation("community.column.name")).setFlexGrow(3);
        grid.addColumn(m -> getTranslation("kind." + m.kind().name())).setHeader(getTranslation("community.column.kind"))
                .setFlexGrow(1);
        grid.addColumn(Member::region).setHeader(getTranslation("community.column.region")).setFlexGrow(2);
        grid.addColumn(this::joined).setHeader(getTranslation("community.column.joined")).setFlexGrow(2)
                .setTextAlign(ColumnTextAlign.START);
        grid.addComponentColumn(this::roleBadges).setHeader(getTranslation("community.column.role")).setAutoWidth(true)
                .setFlexGrow(0);
        grid.setItems(community.members());
        return grid;
    }

    private String joined(Member m) {
        String when = m.joinedOn() != null ? m.joinedOn().format(DateTimeFormatter.ISO_LOCAL_DATE)
                : getTranslation("community.joined-year", String.valueOf(m.joinedYear()));
        return m.joinedAtMeeting() == null ? when : when + " " + getTranslation("community.joined-at", m.joinedAtMeeting());
    }

    private Component roleBadges(Member m) {
        HorizontalLayout badges = new HorizontalLayout();
        badges.setSpacing(true);
        Span role = new Span(getTranslation("community.role." + m.role().name()));
        role.getElement().getThemeList().add(m.founding() ? "badge success" : "badge");
        role.addClassName(m.founding() ? "founding-member" : "member");
        badges.add(role);
        if (m.secretariat()) {
            Span secretariat = new Span(getTranslation("community.secretariat"));
            secretariat.getElement().getThemeList().add("badge contrast");
            badges.add(secretariat);
        }
        return badges;
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
