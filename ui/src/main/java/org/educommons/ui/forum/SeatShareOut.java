package org.educommons.ui.forum;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;

/**
 * The host shares a forum's seats out per member (名额分配): each member's share beside the confirmed,
 * waitlisted and pending registrations of its people, and the seats shared against the capacity. A
 * member left empty has no share of its own and takes seats from those nobody was given. Saving hands
 * the whole share-out to {@code onSave}; the rules (no share below what a member has confirmed, no more
 * than the capacity) are the backend's.
 */
class SeatShareOut extends VerticalLayout {

    /** One member: its current share ({@code null}: none) and its people's registrations. */
    record MemberLine(String member, String name, Integer share, int confirmed, int waitlisted, int pending) {
    }

    private final Map<String, IntegerField> shares = new LinkedHashMap<>();
    private final Span total = new Span();
    private final int capacity;

    SeatShareOut(int capacity, List<MemberLine> lines, Consumer<Map<String, Integer>> onSave) {
        this.capacity = capacity;
        setId("seat-share-out");
        setPadding(false);
        Paragraph hint = new Paragraph(getTranslation("forum.shares.hint"));
        hint.addClassName("ec-secondary");

        Grid<MemberLine> grid = new Grid<>();
        grid.setId("shares");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        grid.addColumn(MemberLine::name).setHeader(getTranslation("forum.xlsx.tenant")).setFlexGrow(3);
        for (MemberLine line : lines) { // made here, not when the grid first draws a row: saving reads them all
            IntegerField share = new IntegerField();
            share.setId("share-" + line.member());
            share.setMin(0);
            share.setMax(capacity);
            share.setValue(line.share());
            share.setWidth("6em");
            share.setAriaLabel(getTranslation("forum.shares.share-of", line.name()));
            share.addValueChangeListener(e -> updateTotal());
            shares.put(line.member(), share);
        }
        grid.addComponentColumn(line -> shares.get(line.member())).setHeader(getTranslation("forum.shares.share")).setFlexGrow(1);
        grid.addColumn(MemberLine::confirmed).setHeader(getTranslation("forum.status.CONFIRMED")).setFlexGrow(1);
        grid.addColumn(MemberLine::waitlisted).setHeader(getTranslation("forum.status.WAITLISTED")).setFlexGrow(1);
        grid.addColumn(MemberLine::pending).setHeader(getTranslation("forum.status.PENDING")).setFlexGrow(1);
        grid.setItems(lines);

        total.setId("shares-total");
        Button save = new Button(getTranslation("forum.shares.save"), e -> onSave.accept(shareOut()));
        save.setId("save-shares");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new H3(getTranslation("forum.shares.title")), hint, grid, total, save);
        updateTotal();
    }

    private void updateTotal() {
        total.setText(getTranslation("forum.shares.total", shareOut().values().stream().mapToInt(Integer::intValue).sum(),
                capacity));
    }

    /** Member → seats, for the members given a share. */
    Map<String, Integer> shareOut() {
        Map<String, Integer> out = new LinkedHashMap<>();
        shares.forEach((member, field) -> {
            if (field.getValue() != null) {
                out.put(member, field.getValue());
            }
        });
        return out;
    }
}
