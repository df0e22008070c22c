package org.educommons.ui.tenancy;

import java.util.List;

import jakarta.inject.Inject;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Nav;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;

import org.educommons.platform.problem.ProblemException;
import org.educommons.tenancy.CommunityDirectory;
import org.educommons.tenancy.CommunityDirectory.TenantDetails;
import org.educommons.tenancy.TenantSlug;
import org.educommons.ui.MainLayout;
import org.educommons.ui.Section;

/**
 * A tenant's page: where it sits in the tenant tree (the chain of units above it, each a link, and
 * the units below it) and the communities it belongs to. Public, as the directory is.
 */
@Route(value = "tenants", layout = MainLayout.class)
public class TenantView extends VerticalLayout implements HasUrlParameter<String>, HasDynamicTitle {

    private final CommunityDirectory directory;
    private String title = "";

    @Inject
    public TenantView(CommunityDirectory directory) {
        this.directory = directory;
        setPadding(true);
    }

    /** The address of tenant {@code slug}'s page. */
    public static String path(String slug) {
        return "tenants/" + slug;
    }

    @Override
    public void setParameter(BeforeEvent event, String slug) {
        if (!TenantSlug.isValid(slug)) {
            throw ProblemException.notFound("tenant", slug);
        }
        show(directory.tenant(new TenantSlug(slug)));
    }

    private void show(TenantDetails tenant) {
        removeAll();
        title = tenant.name().in(getLocale());
        add(hierarchy(tenant));
        H2 heading = new H2(title);
        heading.setId("tenant-name");
        add(heading);
        Paragraph what = new Paragraph(getTranslation("kind." + tenant.kind().name()) + " · " + tenant.region());
        what.setId("tenant-kind");
        what.addClassName("ec-secondary");
        add(what);
        add(section("tenant-children", getTranslation("tenant.children"),
                tenant.children().stream().map(this::unit).toList(), "tenant.children.none"));
        add(section("tenant-communities", getTranslation("tenant.communities"),
                tenant.communities().stream().map(this::community).toList(), "tenant.communities.none"));
    }

    /** The chain of units above this one, root first, as a breadcrumb; this unit last, not a link. */
    private Nav hierarchy(TenantDetails tenant) {
        OrderedList chain = new OrderedList();
        chain.addClassName("ec-breadcrumb");
        for (TenantDetails.TenantRef up : tenant.ancestors()) {
            RouterLink link = new RouterLink(up.name().in(getLocale()), TenantView.class, up.slug());
            link.getElement().setAttribute("data-tenant", up.slug());
            chain.add(new ListItem(link));
        }
        ListItem here = new ListItem(new Span(tenant.name().in(getLocale())));
        here.getElement().setAttribute("aria-current", "page");
        chain.add(here);
        Nav nav = new Nav(chain);
        nav.setId("tenant-ancestors");
        nav.getElement().setAttribute("aria-label", getTranslation("tenant.hierarchy"));
        return nav;
    }

    private Component unit(TenantDetails.TenantRef child) {
        RouterLink link = new RouterLink(child.name().in(getLocale()), TenantView.class, child.slug());
        link.addClassName("ec-card-title");
        link.getElement().setAttribute("data-tenant", child.slug());
        Span kind = new Span(getTranslation("kind." + child.kind().name()));
        kind.getElement().getThemeList().add("badge");
        kind.addClassName("ec-badge");
        Div card = new Div(link, kind);
        card.addClassName("ec-card");
        card.addClassName("tenant-child");
        return card;
    }

    private Component community(TenantDetails.CommunityMembership m) {
        RouterLink link = new RouterLink(m.name().in(getLocale()), CommunityView.class, m.community());
        link.addClassName("ec-card-title");
        Div card = new Div(link, new Div(new Span(getTranslation("community.role." + m.role().name()) + " · "
                + getTranslation("tenant.joined", String.valueOf(m.joinedYear())))));
        card.addClassName("ec-card");
        card.addClassName("tenant-community");
        return card;
    }

    private Component section(String id, String heading, List<Component> cards, String emptyKey) {
        return Section.of(id, heading, cards, getTranslation(emptyKey));
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
