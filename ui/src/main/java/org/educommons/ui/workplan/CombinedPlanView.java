package org.educommons.ui.workplan;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.StreamResource;

import org.educommons.platform.problem.ProblemException;
import org.educommons.tenancy.CommunitySlug;
import org.educommons.tenancy.TenantContext;
import org.educommons.ui.MainLayout;
import org.educommons.ui.Routes;
import org.educommons.workplan.CombinedPlan;
import org.educommons.workplan.CombinedPlanWorkbook;
import org.educommons.workplan.PlanItemDetails;
import org.educommons.workplan.WorkPlans;

/** The community's combined plan table (共同体工作计划表) for a year, for its members, with the spreadsheet. */
@Route(value = "communities/:community/plans/:year", layout = MainLayout.class)
public class CombinedPlanView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final WorkPlans plans;
    private final TenantContext tenantContext;
    private String title = "";

    /** One row of the table: the member's name shows on its first item only. */
    record Row(String member, PlanItemDetails item) {
    }

    @Inject
    public CombinedPlanView(WorkPlans plans, TenantContext tenantContext) {
        this.plans = plans;
        this.tenantContext = tenantContext;
    }

    /** The address of the table of {@code community} for {@code year}. */
    public static String path(String community, int year) {
        return "communities/" + community + "/plans/" + year;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (Routes.signInFirst(event, tenantContext)) {
            return;
        }
        String community = event.getRouteParameters().get("community").orElse("");
        int year;
        try {
            year = Integer.parseInt(event.getRouteParameters().get("year").orElse(""));
        } catch (NumberFormatException e) {
            throw ProblemException.notFound("work-plan", community);
        }
        if (!CommunitySlug.isValid(community)) {
            throw ProblemException.notFound("community", community);
        }
        show(plans.combined(new CommunitySlug(community), year, org.educommons.workplan.PlanTable.Filter.NONE));
    }

    private void show(CombinedPlan plan) {
        removeAll();
        title = getTranslation("plan.view.title", plan.name().in(getLocale()), String.valueOf(plan.year()));
        H2 heading = new H2(title);
        heading.setId("plan-title");
        Span count = new Span(getTranslation("plan.view.count", plan.itemCount(),
                plan.members().stream().filter(m -> !m.items().isEmpty()).count()));
        count.setId("plan-count");
        Anchor download = new Anchor(new StreamResource(plan.community() + "-" + plan.year() + ".xlsx", () -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try {
                CombinedPlanWorkbook.write(plan, getLocale(), out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new java.io.ByteArrayInputStream(out.toByteArray());
        }), getTranslation("plan.view.download"));
        download.setId("plan-download");
        download.getElement().setAttribute("download", true);
        add(heading, count, download, table(plan));
    }

    private Grid<Row> table(CombinedPlan plan) {
        Map<String, String> names = plan.members().stream()
                .collect(Collectors.toMap(CombinedPlan.MemberPlan::tenant, m -> m.name().in(getLocale())));
        List<Row> rows = new ArrayList<>();
        for (CombinedPlan.MemberPlan member : plan.members()) {
            for (int i = 0; i < member.items().size(); i++) {
                rows.add(new Row(i == 0 ? member.name().in(getLocale()) : "", member.items().get(i)));
            }
        }
        Grid<Row> grid = new Grid<>();
        grid.setId("plan-items");
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);
        grid.setAllRowsVisible(true);
        grid.addColumn(Row::member).setHeader(getTranslation("plan.xlsx.member")).setFlexGrow(2);
        grid.addColumn(r -> r.item().title()).setHeader(getTranslation("plan.xlsx.title")).setFlexGrow(4);
        grid.addColumn(r -> getTranslation("plan.category." + r.item().category())).setHeader(getTranslation("plan.xlsx.category"));
        grid.addColumn(r -> CombinedPlanWorkbook.period(r.item(), getLocale())).setHeader(getTranslation("plan.xlsx.period"));
        grid.addColumn(r -> r.item().coOrganisers().stream().map(s -> names.getOrDefault(s, s)).collect(Collectors.joining(getTranslation("text.list-separator"))))
                .setHeader(getTranslation("plan.xlsx.co-organisers")).setFlexGrow(2);
        grid.addColumn(r -> getTranslation("plan.status." + r.item().status())).setHeader(getTranslation("plan.xlsx.status"));
        grid.setItems(rows);
        return grid;
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
