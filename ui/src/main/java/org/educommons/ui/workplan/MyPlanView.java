package org.educommons.ui.workplan;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;

import org.educommons.platform.api.IfMatch;
import org.educommons.identity.Role;
import org.educommons.platform.api.Page;
import org.educommons.platform.api.Requests;
import org.educommons.tenancy.CommunityDirectory;
import org.educommons.tenancy.CommunitySlug;
import org.educommons.tenancy.TenantContext;
import org.educommons.ui.MainLayout;
import org.educommons.ui.Prompts;
import org.educommons.ui.Routes;
import org.educommons.workplan.ItemStatus;
import org.educommons.workplan.PlanItemDetails;
import org.educommons.workplan.WorkPlans;

/**
 * A member's own annual work plan (本单位年度工作计划), as its administrator keeps it: items are
 * added as drafts, published to the community, moved through the year with progress notes, and the
 * plan is closed with its year-end summary. Every rule is the service's.
 */
@Route(value = "communities/:community/plans/:year/mine", layout = MainLayout.class)
public class MyPlanView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final WorkPlans plans;
    private final CommunityDirectory directory;
    private final TenantContext tenantContext;
    private CommunitySlug community;
    private int year;
    private Map<String, String> names = Map.of();
    private String title = "";

    @Inject
    public MyPlanView(WorkPlans plans, CommunityDirectory directory, TenantContext tenantContext) {
        this.plans = plans;
        this.directory = directory;
        this.tenantContext = tenantContext;
    }

    /** The address of the caller's own plan of {@code community} for {@code year}. */
    public static RouteParameters parameters(String community, int year) {
        return new RouteParameters(Map.of("community", community, "year", String.valueOf(year)));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (Routes.signInFirst(event, tenantContext)) {
            return;
        }
        community = Requests.community(event.getRouteParameters().get("community").orElse(""));
        year = Routes.year(event, "work-plan", community.value());
        render();
    }

    private void render() {
        CommunityDirectory.CommunityDetails details = directory.community(community);
        names = details.members().stream().collect(Collectors.toMap(CommunityDirectory.Member::tenant,
                m -> m.name().in(getLocale()), (a, b) -> a, java.util.LinkedHashMap::new));
        String ours = directory.slugOf(tenantContext.requireCaller().tenantId()).value();
        List<PlanItemDetails> items = plans.myItems(community, year, false, null, Page.MAX_LIMIT).items();
        WorkPlans.MyPlan plan = plans.myPlan(community, year);
        boolean admin = tenantContext.requireCaller().has(Role.TENANT_ADMIN);
        removeAll();
        title = getTranslation("myplan.title", names.getOrDefault(ours, ours), String.valueOf(year));
        H2 heading = new H2(title);
        heading.setId("my-plan-title");
        RouterLink combined = new RouterLink(getTranslation("myplan.combined-link", String.valueOf(year)), CombinedPlanView.class,
                new RouteParameters(Map.of("community", community.value(), "year", String.valueOf(year))));
        combined.setId("combined-link");
        add(heading, combined);
        long drafts = items.stream().filter(i -> !i.published()).count();
        Span count = new Span(getTranslation("myplan.count", items.size(), drafts));
        count.setId("my-plan-count");
        add(count);
        if (plan.closed()) {
            Span closed = new Span(getTranslation("myplan.closed"));
            closed.getElement().getThemeList().add("badge contrast");
            Paragraph summary = new Paragraph(plan.summary());
            summary.setId("plan-summary");
            summary.getStyle().set("white-space", "pre-line");
            add(closed, summary);
        } else if (admin) {
            Button add = new Button(getTranslation("myplan.add"), e -> itemDialog(null));
            add.setId("add-item");
            add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            Button publish = new Button(getTranslation("myplan.publish", drafts), e -> {
                int published = plans.publish(community, year);
                done(getTranslation("myplan.published", published));
            });
            publish.setId("publish-plan");
            publish.setEnabled(drafts > 0);
            // the year-end summary (年度总结) closes the plan; remaining drafts are published with it
            Button close = new Button(getTranslation("myplan.close"), e -> Prompts.askText(getTranslation("myplan.close"),
                    getTranslation("myplan.close-hint"), getTranslation("myplan.summary"), getTranslation("myplan.close"), summary -> {
                        plans.close(community, year, summary);
                        done(getTranslation("myplan.closed"));
                    }));
            close.setId("close-plan");
            close.setEnabled(!items.isEmpty());
            close.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            HorizontalLayout actions = new HorizontalLayout(add, publish, close);
            actions.getStyle().set("flex-wrap", "wrap");
            add(actions);
        }
        if (items.isEmpty()) {
            add(new Paragraph(getTranslation("myplan.empty")));
        } else {
            add(table(items, admin && !plan.closed()));
        }
    }

    private Grid<PlanItemDetails> table(List<PlanItemDetails> items, boolean editable) {
        Grid<PlanItemDetails> grid = new Grid<>();
        grid.setId("my-items");
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);
        grid.setAllRowsVisible(true);
        grid.addColumn(PlanItemDetails::position).setHeader(getTranslation("plan.xlsx.number")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(PlanItemDetails::title).setHeader(getTranslation("plan.xlsx.title")).setFlexGrow(4);
        grid.addColumn(i -> getTranslation("plan.category." + i.category())).setHeader(getTranslation("plan.xlsx.category"));
        grid.addColumn(i -> org.educommons.workplan.CombinedPlanWorkbook.period(i, getLocale()))
                .setHeader(getTranslation("plan.xlsx.period"));
        grid.addColumn(i -> i.coOrganisers().stream().map(s -> names.getOrDefault(s, s)).collect(Collectors.joining(getTranslation("text.list-separator"))))
                .setHeader(getTranslation("plan.xlsx.co-organisers")).setFlexGrow(2);
        grid.addComponentColumn(i -> {
            Span status = new Span(getTranslation("plan.status." + i.status()));
            status.getElement().getThemeList().add(i.status() == ItemStatus.DONE ? "badge success"
                    : i.status() == ItemStatus.CANCELLED ? "badge error" : "badge");
            Span published = new Span(getTranslation(i.published() ? "myplan.published-badge" : "myplan.draft-badge"));
            published.getElement().getThemeList().add(i.published() ? "badge success" : "badge contrast");
            published.addClassName(i.published() ? "item-published" : "item-draft");
            return new HorizontalLayout(status, published);
        }).setHeader(getTranslation("plan.xlsx.status")).setAutoWidth(true).setFlexGrow(0);
        if (editable) {
            grid.addComponentColumn(i -> {
                Button edit = new Button(getTranslation("myplan.edit"), e -> itemDialog(i));
                edit.addClassName("edit-item");
                edit.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
                return edit;
            }).setAutoWidth(true).setFlexGrow(0);
        }
        grid.setItems(items);
        return grid;
    }

    /** Adds an item ({@code item} null) or changes one, with its status and a progress note once it is under way. */
    private void itemDialog(PlanItemDetails item) {
        Dialog dialog = new Dialog(getTranslation(item == null ? "myplan.add" : "myplan.edit"));
        dialog.setId("item-dialog");
        PlanItemForm form = new PlanItemForm(item, names, directory.slugOf(tenantContext.requireCaller().tenantId()).value());
        form.addSaveListener(e -> {
            if (item == null) {
                plans.addItem(community, year, e.getSource().input());
            } else {
                plans.editItem(item.id(), IfMatch.version(item.version()), e.getSource().edit());
            }
            dialog.close();
            done(getTranslation("myplan.saved"));
        });
        form.addCancelListener(e -> dialog.close());
        dialog.add(form);
        dialog.open();
    }

    private void done(String message) {
        Prompts.success(message);
        render();
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
