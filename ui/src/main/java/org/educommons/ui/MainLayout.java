package org.educommons.ui;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;

import org.educommons.identity.AccountPrincipal;
import org.educommons.identity.Role;
import org.educommons.platform.i18n.BeijingTime;
import org.educommons.platform.i18n.Messages;
import org.educommons.platform.outbox.Inbox;
import org.educommons.tenancy.CommunityDirectory;
import org.educommons.tenancy.TenantContext;
import org.educommons.ui.activity.ActivitiesView;
import org.educommons.ui.dashboard.DashboardView;
import org.educommons.ui.forum.ForumsView;
import org.educommons.ui.identity.CalendarLinksView;
import org.educommons.ui.identity.LoginView;
import org.educommons.ui.identity.SignOut;
import org.educommons.ui.notification.NotificationsView;
import org.educommons.ui.tenancy.CommunitiesView;
import org.educommons.ui.membership.JoinApplicationsView;
import org.educommons.ui.tenancy.CommunityView;
import org.educommons.ui.tenancy.TenantView;
import org.educommons.ui.training.TrainingRecordView;
import org.educommons.ui.training.TrainingTotalsView;
import org.educommons.ui.workbench.WorkbenchView;
import org.educommons.ui.workplan.CombinedPlanView;
import org.educommons.ui.workplan.MyPlanView;

/** The frame around every view: title, navigation to the communities and one's own pages, language, sign-in state. */
public class MainLayout extends AppLayout implements AfterNavigationObserver {

    private final Inbox inbox;
    private final TenantContext tenantContext;
    private final Span unreadCount = new Span();
    private RouterLink bell;

    @Inject
    public MainLayout(TenantContext tenantContext, CommunityDirectory directory, Inbox inbox) {
        this.inbox = inbox;
        this.tenantContext = tenantContext;
        H1 title = new H1(getTranslation("app.title"));
        title.getStyle().set("font-size", "var(--lumo-font-size-l)").set("margin", "0");
        title.addClassName("app-title");
        RouterLink home = tenantContext.caller().isPresent() ? new RouterLink(WorkbenchView.class)
                : new RouterLink(CommunitiesView.class);
        home.add(title);
        home.getStyle().set("color", "inherit").set("text-decoration", "none");

        boolean english = Messages.ENGLISH.equals(Messages.supported(getLocale()));
        Button language = new Button(english ? "中文" : "English",
                e -> Language.switchTo(english ? Messages.CHINESE : Messages.ENGLISH));
        language.setId("language-switch");
        language.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        language.getElement().setAttribute("aria-label", getTranslation("app.language"));

        HorizontalLayout account = new HorizontalLayout();
        account.setAlignItems(FlexComponent.Alignment.CENTER);
        tenantContext.caller().ifPresentOrElse(caller -> signedIn(account, caller), () -> {
            Button login = new Button(getTranslation("nav.login"), e -> e.getSource().getUI()
                    .ifPresent(ui -> ui.navigate(LoginView.class)));
            login.setId("login-button");
            account.add(login);
        });

        HorizontalLayout bar = new HorizontalLayout(new DrawerToggle(), home, new Span(), language, account);
        bar.setWidthFull();
        bar.setAlignItems(FlexComponent.Alignment.CENTER);
        bar.expand(bar.getComponentAt(2));
        bar.getStyle().set("padding-right", "var(--lumo-space-m)");
        addToNavbar(bar);

        Optional<AccountPrincipal> caller = tenantContext.caller();
        if (caller.isPresent()) {
            SideNav work = new SideNav();
            work.setId("nav-work");
            SideNavItem workbench = new SideNavItem(getTranslation("nav.workbench"), WorkbenchView.class);
            workbench.setId("nav-workbench");
            work.addItem(workbench);
            addToDrawer(work);
        }
        addToDrawer(communities(directory, caller));
        if (caller.isPresent()) {
            SideNav me = new SideNav(getTranslation("nav.me"));
            me.setId("nav-me");
            SideNavItem organisation = new SideNavItem(getTranslation("nav.my-tenant"),
                    TenantView.path(directory.slugOf(caller.get().tenantId()).value()));
            organisation.setId("nav-my-tenant");
            me.addItem(new SideNavItem(getTranslation("notifications.title"), NotificationsView.class),
                    organisation,
                    new SideNavItem(getTranslation("training.link"), TrainingRecordView.class),
                    new SideNavItem(getTranslation("calendar-links.link"), CalendarLinksView.class));
            if (caller.get().has(Role.TENANT_ADMIN)) {
                SideNavItem totals = new SideNavItem(getTranslation("training.totals.link"), TrainingTotalsView.class);
                totals.setId("nav-training-totals");
                me.addItem(totals);
            }
            addToDrawer(me);
        }
    }

    /**
     * Every community; those of the caller's tenant open onto their plan table of this year, forums,
     * activities, the dashboard, the tenant's own plan (its admins) and the secretariat's desk (the secretariat's staff).
     */
    private SideNav communities(CommunityDirectory directory, Optional<AccountPrincipal> caller) {
        SideNav nav = new SideNav(getTranslation("nav.communities"));
        nav.setId("nav-communities");
        Map<String, CommunityDirectory.TenantDetails.CommunityMembership> ours = caller
                .map(c -> directory.memberships(c.tenantId()).stream()
                        .collect(Collectors.toMap(CommunityDirectory.TenantDetails.CommunityMembership::community, m -> m)))
                .orElse(Map.of());
        String year = String.valueOf(LocalDate.now(BeijingTime.ZONE).getYear());
        for (CommunityDirectory.CommunitySummary c : directory.communities()) {
            SideNavItem community = new SideNavItem(c.name().in(getLocale()), CommunityView.path(c.slug()));
            community.getElement().setAttribute("data-community", c.slug());
            var membership = ours.get(c.slug());
            if (membership != null) {
                RouteParameters here = new RouteParameters("community", c.slug());
                RouteParameters thisYear = new RouteParameters(Map.of("community", c.slug(), "year", year));
                community.addItem(
                        new SideNavItem(getTranslation("nav.plan-table", year), CombinedPlanView.class, thisYear),
                        new SideNavItem(getTranslation("nav.forums"), ForumsView.class, here),
                        new SideNavItem(getTranslation("nav.activities"), ActivitiesView.class, here),
                        new SideNavItem(getTranslation("nav.dashboard"), DashboardView.class, thisYear));
                if (caller.get().has(Role.TENANT_ADMIN)) {
                    community.addItem(new SideNavItem(getTranslation("nav.my-plan", year), MyPlanView.class, thisYear));
                }
                if (membership.secretariat() && caller.get().has(Role.SECRETARIAT)) {
                    community.addItem(new SideNavItem(getTranslation("nav.secretariat"), JoinApplicationsView.class, here));
                }
                community.setExpanded(true);
            }
            nav.addItem(community);
        }
        return nav;
    }

    private void signedIn(HorizontalLayout account, AccountPrincipal caller) {
        bell = new RouterLink(getTranslation("notifications.link"), NotificationsView.class);
        bell.setId("notifications-link");
        unreadCount.setId("unread-count");
        unreadCount.getElement().getThemeList().add("badge error pill small");
        unreadCount.getStyle().set("margin-left", "var(--lumo-space-xs)");
        bell.add(unreadCount);
        account.add(bell);
        Span who = new Span(getTranslation("nav.signed-in-as", caller.username()));
        who.setId("signed-in-user");
        Button logout = new Button(getTranslation("nav.logout"), e -> SignOut.now());
        logout.setId("logout-button");
        logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        account.add(who, logout);
    }

    /** The number of unread notifications, counted again on every navigation. */
    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        if (bell != null && tenantContext.caller().isPresent()) {
            long unread = inbox.unread();
            unreadCount.setText(String.valueOf(unread));
            unreadCount.setVisible(unread > 0);
        }
    }
}
