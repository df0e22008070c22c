package org.educommons.ui.identity;

import java.util.List;

import jakarta.inject.Inject;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinServletRequest;

import org.eclipse.microprofile.config.ConfigProvider;
import org.educommons.identity.AccessTokens;
import org.educommons.identity.AccountPrincipal;
import org.educommons.platform.i18n.BeijingTime;
import org.educommons.tenancy.CommunityDirectory;
import org.educommons.tenancy.TenantContext;
import org.educommons.ui.MainLayout;
import org.educommons.ui.Routes;

/**
 * The signed-in person's calendar links (日历订阅): a new link for each community calendar, shown
 * once, and the links made before, each of which can be revoked. A link opens the calendar feeds and
 * nothing else; revoking one stops every calendar app that uses it at once.
 */
@Route(value = "me/calendar-links", layout = MainLayout.class)
public class CalendarLinksView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final AccessTokens tokens;
    private final TenantContext tenantContext;
    private final CommunityDirectory directory;
    private final VerticalLayout created = new VerticalLayout();
    private final VerticalLayout list = new VerticalLayout();

    @Inject
    public CalendarLinksView(AccessTokens tokens, TenantContext tenantContext, CommunityDirectory directory) {
        this.tokens = tokens;
        this.tenantContext = tenantContext;
        this.directory = directory;
        setMaxWidth("50em");
        created.setId("new-calendar-links");
        created.setPadding(false);
        list.setId("calendar-links");
        list.setPadding(false);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (Routes.signInFirst(event, tenantContext)) {
            return;
        }
        removeAll();
        Button create = new Button(getTranslation("calendar-links.create"), e -> create());
        create.setId("create-calendar-link");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new H2(getPageTitle()), new Paragraph(getTranslation("calendar-links.explain")), create, created,
                new H3(getTranslation("calendar-links.existing")), list);
        showExisting();
    }

    /** A new token: its feed addresses are shown now and never again (only a digest is stored). */
    private void create() {
        AccountPrincipal caller = tenantContext.requireCaller();
        String token = tokens.issueCalendarToken(caller).accessToken();
        created.removeAll();
        Paragraph once = new Paragraph(getTranslation("calendar-links.shown-once"));
        once.getStyle().set("color", "var(--lumo-error-text-color)");
        created.add(once);
        List<CommunityDirectory.TenantDetails.CommunityMembership> communities =
                directory.tenant(directory.slugOf(caller.tenantId())).communities();
        if (communities.isEmpty()) {
            created.add(new Paragraph(getTranslation("calendar-links.no-community")));
        }
        for (var community : communities) {
            TextField link = new TextField(community.name().in(getLocale()));
            link.setValue(base() + "api/v1/communities/" + community.community() + "/calendar.ics?token=" + token);
            link.setReadOnly(true);
            link.setWidthFull();
            link.addClassName("calendar-link");
            link.addFocusListener(e -> link.getElement().executeJs("this.inputElement.select()"));
            created.add(link);
        }
        showExisting();
    }

    private void showExisting() {
        list.removeAll();
        List<AccessTokens.CalendarToken> live = tokens.calendarTokens(tenantContext.requireCaller());
        if (live.isEmpty()) {
            list.add(new Paragraph(getTranslation("calendar-links.none")));
        }
        for (AccessTokens.CalendarToken t : live) {
            Span what = new Span(getTranslation("calendar-links.item", BeijingTime.minutes(t.createdAt()),
                    BeijingTime.minutes(t.expiresAt())));
            Button revoke = new Button(getTranslation("calendar-links.revoke"), e -> confirmRevoke(t));
            revoke.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            revoke.addClassName("revoke-calendar-link");
            Div row = new Div(what, revoke);
            row.addClassName("calendar-token");
            row.getElement().setAttribute("data-token-id", String.valueOf(t.id()));
            row.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("align-items", "center")
                    .set("gap", "var(--lumo-space-s)").set("border-bottom", "1px solid var(--lumo-contrast-10pct)")
                    .set("width", "100%");
            list.add(row);
        }
    }

    private void confirmRevoke(AccessTokens.CalendarToken token) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("calendar-links.revoke"));
        dialog.add(new Paragraph(getTranslation("calendar-links.revoke-confirm")));
        Button yes = new Button(getTranslation("calendar-links.revoke"), e -> {
            tokens.revokeCalendarToken(tenantContext.requireCaller(), token.id());
            dialog.close();
            created.removeAll();
            showExisting();
        });
        yes.setId("confirm-revoke");
        yes.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        Button keep = new Button(getTranslation("calendar-links.keep"), e -> dialog.close());
        dialog.getFooter().add(keep, yes);
        dialog.open();
    }

    /**
     * Where calendar apps reach this server: the configured public address, else the address this
     * browser used.
     */
    private static String base() {
        return ConfigProvider.getConfig().getOptionalValue("educommons.public-url", String.class)
                .map(url -> url.endsWith("/") ? url : url + "/")
                .orElseGet(() -> {
                    var request = VaadinServletRequest.getCurrent().getHttpServletRequest();
                    String url = request.getRequestURL().toString();
                    int path = url.indexOf('/', url.indexOf("//") + 2);
                    return (path < 0 ? url : url.substring(0, path)) + request.getContextPath() + "/";
                });
    }

    @Override
    public String getPageTitle() {
        return getTranslation("calendar-links.title");
    }
}
