package org.educommons.ui;

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
import com.vaadin.flow.router.RouterLink;

import org.educommons.identity.AccountPrincipal;
import org.educommons.platform.i18n.Messages;
import org.educommons.platform.outbox.Inbox;
import org.educommons.tenancy.CommunityDirectory;
import org.educommons.tenancy.TenantContext;
import org.educommons.ui.identity.CalendarLinksView;
import org.educommons.ui.identity.LoginView;
import org.educommons.ui.identity.SignOut;
import org.educommons.ui.notification.NotificationsView;
import org.educommons.ui.tenancy.CommunitiesView;
import org.educommons.ui.tenancy.CommunityView;

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
        RouterLink home = new RouterLink(CommunitiesView.class);
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

        SideNav nav = new SideNav(getTranslation("nav.communities"));
        directory.communities().forEach(c -> nav.addItem(
                new SideNavItem(c.name().in(getLocale()), CommunityView.path(c.slug()))));
        addToDrawer(nav);
        if (tenantContext.caller().isPresent()) {
            SideNav me = new SideNav(getTranslation("nav.me"));
            me.setId("nav-me");
            me.addItem(new SideNavItem(getTranslation("notifications.title"), NotificationsView.class),
                    new SideNavItem(getTranslation("calendar-links.link"), CalendarLinksView.class));
            addToDrawer(me);
        }
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
