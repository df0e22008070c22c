package org.educommons.ui.workplan;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.StreamResource;

import org.educommons.platform.api.Page;
import org.educommons.platform.problem.ProblemException;
import org.educommons.tenancy.CommunityDirectory;
import org.educommons.tenancy.CommunitySlug;
import org.educommons.tenancy.TenantContext;
import org.educommons.ui.MainLayout;
import org.educommons.ui.Routes;
import org.educommons.workplan.CombinedPlanWorkbook;
import org.educommons.workplan.ItemStatus;
import org.educommons.workplan.PlanCategory;
import org.educommons.workplan.PlanTable;
import org.educommons.workplan.WorkPlans;

/**
 * The community's combined plan table (共同体工作计划表) for a year, for its members: filters by member,
 * category, month and status (the API's, kept in the address), rows read from the database a page at
 * a time as the grid scrolls, whatever the size of the community, and the spreadsheet of exactly what
 * is shown, streamed.
 */
@Route(value = "communities/:community/plans/:year", layout = MainLayout.class)
public class CombinedPlanView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    /** Rows the grid asks for at a time. */
    private static final int PAGE = 100;

    private final WorkPlans plans;
    private final CommunityDirectory directory;
    private final TenantContext tenantContext;
    private String title = "";
    private CommunitySlug community;
    private int year;

    private final ComboBox<CommunityDirectory.Member> member = new ComboBox<>();
    private final Select<PlanCategory> category = new Select<>();
    private final Select<Integer> month = new Select<>();
    private final Select<ItemStatus> status = new Select<>();
    private final Span count = new Span();
    private final Anchor download = new Anchor();
    private final Grid<PlanTable.Row> grid = new Grid<>();

    @Inject
    public CombinedPlanView(WorkPlans plans, CommunityDirectory directory, TenantContext tenantContext) {
        this.plans = plans;
        this.directory = directory;
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
        String slug = event.getRouteParameters().get("community").orElse("");
        year = Routes.year(event, "work-plan", slug);
        if (!CommunitySlug.isValid(slug)) {
            throw ProblemException.notFound("community", slug);
        }
        community = new CommunitySlug(slug);
        // the table's first count is its gate: members only (403, shown by ErrorView, before any row is read)
        build(directory.community(community), event.getLocation().getQueryParameters());
    }

    private void build(CommunityDirectory.CommunityDetails details, QueryParameters query) {
        removeAll();
        title = getTranslation("plan.view.title", details.name().in(getLocale()), String.valueOf(year));
        H2 heading = new H2(title);
        heading.setId("plan-title");
        count.setId("plan-count");
        download.setId("plan-download");
        download.setText(getTranslation("plan.view.download"));
        download.getElement().setAttribute("download", true);

        member.setId("plan-filter-member");
        member.setLabel(getTranslation("plan.xlsx.member"));
        member.setItems(details.members());
        member.setItemLabelGenerator(m -> m.name().in(getLocale()));
        member.setClearButtonVisible(true);
        category.setId("plan-filter-category");
        category.setLabel(getTranslation("plan.xlsx.category"));
        category.setItems(PlanCategory.values());
        category.setItemLabelGenerator(c -> c == null ? getTranslation("plan.filter.any") : getTranslation("plan.category." + c));
        category.setEmptySelectionAllowed(true);
        category.setEmptySelectionCaption(getTranslation("plan.filter.any"));
        month.setId("plan-filter-month");
        month.setLabel(getTranslation("plan.filter.month"));
        month.setItems(IntStream.rangeClosed(1, 12).boxed().toList());
        month.setItemLabelGenerator(m -> m == null ? getTranslation("plan.filter.any") : getTranslation("plan.period.month", m));
        month.setEmptySelectionAllowed(true);
        month.setEmptySelectionCaption(getTranslation("plan.filter.any"));
        status.setId("plan-filter-status");
        status.setLabel(getTranslation("plan.xlsx.status"));
        status.setItems(ItemStatus.values());
        status.setItemLabelGenerator(s -> s == null ? getTranslation("plan.filter.any") : getTranslation("plan.status." + s));
        status.setEmptySelectionAllowed(true);
        status.setEmptySelectionCaption(getTranslation("plan.filter.any"));
        Button clear = new Button(getTranslation("plan.filter.clear"), e -> {
            member.clear();
            category.clear();
            month.clear();
            status.clear();
        });
        clear.setId("plan-filter-clear");
        clear.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        FlexLayout filters = new FlexLayout(member, category, month, status, clear);
        filters.setId("plan-filters");
        filters.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.getStyle().set("gap", "var(--lumo-space-s) var(--lumo-space-m)");

        // the address names the filters, so that a filtered table can be shared and reloaded
        first(query, "member").flatMap(slug -> details.members().stream().filter(m -> m.tenant().equals(slug)).findFirst())
                .ifPresent(member::setValue);
        first(query, "category").flatMap(c -> parse(PlanCategory.class, c)).ifPresent(category::setValue);
        first(query, "month").flatMap(CombinedPlanView::monthOf).ifPresent(month::setValue);
        first(query, "status").flatMap(s -> parse(ItemStatus.class, s)).ifPresent(status::setValue);
        member.addValueChangeListener(e -> refresh(true));
        category.addValueChangeListener(e -> refresh(true));
        month.addValueChangeListener(e -> refresh(true));
        status.addValueChangeListener(e -> refresh(true));

        grid.setId("plan-items");
        grid.removeAllColumns();
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);
        grid.setHeight("70vh");
        grid.addColumn(r -> r.memberName().in(getLocale())).setHeader(getTranslation("plan.xlsx.member")).setFlexGrow(2);
        grid.addColumn(r -> r.item().title()).setHeader(getTranslation("plan.xlsx.title")).setFlexGrow(4);
        grid.addColumn(r -> getTranslation("plan.category." + r.item().category())).setHeader(getTranslation("plan.xlsx.category"));
        grid.addColumn(r -> CombinedPlanWorkbook.period(r.item(), getLocale())).setHeader(getTranslation("plan.xlsx.period"));
        grid.addColumn(r -> r.coOrganiserNames().stream().map(n -> n.in(getLocale()))
                        .collect(Collectors.joining(getTranslation("text.list-separator"))))
                .setHeader(getTranslation("plan.xlsx.co-organisers")).setFlexGrow(2);
        grid.addColumn(r -> getTranslation("plan.status." + r.item().status())).setHeader(getTranslation("plan.xlsx.status"));

        add(heading, filters, count, download, grid);
        refresh(false);
    }

    /** Shows the table as the filters now say: its count, its rows from the first, its spreadsheet. */
    private void refresh(boolean remember) {
        PlanTable.Filter filter = filter();
        PlanTable.Count total = plans.tableCount(community, year, filter);
        count.setText(getTranslation("plan.view.count", total.items(), total.members()));
        CursorPages<PlanTable.Row> pages = new CursorPages<>(
                (cursor, limit) -> plans.table(community, year, filter, cursor, limit), PlanTable.EXPORT_PAGE);
        grid.setItems(query -> pages.rows(query.getOffset(), query.getLimit()).stream(), query -> total.items());
        grid.setPageSize(PAGE);
        Locale locale = getLocale();
        CommunitySlug slug = community;
        int shownYear = year;
        download.setHref(new StreamResource(slug.value() + "-" + year + ".xlsx", (out, session) -> {
            // streamed a page at a time, as the API's export: constant memory whatever the size
            Page<PlanTable.Row> first = plans.table(slug, shownYear, filter, null, PlanTable.EXPORT_PAGE);
            CombinedPlanWorkbook.write(shownYear, locale,
                    PlanTable.rows(first, cursor -> plans.table(slug, shownYear, filter, cursor, PlanTable.EXPORT_PAGE)), out);
        }));
        if (remember) {
            getUI().ifPresent(ui -> ui.getPage().getHistory().replaceState(null,
                    new Location(path(community.value(), year), QueryParameters.simple(queryOf(filter)))));
        }
    }

    private PlanTable.Filter filter() {
        return new PlanTable.Filter(category.getValue(), month.getValue(),
                member.getValue() == null ? null : member.getValue().tenant(), status.getValue());
    }

    private static java.util.Map<String, String> queryOf(PlanTable.Filter filter) {
        java.util.Map<String, String> query = new java.util.LinkedHashMap<>();
        if (filter.member() != null) {
            query.put("member", filter.member());
        }
        if (filter.category() != null) {
            query.put("category", filter.category().name());
        }
        if (filter.month() != null) {
            query.put("month", String.valueOf(filter.month()));
        }
        if (filter.status() != null) {
            query.put("status", filter.status().name());
        }
        return query;
    }

    private static java.util.Optional<String> first(QueryParameters query, String name) {
        return query.getParameters().getOrDefault(name, List.of()).stream().findFirst();
    }

    private static <E extends Enum<E>> java.util.Optional<E> parse(Class<E> type, String value) {
        return Arrays.stream(type.getEnumConstants()).filter(c -> c.name().equals(value)).findFirst();
    }

    private static java.util.Optional<Integer> monthOf(String value) {
        try {
            int m = Integer.parseInt(value);
            return m >= 1 && m <= 12 ? java.util.Optional.of(m) : java.util.Optional.empty();
        } catch (NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
