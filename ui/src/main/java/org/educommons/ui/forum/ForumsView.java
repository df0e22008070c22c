package org.educommons.ui.forum;

import java.util.List;
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

import org.educommons.forum.ForumDetails;
import org.educommons.forum.ForumHosting;
import org.educommons.identity.Role;
import org.educommons.platform.api.Page;
import org.educommons.platform.api.Requests;
import org.educommons.platform.i18n.BeijingTime;
import org.educommons.tenancy.CommunityDirectory;
import org.educommons.tenancy.CommunitySlug;
import org.educommons.tenancy.TenantContext;
import org.educommons.ui.MainLayout;
import org.educommons.ui.Prompts;
import org.educommons.ui.Routes;

/** The forums of a community, newest plans first, for its members: when, where, seats left. */
@Route(value = "communities/:community/forums", layout = MainLayout.class)
public class ForumsView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final ForumHosting hosting;
    private final CommunityDirectory directory;
    private final TenantContext tenantContext;
    private String title = "";

    @Inject
    public ForumsView(ForumHosting hosting, CommunityDirectory directory, TenantContext tenantContext) {
        this.hosting = hosting;
        this.directory = directory;
        this.tenantContext = tenantContext;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (Routes.signInFirst(event, tenantContext)) {
            return;
        }
        CommunitySlug community = Requests.community(event.getRouteParameters().get("community").orElse(""));
        Page<ForumDetails> page = hosting.forums(community, null, Page.MAX_LIMIT);
        CommunityDirectory.CommunityDetails details = directory.community(community);
        Map<String, String> names = details.members().stream()
                .collect(Collectors.toMap(CommunityDirectory.Member::tenant, m -> m.name().in(getLocale())));
        removeAll();
        title = getTranslation("forum.list.title", details.name().in(getLocale()));
        H2 heading = new H2(title);
        heading.setId("forums-title");
        add(heading);
        if (tenantContext.requireCaller().has(Role.TENANT_ADMIN)) {
            Button host = new Button(getTranslation("forum.host-new"), e -> hostForm(community));
            host.setId("host-forum");
            host.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            add(host);
        }
        if (page.items().isEmpty()) {
            add(new Paragraph(getTranslation("forum.list.empty")));
        }
        page.items().stream()
                .sorted((a, b) -> b.startsAt().compareTo(a.startsAt()))
                .forEach(f -> add(card(f, names.getOrDefault(f.host(), f.host()))));
    }

    private Div card(ForumDetails f, String host) {
        RouterLink link = new RouterLink(f.title(), ForumView.class, new RouteParameters("id", String.valueOf(f.id())));
        link.addClassName("forum-link");
        link.addClassName("ec-card-title");
        Span seats = new Span(f.seatsLeft() > 0 ? getTranslation("forum.seats-left", f.seatsLeft(), f.capacity())
                : getTranslation("forum.full"));
        seats.getElement().getThemeList().add(f.seatsLeft() > 0 ? "badge success" : "badge error");
        Span window = new Span(f.registrationOpen()
                ? getTranslation("forum.registration-open", BeijingTime.minutes(f.registrationClosesAt()))
                : getTranslation("forum.registration-closed"));
        window.getElement().getThemeList().add(f.registrationOpen() ? "badge" : "badge contrast");
        Div card = new Div(link, line(getTranslation("forum.host", host)),
                line(getTranslation("forum.when", BeijingTime.minutes(f.startsAt()), BeijingTime.minutes(f.endsAt()))),
                line(getTranslation("forum.venue", f.venue())), new Div(seats, new Span(" "), window));
        card.addClassName("forum-card");
        card.addClassName("ec-card");
        return card;
    }

    /** The form a member's administrator hosts a forum with; the service checks every field. */
    private void hostForm(CommunitySlug community) {
        Dialog dialog = new Dialog(getTranslation("forum.host-new"));
        dialog.setId("host-dialog");
        ForumForm form = new ForumForm(ForumForm.Mode.HOST, ForumForm.Draft.forNewForum());
        form.addSaveListener(e -> {
            ForumDetails hosted = hosting.host(community, e.getSource().input());
            dialog.close();
            Prompts.success(getTranslation("forum.hosted"));
            getUI().ifPresent(ui -> ui.navigate(ForumView.class, new RouteParameters("id", String.valueOf(hosted.id()))));
        });
        form.addCancelListener(e -> dialog.close());
        dialog.add(form);
        dialog.open();
    }

    private static Div line(String text) {
        return new Div(new Span(text));
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
