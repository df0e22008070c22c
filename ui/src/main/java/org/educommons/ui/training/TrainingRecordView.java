package org.educommons.ui.training;

import java.math.BigDecimal;
import java.util.List;

import jakarta.inject.Inject;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;

import org.educommons.tenancy.TenantContext;
import org.educommons.training.TrainingRecord;
import org.educommons.training.TrainingRecords;
import org.educommons.ui.MainLayout;
import org.educommons.ui.Routes;
import org.educommons.ui.Section;

/**
 * A person's training record (成长档案): the current five-year cycle against the hours it requires, the hours
 * of each year, and every event that earned hours, newest first.
 */
@Route(value = "me/training-record", layout = MainLayout.class)
public class TrainingRecordView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final TrainingRecords records;
    private final TenantContext tenantContext;

    @Inject
    public TrainingRecordView(TrainingRecords records, TenantContext tenantContext) {
        this.records = records;
        this.tenantContext = tenantContext;
        setPadding(true);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (Routes.signInFirst(event, tenantContext)) {
            return;
        }
        show(records.mine());
    }

    private void show(TrainingRecord record) {
        removeAll();
        add(new H2(getTranslation("training.title")));
        add(cycle(record.cycle()));
        add(Section.of("training-years", getTranslation("training.years"),
                record.years().stream().map(y -> (Component) line(getTranslation("training.year", String.valueOf(y.year()),
                        hours(y.hours())), "training-year")).toList(), getTranslation("training.entries.none")));
        Grid<TrainingRecord.Entry> grid = new Grid<>();
        grid.setId("training-entries");
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);
        grid.setAllRowsVisible(true);
        grid.addColumn(e -> e.heldOn().toString()).setHeader(getTranslation("training.column.date")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(e -> e.title() + "（" + getTranslation("training.source." + e.source()) + "）")
                .setHeader(getTranslation("training.column.title")).setFlexGrow(3);
        grid.addColumn(e -> e.hostName().in(getLocale())).setHeader(getTranslation("training.column.host")).setFlexGrow(1);
        grid.addColumn(e -> hours(e.hours())).setHeader(getTranslation("training.column.hours")).setAutoWidth(true).setFlexGrow(0);
        grid.setItems(record.entries());
        List<Component> entries = record.entries().isEmpty() ? List.of() : List.of(grid);
        add(Section.of("training-record", getTranslation("training.entries"), entries, getTranslation("training.entries.none")));
    }

    private Component cycle(TrainingRecord.Cycle cycle) {
        Div box = new Div();
        box.setId("training-cycle");
        box.addClassName("ec-card");
        Span text = new Span(getTranslation("training.cycle", String.valueOf(cycle.from()), String.valueOf(cycle.to()),
                hours(cycle.hours()), hours(cycle.required())));
        text.setId("training-cycle-text");
        ProgressBar bar = new ProgressBar(0, cycle.required().doubleValue(),
                Math.min(cycle.hours().doubleValue(), cycle.required().doubleValue()));
        bar.setId("training-cycle-bar");
        bar.getElement().setAttribute("aria-label", text.getText());
        box.add(text, bar);
        if (cycle.reached()) {
            Span reached = new Span(getTranslation("training.cycle.reached"));
            reached.getElement().getThemeList().add("badge success");
            box.add(reached);
        }
        return box;
    }

    private static String hours(BigDecimal hours) {
        return hours.stripTrailingZeros().toPlainString();
    }

    private static Div line(String text, String className) {
        Div line = new Div(new Span(text));
        line.addClassName("ec-line");
        line.addClassName(className);
        return line;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("training.title");
    }
}
