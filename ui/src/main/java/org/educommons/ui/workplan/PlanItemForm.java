package org.educommons.ui.workplan;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.shared.Registration;

import org.educommons.workplan.ItemStatus;
import org.educommons.workplan.PlanCategory;
import org.educommons.workplan.PlanItemEdit;
import org.educommons.workplan.PlanItemInput;
import org.educommons.workplan.PlanItemDetails;

/**
 * The form a plan item is added or changed with: title, category, months, lead unit, co-organisers,
 * participants, description, and for an existing item its status and a progress note. Named fields
 * bound to a {@link Draft}; the service checks them; the view hears {@link SaveEvent} and
 * {@link CancelEvent}.
 */
public class PlanItemForm extends FormLayout {

    /** The item as entered. */
    public static class Draft {
        private String title;
        private PlanCategory category;
        private Integer startMonth;
        private Integer endMonth;
        private String leadUnit;
        private Set<String> coOrganisers = new LinkedHashSet<>();
        private String targetParticipants;
        private String description;
        private ItemStatus status;
        private String note;

        static Draft of(PlanItemDetails item) {
            Draft d = new Draft();
            d.title = item.title();
            d.category = item.category();
            d.startMonth = item.startMonth();
            d.endMonth = item.endMonth();
            d.leadUnit = item.leadUnit();
            d.coOrganisers = new LinkedHashSet<>(item.coOrganisers());
            d.targetParticipants = item.targetParticipants();
            d.description = item.description();
            d.status = item.status();
            return d;
        }

        public String getTitle() { return title; }
        public void setTitle(String title) { this.title = title; }
        public PlanCategory getCategory() { return category; }
        public void setCategory(PlanCategory category) { this.category = category; }
        public Integer getStartMonth() { return startMonth; }
        public void setStartMonth(Integer startMonth) { this.startMonth = startMonth; }
        public Integer getEndMonth() { return endMonth; }
        public void setEndMonth(Integer endMonth) { this.endMonth = endMonth; }
        public String getLeadUnit() { return leadUnit; }
        public void setLeadUnit(String leadUnit) { this.leadUnit = leadUnit; }
        public Set<String> getCoOrganisers() { return coOrganisers; }
        public void setCoOrganisers(Set<String> coOrganisers) { this.coOrganisers = coOrganisers; }
        public String getTargetParticipants() { return targetParticipants; }
        public void setTargetParticipants(String targetParticipants) { this.targetParticipants = targetParticipants; }
        public String getDescription() { return description; }
        public void setDescription(String description) { this.description = description; }
        public ItemStatus getStatus() { return status; }
        public void setStatus(ItemStatus status) { this.status = status; }
        public String getNote() { return note; }
        public void setNote(String note) { this.note = note; }
    }

    private final TextField title = new TextField();
    private final Select<PlanCategory> category = new Select<>();
    private final Select<Integer> startMonth = monthSelect("myplan.start-month", "item-start-month");
    private final Select<Integer> endMonth = monthSelect("myplan.end-month", "item-end-month");
    private final TextField leadUnit = new TextField();
    private final MultiSelectComboBox<String> coOrganisers = new MultiSelectComboBox<>();
    private final TextField targetParticipants = new TextField();
    private final TextArea description = new TextArea();
    private final Select<ItemStatus> status = new Select<>();
    private final TextArea note = new TextArea();
    private final Binder<Draft> binder = new Binder<>(Draft.class);
    private final Draft draft;
    private final PlanItemDetails item;
    private final List<String> roster;

    /**
     * @param item  the item to change, or {@code null} for a new one
     * @param names member slug → name, in roster order
     * @param ours  the caller's member, which cannot co-organise its own item
     */
    public PlanItemForm(PlanItemDetails item, Map<String, String> names, String ours) {
        this.item = item;
        this.draft = item == null ? new Draft() : Draft.of(item);
        this.roster = List.copyOf(names.keySet());
        title.setLabel(getTranslation("plan.xlsx.title"));
        title.setId("item-title");
        category.setLabel(getTranslation("plan.xlsx.category"));
        category.setId("item-category");
        category.setItems(PlanCategory.values());
        category.setItemLabelGenerator(c -> getTranslation("plan.category." + c.name()));
        leadUnit.setLabel(getTranslation("plan.xlsx.lead-unit"));
        leadUnit.setId("item-lead-unit");
        coOrganisers.setLabel(getTranslation("plan.xlsx.co-organisers"));
        coOrganisers.setId("item-co-organisers");
        coOrganisers.setItems(roster.stream().filter(s -> !s.equals(ours)).toList());
        coOrganisers.setItemLabelGenerator(s -> names.getOrDefault(s, s));
        targetParticipants.setLabel(getTranslation("plan.xlsx.participants"));
        targetParticipants.setId("item-participants");
        description.setLabel(getTranslation("plan.xlsx.description"));
        description.setId("item-description");
        status.setLabel(getTranslation("plan.xlsx.status"));
        status.setId("item-status");
        status.setItems(ItemStatus.values());
        status.setItemLabelGenerator(s -> getTranslation("plan.status." + s.name()));
        note.setLabel(getTranslation("myplan.note"));
        note.setId("item-note");
        note.setHelperText(getTranslation("myplan.note-hint"));
        binder.bindInstanceFields(this);
        binder.setBean(draft);

        add(title, category, startMonth, endMonth, leadUnit, coOrganisers, targetParticipants, description);
        setColspan(title, 2);
        setColspan(description, 2);
        if (item != null) {
            add(status, note);
            setColspan(note, 2);
        }
        Button save = new Button(getTranslation("myplan.save"), e -> fireEvent(new SaveEvent(this)));
        save.setId("item-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("common.back"), e -> fireEvent(new CancelEvent(this)));
        HorizontalLayout buttons = new HorizontalLayout(cancel, save);
        add(buttons);
        setColspan(buttons, 2);
    }

    /** The item being changed; {@code null} when the form adds one. */
    public PlanItemDetails item() {
        return item;
    }

    /** A new item, from what the form holds. */
    public PlanItemInput input() {
        return new PlanItemInput(draft.title, category(), draft.startMonth, draft.endMonth, draft.leadUnit, coOrganisers(),
                draft.targetParticipants, draft.description);
    }

    /** The change of {@link #item()}: a status only when it moves on, with the progress note. */
    public PlanItemEdit edit() {
        ItemStatus next = draft.status == null || draft.status == item.status() ? null : draft.status;
        return new PlanItemEdit(draft.title, category(), draft.startMonth, draft.endMonth, draft.leadUnit, coOrganisers(),
                draft.targetParticipants, draft.description, next == null ? null : next.name(), draft.note);
    }

    private String category() {
        return draft.category == null ? null : draft.category.name();
    }

    /** Co-organisers in roster order, as everywhere else. */
    private List<String> coOrganisers() {
        return roster.stream().filter(draft.coOrganisers::contains).toList();
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

    /** Save was clicked. */
    public static class SaveEvent extends ComponentEvent<PlanItemForm> {
        SaveEvent(PlanItemForm source) {
            super(source, false);
        }
    }

    /** Back was clicked: nothing is saved. */
    public static class CancelEvent extends ComponentEvent<PlanItemForm> {
        CancelEvent(PlanItemForm source) {
            super(source, false);
        }
    }

    public Registration addSaveListener(ComponentEventListener<SaveEvent> listener) {
        return addListener(SaveEvent.class, listener);
    }

    public Registration addCancelListener(ComponentEventListener<CancelEvent> listener) {
        return addListener(CancelEvent.class, listener);
    }
}
