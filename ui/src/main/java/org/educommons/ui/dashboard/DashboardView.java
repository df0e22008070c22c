package org.educommons.ui.dashboard;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;

import org.educommons.activity.ActivityType;
import org.educommons.dashboard.CommunityDashboard;
import org.educommons.dashboard.DashboardDetails;
import org.educommons.platform.api.Requests;
import org.educommons.tenancy.TenantContext;
import org.educommons.ui.MainLayout;
import org.educommons.ui.Routes;
import org.educommons.workplan.ItemStatus;

/**
 * A community's dashboard for a year (数据看板): published plan items per member by status, this year and
 * the last; joint activities by month and type; members joined over the years. Each chart has its
 * numbers one click away.
 */
@Route(value = "communities/:community/dashboard/:year", layout = MainLayout.class)
public class DashboardView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    /** Lumo's palette, one colour per status or type, in a fixed order. */
    private static final List<String> COLORS = List.of("var(--lumo-primary-color)", "var(--lumo-success-color)",
            "#e8a33d", "var(--lumo-error-color)", "#7c5cc4", "#2aa1a1", "var(--lumo-contrast-50pct)");

    private final CommunityDashboard dashboard;
    private final TenantContext tenantContext;
    private String title = "";

    @Inject
    public DashboardView(CommunityDashboard dashboard, TenantContext tenantContext) {
        this.dashboard = dashboard;
        this.tenantContext = tenantContext;
        setMaxWidth("60em");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (Routes.signInFirst(event, tenantContext)) {
            return;
        }
        String community = event.getRouteParameters().get("community").orElse("");
        render(dashboard.of(Requests.community(community), Routes.year(event, "community", community)));
    }

    private void render(DashboardDetails d) {
        removeAll();
        title = getTranslation("dashboard.title", d.name().in(getLocale()), String.valueOf(d.year()));
        H2 heading = new H2(title);
        heading.setId("dashboard-title");
        Paragraph note = new Paragraph(getTranslation("dashboard.note"));
        note.addClassName("ec-secondary");
        add(heading, note,
                plans("chart-plans", getTranslation("dashboard.plans", String.valueOf(d.year())), d.plans()),
                plans("chart-plans-last-year", getTranslation("dashboard.plans", String.valueOf(d.year() - 1)), d.lastYearPlans()),
                activities(d),
                joined(d));
    }

    private BarChart plans(String id, String chartTitle, List<DashboardDetails.MemberPlan> plans) {
        List<BarChart.Series> series = new ArrayList<>();
        ItemStatus[] statuses = ItemStatus.values();
        for (int i = 0; i < statuses.length; i++) {
            series.add(new BarChart.Series(statuses[i].name(), getTranslation("plan.status." + statuses[i]), COLORS.get(i)));
        }
        List<BarChart.Bar> bars = plans.stream().map(p -> new BarChart.Bar(p.member(), p.name().in(getLocale()),
                Arrays.stream(statuses).map(s -> p.items().getOrDefault(s, 0)).toList())).toList();
        return new BarChart(id, chartTitle, series, bars, getTranslation("dashboard.numbers"),
                getTranslation("plan.xlsx.member"), getTranslation("dashboard.total"));
    }

    private BarChart activities(DashboardDetails d) {
        ActivityType[] types = ActivityType.values();
        List<BarChart.Series> series = new ArrayList<>();
        for (int i = 0; i < types.length; i++) {
            series.add(new BarChart.Series(types[i].name(), getTranslation("activity.type." + types[i]), COLORS.get(i % COLORS.size())));
        }
        List<BarChart.Bar> bars = IntStream.rangeClosed(1, 12).mapToObj(month -> new BarChart.Bar(String.valueOf(month),
                getTranslation("plan.period.month", month), Arrays.stream(types).map(type -> d.activities().stream()
                        .filter(a -> a.month() == month && a.type() == type)
                        .mapToInt(DashboardDetails.ActivityCount::count).sum()).toList())).toList();
        return new BarChart("chart-activities", getTranslation("dashboard.activities", String.valueOf(d.year())), series, bars,
                getTranslation("dashboard.numbers"), getTranslation("plan.filter.month"), getTranslation("dashboard.total"));
    }

    private BarChart joined(DashboardDetails d) {
        List<BarChart.Series> series = List.of(
                new BarChart.Series("before", getTranslation("dashboard.joined.before"), COLORS.get(6)),
                new BarChart.Series("joined", getTranslation("dashboard.joined.that-year"), COLORS.get(0)));
        List<BarChart.Bar> bars = d.joined().stream().map(j -> new BarChart.Bar(String.valueOf(j.year()),
                getTranslation("dashboard.joined.year", String.valueOf(j.year())),
                List.of(j.members() - j.joined(), j.joined()))).toList();
        return new BarChart("chart-joined", getTranslation("dashboard.joined"), series, bars, getTranslation("dashboard.numbers"),
                getTranslation("dashboard.joined.year-header"), getTranslation("dashboard.joined.members"));
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
