package org.educommons.ui.training;

import java.time.LocalDate;
import java.util.List;

import jakarta.inject.Inject;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;

import org.educommons.platform.i18n.BeijingTime;
import org.educommons.tenancy.TenantContext;
import org.educommons.training.TrainingRecord;
import org.educommons.training.TrainingRecords;
import org.educommons.ui.MainLayout;
import org.educommons.ui.Routes;

/** A tenant admin's view of its people's credit hours this year and in the current cycle; who reached it is one tick away. */
@Route(value = "training-records", layout = MainLayout.class)
public class TrainingTotalsView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final TrainingRecords records;
    private final TenantContext tenantContext;

    @Inject
    public TrainingTotalsView(TrainingRecords records, TenantContext tenantContext) {
        this.records = records;
        this.tenantContext = tenantContext;
        setPadding(true);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (Routes.signInFirst(event, tenantContext)) {
            return;
        }
        int year = LocalDate.now(BeijingTime.ZONE).getYear();
        TrainingRecord.Cycle cycle = TrainingRecord.Cycle.holding(year, java.math.BigDecimal.ZERO, TrainingRecords.DEFAULT_CYCLE_HOURS);
        removeAll();
        add(new H2(getPageTitle()), new Paragraph(getTranslation("training.totals.intro", String.valueOf(year),
                String.valueOf(cycle.from()), String.valueOf(cycle.to()), cycle.required().toPlainString())));
        Grid<TrainingRecord.PersonTotal> grid = new Grid<>();
        grid.setId("training-totals");
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);
        grid.addColumn(TrainingRecord.PersonTotal::displayName).setHeader(getTranslation("training.totals.person")).setFlexGrow(2);
        grid.addColumn(TrainingRecord.PersonTotal::username).setHeader(getTranslation("training.totals.username")).setFlexGrow(2);
        grid.addColumn(p -> p.yearHours().stripTrailingZeros().toPlainString())
                .setHeader(getTranslation("training.totals.year", String.valueOf(year))).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(p -> p.cycleHours().stripTrailingZeros().toPlainString())
                .setHeader(getTranslation("training.totals.cycle")).setAutoWidth(true).setFlexGrow(0);
        Checkbox reachedOnly = new Checkbox(getTranslation("training.totals.reached-only"));
        reachedOnly.setId("training-reached-only");
        reachedOnly.addValueChangeListener(e -> grid.setItems(totals(year, e.getValue())));
        grid.setItems(totals(year, false));
        add(reachedOnly, grid);
    }

    private List<TrainingRecord.PersonTotal> totals(int year, boolean reachedOnly) {
        return records.ofMyTenant(year, reachedOnly);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("training.totals.title");
    }
}
