package org.educommons.ui.activity;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.shared.Registration;

import org.educommons.activity.ActivityInput;
import org.educommons.activity.ActivityType;
import org.educommons.tenancy.Schools;

/**
 * The form a member's administrator proposes a joint activity with: the other organisers (each
 * asked to confirm), the participating schools and, for a school pairing, who supports whom. Named
 * fields bound to a {@link Draft}; the service checks them; the view hears {@link SaveEvent} and
 * {@link CancelEvent}.
 */
public class ActivityForm extends VerticalLayout {

    /** The proposal as entered. */
    public static class Draft {
        private String title;
        private ActivityType type;
        private LocalDate startsOn;
        private LocalDate endsOn;
        private Set<String> organisers = new LinkedHashSet<>();
        private String part;
        private Set<Schools.School> schools = new LinkedHashSet<>();
        private String description;
        private final List<ActivityInput.Pairing> pairs = new ArrayList<>();

        /** The proposal; the other organisers in roster order ({@code roster}), the pairs over the activity's dates. */
        ActivityInput toInput(List<String> roster) {
            List<ActivityInput.Organiser> others = roster.stream().filter(organisers::contains)
                    .map(t -> new ActivityInput.Organiser(t, part)).toList();
            List<ActivityInput.Pairing> dated = type != ActivityType.SCHOOL_PAIRING ? List.of() : pairs.stream()
                    .map(p -> new ActivityInput.Pairing(p.supportingSchool(), p.supportedSchool(), startsOn, endsOn)).toList();
            return new ActivityInput(title, type == null ? null : type.name(), startsOn, endsOn, description, others,
                    schools.stream().map(Schools.School::id).toList(), List.of(), dated);
        }

        public String getTitle() { return title; }
        public void setTitle(String title) { this.title = title; }
        public ActivityType getType() { return type; }
        public void setType(ActivityType type) { this.type = type; }
        public LocalDate getStartsOn() { return startsOn; }
        public void setStartsOn(LocalDate startsOn) { this.startsOn = startsOn; }
        public LocalDate getEndsOn() { return endsOn; }
        public void setEndsOn(LocalDate endsOn) { this.endsOn = endsOn; }
        public Set<String> getOrganisers() { return organisers; }
        public void setOrganisers(Set<String> organisers) { this.organisers = organisers; }
        public String getPart() { return part; }
        public void setPart(String part) { this.part = part; }
        public Set<Schools.School> getSchools() { return schools; }
        public void setSchools(Set<Schools.School> schools) { this.schools = schools; }
        public String getDescription() { return description; }
        public void setDescription(String description) { this.description = description; }
    }

    private final TextField title = new TextField();
    private final Select<ActivityType> type = new Select<>();
    private final DatePicker startsOn = new DatePicker();
    private final DatePicker endsOn = new DatePicker();
    private final MultiSelectComboBox<String> organisers = new MultiSelectComboBox<>();
    private final TextField part = new TextField();
    private final MultiSelectComboBox<Schools.School> schools = new MultiSelectComboBox<>();
    private final TextArea description = new TextArea();
    private final Binder<Draft> binder = new Binder<>(Draft.class);
    private final Draft draft = new Draft();
    private final List<String> roster;

    /**
     * @param names member slug → name, in roster order
     * @param us    the proposing member's slug
     * @param all   the community's schools
     */
    public ActivityForm(Map<String, String> names, String us, List<Schools.School> all) {
        this.roster = List.copyOf(names.keySet());
        setPadding(false);
        title.setLabel(getTranslation("activity.form.title"));
        title.setId("activity-form-title");
        type.setLabel(getTranslation("activity.form.type"));
        type.setId("activity-form-type");
        type.setItems(ActivityType.values());
        type.setItemLabelGenerator(t -> getTranslation("activity.type." + t.name()));
        startsOn.setLabel(getTranslation("activity.form.starts"));
        startsOn.setId("activity-form-starts");
        endsOn.setLabel(getTranslation("activity.form.ends"));
        endsOn.setId("activity-form-ends");
        organisers.setLabel(getTranslation("activity.form.organisers"));
        organisers.setId("activity-form-organisers");
        organisers.setItems(roster.stream().filter(t -> !t.equals(us)).toList());
        organisers.setItemLabelGenerator(t -> names.getOrDefault(t, t));
        part.setLabel(getTranslation("activity.form.part"));
        part.setId("activity-form-part");
        schools.setLabel(getTranslation("activity.form.schools"));
        schools.setId("activity-form-schools");
        schools.setItemLabelGenerator(school -> label(school, names));
        description.setLabel(getTranslation("activity.form.description"));
        description.setId("activity-form-description");
        binder.bindInstanceFields(this);
        binder.setBean(draft);

        Select<Schools.School> supporting = schoolSelect("activity.form.supporting", "activity-form-supporting", names);
        Select<Schools.School> supported = schoolSelect("activity.form.supported", "activity-form-supported", names);
        UnorderedList pairList = new UnorderedList();
        pairList.setId("activity-form-pairs");
        Button addPair = new Button(getTranslation("activity.form.add-pair"), e -> {
            if (supporting.getValue() != null && supported.getValue() != null) {
                draft.pairs.add(new ActivityInput.Pairing(supporting.getValue().id(), supported.getValue().id(), null, null));
                pairList.add(new ListItem(getTranslation("activity.form.pair", supporting.getValue().name().in(getLocale()),
                        supported.getValue().name().in(getLocale()))));
                supporting.clear();
                supported.clear();
            }
        });
        addPair.setId("activity-form-add-pair");
        Div pairing = new Div(new H4(getTranslation("activity.pairings")), new HorizontalLayout(supporting, supported, addPair),
                pairList);
        pairing.setVisible(false);
        type.addValueChangeListener(e -> pairing.setVisible(e.getValue() == ActivityType.SCHOOL_PAIRING));
        // the schools to choose from are those of the members taking part
        Runnable schoolChoices = () -> {
            Set<String> taking = new HashSet<>(organisers.getValue());
            taking.add(us);
            List<Schools.School> theirs = all.stream().filter(school -> taking.contains(school.tenant())).toList();
            schools.setItems(theirs);
            supporting.setItems(theirs);
            supported.setItems(theirs);
        };
        schoolChoices.run();
        organisers.addValueChangeListener(e -> schoolChoices.run());

        FormLayout form = new FormLayout(title, type, startsOn, endsOn, organisers, part, schools, description);
        form.setColspan(title, 2);
        form.setColspan(schools, 2);
        form.setColspan(description, 2);
        Button save = new Button(getTranslation("activity.form.submit"), e -> fireEvent(new SaveEvent(this)));
        save.setId("activity-form-submit");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("common.back"), e -> fireEvent(new CancelEvent(this)));
        add(form, pairing, new HorizontalLayout(cancel, save));
    }

    /** The proposal, from what the form holds. */
    public ActivityInput input() {
        return draft.toInput(roster);
    }

    private Select<Schools.School> schoolSelect(String labelKey, String id, Map<String, String> names) {
        Select<Schools.School> select = new Select<>();
        select.setLabel(getTranslation(labelKey));
        select.setId(id);
        select.setItemLabelGenerator(school -> school == null ? "" : label(school, names));
        return select;
    }

    private String label(Schools.School school, Map<String, String> names) {
        return school.name().in(getLocale()) + getTranslation("text.aside", names.getOrDefault(school.tenant(), school.tenant()));
    }

    /** Propose was clicked. */
    public static class SaveEvent extends ComponentEvent<ActivityForm> {
        SaveEvent(ActivityForm source) {
            super(source, false);
        }
    }

    /** Back was clicked: nothing is proposed. */
    public static class CancelEvent extends ComponentEvent<ActivityForm> {
        CancelEvent(ActivityForm source) {
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
