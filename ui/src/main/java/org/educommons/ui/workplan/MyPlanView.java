package org.educommons.ui.workplan;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
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
import org.educommons.platform.problem.ProblemException;
import org.educommons.tenancy.CommunityDirectory;
import org.educommons.tenancy.CommunitySlug;
import org.educommons.tenancy.TenantContext;
import org.educommons.ui.MainLayout;
import org.educommons.ui.Prompts;
import org.educommons.ui.Routes;
import org.educommons.workplan.ItemStatus;
import org.educommons.workplan.PlanCategory;
import org.educommons.workplan.PlanItemEdit;
import org.educommons.workplan.PlanItemInput;
import org.educommons.workplan.PlanItemView;
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
        String rawYear = event.getRouteParameters().get("year").orElse("");
        try {
            year = Integer.parseInt(rawYear);
        } catch (NumberFormatException e) {
            throw ProblemException.notFound("work-plan", community.value() + "/" + rawYear);
        }
        render();
    }

    private void render() {
        CommunityDirectory.CommunityDetails details = directory.community(community);
        names = details.members().stream().collect(Collectors.toMap(CommunityDirectory.Member::tenant,
                m -> m.name().in(getLocale()), (a, b) -> a, java.util.LinkedHashMap::new));
        String ours = directory.slugOf(tenantContext.requireCaller().tenantId()).value();
        List<PlanItemView> items = plans.myItems(community, year, false, null, Page.MAX_LIMIT).items();
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

    private Grid<PlanItemView> table(List<PlanItemView> items, boolean editable) {
        Grid<PlanItemView> grid = new Grid<>();
        grid.setId("my-items");
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);
        grid.setAllRowsVisible(true);
        grid.addColumn(PlanItemView::position).setHeader(getTranslation("plan.xlsx.number")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(PlanItemView::title).setHeader(getTranslation("plan.xlsx.title")).setFlexGrow(4);
        grid.addColumn(i -> getTranslation("plan.category." + i.category())).setHeader(getTranslation("plan.xlsx.category"));
        grid.addColumn(i -> org.educommons.workplan.CombinedPlanWorkbook.period(i, getLocale()))
                .setHeader(getTranslation("plan.xlsx.period"));
        grid.addColumn(i -> i.coOrganisers().stream().map(s -> names.getOrDefault(s, s)).collect(Collectors.joining("、")))
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
    private void itemDialog(PlanItemView item) {
        Dialog dialog = new Dialog(getTranslation(item == null ? "myplan.add" : "myplan.edit"));
        dialog.setId("item-dialog");
        TextField itemTitle = new TextField(getTranslation("plan.xlsx.title"));
        itemTitle.setId("item-title");
        Select<PlanCategory> category = new Select<>();
        category.setLabel(getTranslation("plan.xlsx.category"));
        category.setId("item-category");
        category.setItems(PlanCategory.values());
        category.setItemLabelGenerator(c -> getTranslation("plan.category." + c.name()));
        Select<Integer> from = monthSelect("myplan.start-month", "item-start-month");
        Select<Integer> to = monthSelect("myplan.end-month", "item-end-month");
        TextField lead = new TextField(getTranslation("plan.xlsx.lead-unit"));
        lead.setId("item-lead-unit");
        MultiSelectComboBox<String> coOrganisers = new MultiSelectComboBox<>(getTranslation("plan.xlsx.co-organisers"));
        coOrganisers.setId("item-co-organisers");
        String ours = directory.slugOf(tenantContext.requireCaller().tenantId()).value();
        coOrganisers.setItems(names.keySet().stream().filter(s -> !s.equals(ours)).toList());
        coOrganisers.setItemLabelGenerator(s -> names.getOrDefault(s, s));
        TextField participants = new TextField(getTranslation("plan.xlsx.participants"));
        participants.setId("item-participants");
        TextArea description = new TextArea(getTranslation("plan.xlsx.description"));
        description.setId("item-description");
        FormLayout form = new FormLayout(itemTitle, category, from, to, lead, coOrganisers, participants, description);
        form.setColspan(itemTitle, 2);
        form.setColspan(description, 2);
        Select<ItemStatus> status = new Select<>();
        TextArea note = new TextArea(getTranslation("myplan.note"));
        if (item != null) {
            itemTitle.setValue(item.title());
            category.setValue(item.category());
            from.setValue(item.startMonth());
            to.setValue(item.endMonth());
            lead.setValue(item.leadUnit() == null ? "" : item.leadUnit());
            coOrganisers.setValue(Set.copyOf(item.coOrganisers()));
            participants.setValue(item.targetParticipants() == null ? "" : item.targetParticipants());
            description.setValue(item.description() == null ? "" : item.description());
            status.setLabel(getTranslation("plan.xlsx.status"));
            status.setId("item-status");
            status.setItems(ItemStatus.values());
            status.setItemLabelGenerator(s -> getTranslation("plan.status." + s.name()));
            status.setValue(item.status());
            note.setId("item-note");
            note.setHelperText(getTranslation("myplan.note-hint"));
            form.add(status, note);
            form.setColspan(note, 2);
        }
        dialog.add(form);
        Button save = new Button(getTranslation("myplan.save"), e -> {
            // members in roster order, as everywhere else
            List<String> chosen = names.keySet().stream().filter(coOrganisers.getValue()::contains).toList();
            String categoryName = category.getValue() == null ? null : category.getValue().name();
            if (item == null) {
                plans.addItem(community, year, new PlanItemInput(itemTitle.getValue(), categoryName, from.getValue(),
                        to.getValue(), lead.getValue(), chosen, participants.getValue(), description.getValue()));
            } else {
                ItemStatus next = status.getValue();
                plans.editItem(item.id(), IfMatch.version(item.version()), new PlanItemEdit(itemTitle.getValue(), categoryName, from.getValue(),
                        to.getValue(), lead.getValue(), chosen, participants.getValue(), description.getValue(),
                        next == null || next == item.status() ? null : next.name(), note.getValue()));
            }
            dialog.close();
            done(getTranslation("myplan.saved"));
        });
        save.setId("item-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("common.back"), e -> dialog.close()), save);
        dialog.open();
    }

    private Select<Integer> monthSelect(String labelKey, String id) {
        Select<Integer> month = new Select<>();
        month.setLabel(getTranslation(labelKey));
        month.setId(id);
        month.setItems(IntStream.rangeClosed(1, 12).boxed().toList());
        month.setItemLabelGenerator(m -> getTranslation("plan.period.month", m));
        month.setEmptySelectionAllowed(true);
        month.setEmptySelectionCaption(getTranslation("plan.period.year"));
        return month;
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
