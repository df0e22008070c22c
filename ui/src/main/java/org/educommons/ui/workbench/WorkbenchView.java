package org.educommons.ui.workbench;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import com.vaadin.flow.component.Component;
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

import org.educommons.activity.ActivityAnswers;
import org.educommons.forum.ForumOverview;
import org.educommons.forum.RegistrationStatus;
import org.educommons.membership.JoinApplicationDetails;
import org.educommons.platform.i18n.BeijingTime;
import org.educommons.tenancy.TenantContext;
import org.educommons.ui.MainLayout;
import org.educommons.ui.Section;
import org.educommons.ui.Routes;
import org.educommons.ui.activity.ActivityView;
import org.educommons.ui.forum.ForumView;
import org.educommons.ui.membership.JoinApplicationsView;
import org.educommons.ui.notification.NotificationsView;
import org.educommons.ui.workplan.MyPlanView;
import org.educommons.workbench.Workbench;
import org.educommons.workbench.WorkbenchDetails;
import org.educommons.workplan.WorkPlans;

/**
 * The signed-in home: for a tenant admin this year's plan and how far it has got, the forums the tenant
 * hosts with registrations per member, and activities waiting for its answer; for a principal their
 * registrations (the next forum first, with its check-in code) and forums open to register; for the
 * secretariat the next joint council meeting and the applications to decide. Each entry links to the
 * screen where it is handled.
 */
@Route(value = "workbench", layout = MainLayout.class)
public class WorkbenchView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final Workbench workbench;
    private final TenantContext tenantContext;

    @Inject
    public WorkbenchView(Workbench workbench, TenantContext tenantContext) {
        this.workbench = workbench;
        this.tenantContext = tenantContext;
        setMaxWidth("60em");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (Routes.signInFirst(event, tenantContext)) {
            return;
        }
        render(workbench.mine());
    }

    private void render(WorkbenchDetails w) {
        removeAll();
        H2 title = new H2(getPageTitle());
        Paragraph who = new Paragraph(getTranslation("workbench.subtitle", w.tenantName().in(getLocale()), String.valueOf(w.year())));
        who.setId("workbench-tenant");
        who.addClassName("ec-secondary");
        add(title, who);

        RouterLink unread = new RouterLink(w.unreadNotifications() == 0 ? getTranslation("workbench.notifications.none")
                : getTranslation("workbench.notifications.unread", w.unreadNotifications()), NotificationsView.class);
        unread.setId("workbench-notifications");
        add(unread);

        var roles = w.roles();
        if (roles.contains(org.educommons.identity.Role.TENANT_ADMIN)) {
            add(section("workbench-plans", getTranslation("workbench.plans.title", String.valueOf(w.year())),
                    w.plans().stream().map(this::plan).toList(), "workbench.plans.none"));
            add(section("workbench-hosted", getTranslation("workbench.hosted.title"),
                    w.hostedForums().stream().map(this::hosted).toList(), "workbench.hosted.none"));
            add(section("workbench-activities", getTranslation("workbench.activities.title"),
                    w.activitiesToAnswer().stream().map(this::awaiting).toList(), "workbench.activities.none"));
        }
        if (roles.contains(org.educommons.identity.Role.PRINCIPAL)) {
            Long next = w.registrations().stream().filter(r -> r.status() == RegistrationStatus.CONFIRMED)
                    .map(ForumOverview.MyRegistration::registration).findFirst().orElse(null);
            add(section("workbench-registrations", getTranslation("workbench.registrations.title"),
                    w.registrations().stream().map(r -> registration(r, next != null && next == r.registration())).toList(),
                    "workbench.registrations.none"));
            add(section("workbench-open-forums", getTranslation("workbench.open-forums.title"),
                    w.openForums().stream().map(this::openForum).toList(), "workbench.open-forums.none"));
        }
        if (roles.contains(org.educommons.identity.Role.SECRETARIAT)) {
            add(section("workbench-meeting", getTranslation("workbench.meeting.title"),
                    w.nextMeeting() == null ? List.of() : List.of(meeting(w.nextMeeting())), "workbench.meeting.none"));
            add(section("workbench-applications", getTranslation("workbench.applications.title"),
                    w.applications().stream().map(this::application).toList(), "workbench.applications.none"));
        }
    }

    /** A titled list of cards, or a line saying there is nothing. */
    private Component section(String id, String title, List<Component> cards, String emptyKey) {
        return Section.of(id, title, cards, getTranslation(emptyKey));
    }

    private Div card(Component heading, Component... lines) {
        Div card = new Div(heading);
        card.addClassName("ec-card");
        for (Component line : lines) {
            card.add(line);
        }
        return card;
    }

    private static Div line(String text) {
        Div line = new Div(new Span(text));
        line.addClassName("ec-line");
        return line;
    }

    private static Span badge(String text, String theme) {
        Span badge = new Span(text);
        badge.getElement().getThemeList().add("badge " + theme);
        badge.addClassName("ec-badge");
        return badge;
    }

    private Component plan(WorkPlans.PlanProgress p) {
        RouterLink open = new RouterLink(p.communityName().in(getLocale()), MyPlanView.class,
                new RouteParameters(Map.of("community", p.community(), "year", String.valueOf(p.year()))));
        open.addClassName("ec-card-title");
        String state;
        String theme;
        if (p.closed()) {
            state = "closed";
            theme = "contrast";
        } else if (p.items() == 0) {
            state = "empty";
            theme = "error";
        } else if (p.drafts() > 0) {
            state = "draft";
            theme = "";
        } else {
            state = "published";
            theme = "success";
        }
        Span badge = badge(getTranslation("workbench.plan.state." + state, p.drafts()), theme);
        badge.addClassName("plan-state");
        badge.getElement().setAttribute("data-state", state);
        Div counts = line(getTranslation("workbench.plan.counts", p.items(), p.planned(), p.inProgress(), p.done()));
        counts.addClassName("plan-counts");
        Div card = card(new Div(open, badge), counts,
                line(getTranslation("workbench.plan.co-organised", p.coOrganised())));
        card.addClassName("workbench-plan");
        card.getElement().setAttribute("data-community", p.community());
        return card;
    }

    private Component hosted(ForumOverview.HostedForum f) {
        RouterLink open = forumLink(f.title(), f.id());
        Div totals = line(getTranslation("workbench.hosted.totals", f.confirmed(), f.capacity(), f.waitlisted(), f.pending()));
        totals.addClassName("hosted-totals");
        Div card = card(open, line(BeijingTime.minutes(f.startsAt())), totals);
        for (ForumOverview.MemberRegistrations m : f.members()) {
            Div member = line(getTranslation(m.quota() == null ? "workbench.hosted.member" : "workbench.hosted.member-quota",
                    m.name().in(getLocale()), m.confirmed(), m.quota() == null ? 0 : m.quota(), m.waitlisted(), m.pending()));
            member.addClassName("hosted-member");
            member.getElement().setAttribute("data-member", m.member());
            card.add(member);
        }
        if (f.members().isEmpty()) {
            card.add(line(getTranslation("workbench.hosted.no-registrations")));
        }
        card.addClassName("workbench-hosted-forum");
        return card;
    }

    private Component awaiting(ActivityAnswers.Awaiting a) {
        RouterLink open = new RouterLink(a.title(), ActivityView.class, new RouteParameters("id", String.valueOf(a.id())));
        open.addClassName("ec-card-title");
        Div card = card(new Div(open, badge(getTranslation("activity.type." + a.type().name()), "")),
                line(getTranslation("workbench.activities.by", a.proposerName().in(getLocale()),
                        String.valueOf(a.startsOn()), String.valueOf(a.endsOn()))));
        if (a.part() != null && !a.part().isBlank()) {
            card.add(line(getTranslation("workbench.activities.part", a.part())));
        }
        card.addClassName("workbench-activity");
        return card;
    }

    private Component registration(ForumOverview.MyRegistration r, boolean next) {
        RouterLink open = forumLink(r.title(), r.forum());
        Span status = badge(r.status() == RegistrationStatus.WAITLISTED && r.position() != null
                        ? getTranslation("workbench.registrations.waitlisted", r.position())
                        : getTranslation("forum.status." + r.status().name()),
                r.status() == RegistrationStatus.CONFIRMED ? "success" : "");
        status.addClassName("registration-status");
        Div heading = new Div(open, status);
        if (next) {
            heading.add(badge(getTranslation("workbench.registrations.next"), "primary"));
        }
        Div card = card(heading, line(BeijingTime.minutes(r.startsAt()) + " · " + r.venue()),
                line(getTranslation("workbench.by-host", r.hostName().in(getLocale()))));
        if (r.checkInCode() != null) {
            Div code = line(r.checkedInAt() != null ? getTranslation("workbench.registrations.checked-in", BeijingTime.minutes(r.checkedInAt()))
                    : getTranslation("forum.check-in-code", r.checkInCode()));
            code.addClassName("registration-code");
            card.add(code);
        }
        card.addClassName("workbench-registration");
        if (next) {
            card.addClassName("workbench-next");
        }
        return card;
    }

    private Component openForum(ForumOverview.OpenForum f) {
        Div card = card(forumLink(f.title(), f.id()),
                line(getTranslation("workbench.by-host", f.hostName().in(getLocale())) + " · " + BeijingTime.minutes(f.startsAt())),
                line(getTranslation("workbench.open-forums.closes", BeijingTime.minutes(f.registrationClosesAt()), f.seatsLeft())));
        card.addClassName("workbench-open-forum");
        return card;
    }

    private Component meeting(WorkbenchDetails.Meeting m) {
        Span name = new Span(m.name());
        name.addClassName("ec-card-title");
        Div card = card(name, line(getTranslation("workbench.meeting.when", String.valueOf(m.date()), m.applications().size())));
        card.setId("workbench-next-meeting");
        return card;
    }

    private Component application(JoinApplicationDetails a) {
        RouterLink open = new RouterLink(a.name(), JoinApplicationsView.class,
                new RouteParameters(Map.of("community", a.community())));
        open.addClassName("ec-card-title");
        Div card = card(open, line(a.region() + " · " + (a.meeting() == null ? getTranslation("workbench.applications.unscheduled")
                : getTranslation("workbench.applications.on-agenda", a.meeting(), String.valueOf(a.meetingDate())))));
        card.addClassName("workbench-application");
        return card;
    }

    private RouterLink forumLink(String title, long id) {
        RouterLink link = new RouterLink(title, ForumView.class, new RouteParameters("id", String.valueOf(id)));
        link.addClassName("ec-card-title");
        return link;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("workbench.title");
    }
}
