package org.educommons.ui.activity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
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

import org.educommons.activity.ActivityProposals;
import org.educommons.activity.ActivityInput;
import org.educommons.activity.ActivityType;
import org.educommons.activity.ActivityDetails;
import org.educommons.identity.Role;
import org.educommons.platform.api.Page;
import org.educommons.platform.api.Requests;
import org.educommons.tenancy.CommunityDirectory;
import org.educommons.tenancy.CommunitySlug;
import org.educommons.tenancy.Schools;
import org.educommons.tenancy.TenantContext;
import org.educommons.ui.MainLayout;
import org.educommons.ui.Prompts;
import org.educommons.ui.Routes;

/**
 * A community's joint activities as the caller's member sees them: confirmed ones, and those it
 * organises, with the ones awaiting its answer marked.
 */
@Route(value = "communities/:community/activities", layout = MainLayout.class)
public class ActivitiesView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final ActivityProposals proposals;
    private final CommunityDirectory directory;
    private final Schools schools;
    private final TenantContext tenantContext;
    private String title = "";

    @Inject
    public ActivitiesView(ActivityProposals proposals, CommunityDirectory directory, Schools schools, TenantContext tenantContext) {
        this.proposals = proposals;
        this.directory = directory;
        this.schools = schools;
        this.tenantContext = tenantContext;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (Routes.signInFirst(event, tenantContext)) {
            return;
        }
        CommunitySlug community = Requests.community(event.getRouteParameters().get("community").orElse(""));
        Page<ActivityDetails> page = proposals.activities(community, new ActivityProposals.Filter(null, null), null, Page.MAX_LIMIT);
        CommunityDirectory.CommunityDetails details = directory.community(community);
        Map<String, String> names = details.members().stream()
                .collect(Collectors.toMap(CommunityDirectory.Member::tenant, m -> m.name().in(getLocale())));
        String us = directory.slugOf(tenantContext.requireCaller().tenantId()).value();
        removeAll();
        title = getTranslation("activity.list.title", details.name().in(getLocale()));
        H2 heading = new H2(title);
        heading.setId("activities-title");
        add(heading);
        if (tenantContext.requireCaller().has(Role.TENANT_ADMIN)) {
            Button propose = new Button(getTranslation("activity.propose"), e -> proposeForm(community, names, us));
            propose.setId("propose-activity");
            propose.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            add(propose);
        }
        if (page.items().isEmpty()) {
            add(new Paragraph(getTranslation("activity.list.empty")));
        }
        page.items().stream()
                .sorted((a, b) -> b.startsOn().compareTo(a.startsOn()))
                .forEach(a -> add(card(a, names, us)));
    }

    private Div card(ActivityDetails a, Map<String, String> names, String us) {
        RouterLink link = new RouterLink(a.title(), ActivityView.class, new RouteParameters("id", String.valueOf(a.id())));
        link.addClassName("activity-link");
        link.addClassName("ec-card-title");
        Div badges = new Div(ActivityView.badge(getTranslation("activity.type." + a.type()), "badge contrast"),
                ActivityView.statusBadge(a.status(), getTranslation("activity.status." + a.status())));
        if (a.awaitsAnswerOf(us)) {
            Span mark = ActivityView.badge(getTranslation("activity.awaiting-us"), "badge error primary");
            mark.addClassName("awaiting-us");
            badges.add(mark);
        }
        String organisers = a.organisers().stream().map(o -> names.getOrDefault(o.tenant(), o.tenant()))
                .collect(Collectors.joining("、"));
        Div card = new Div(link, badges, new Div(new Span(getTranslation("activity.dates", a.startsOn(), a.endsOn()))),
                new Div(new Span(getTranslation("text.labelled", getTranslation("activity.organisers"), organisers))));
        card.addClassName("activity-card");
        card.addClassName("ec-card");
        return card;
    }

    /**
     * The form a member's administrator proposes a joint activity with: the other organisers (each
     * asked to confirm), the participating schools and, for a school pairing, who supports whom.
     */
    private void proposeForm(CommunitySlug community, Map<String, String> names, String us) {
        Dialog dialog = new Dialog(getTranslation("activity.propose"));
        dialog.setId("propose-dialog");
        TextField activityTitle = new TextField(getTranslation("activity.form.title"));
        activityTitle.setId("activity-form-title");
        Select<ActivityType> type = new Select<>();
        type.setLabel(getTranslation("activity.form.type"));
        type.setId("activity-form-type");
        type.setItems(ActivityType.values());
        type.setItemLabelGenerator(t -> getTranslation("activity.type." + t.name()));
        DatePicker starts = new DatePicker(getTranslation("activity.form.starts"));
        starts.setId("activity-form-starts");
        DatePicker ends = new DatePicker(getTranslation("activity.form.ends"));
        ends.setId("activity-form-ends");
        MultiSelectComboBox<String> organisers = new MultiSelectComboBox<>(getTranslation("activity.form.organisers"));
        organisers.setId("activity-form-organisers");
        organisers.setItems(names.keySet().stream().filter(t -> !t.equals(us)).toList());
        organisers.setItemLabelGenerator(t -> names.getOrDefault(t, t));
        TextField part = new TextField(getTranslation("activity.form.part"));
        part.setId("activity-form-part");
        List<Schools.School> all = schools.schools(community, null, null, Page.MAX_LIMIT).items();
        MultiSelectComboBox<Schools.School> participating = new MultiSelectComboBox<>(getTranslation("activity.form.schools"));
        participating.setId("activity-form-schools");
        participating.setItemLabelGenerator(school -> school.name().in(getLocale())
                + getTranslation("text.aside", names.getOrDefault(school.tenant(), school.tenant())));
        Select<Schools.School> supporting = schoolSelect("activity.form.supporting", "activity-form-supporting", names);
        Select<Schools.School> supported = schoolSelect("activity.form.supported", "activity-form-supported", names);
        List<ActivityInput.Pairing> pairs = new ArrayList<>();
        UnorderedList pairList = new UnorderedList();
        pairList.setId("activity-form-pairs");
        Button addPair = new Button(getTranslation("activity.form.add-pair"), e -> {
            if (supporting.getValue() != null && supported.getValue() != null) {
                pairs.add(new ActivityInput.Pairing(supporting.getValue().id(), supported.getValue().id(), starts.getValue(),
                        ends.getValue()));
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
        Runnable schoolChoices = () -> {
            java.util.Set<String> taking = new java.util.HashSet<>(organisers.getValue());
            taking.add(us);
            List<Schools.School> theirs = all.stream().filter(school -> taking.contains(school.tenant())).toList();
            participating.setItems(theirs);
            supporting.setItems(theirs);
            supported.setItems(theirs);
        };
        schoolChoices.run();
        organisers.addValueChangeListener(e -> schoolChoices.run());
        TextArea description = new TextArea(getTranslation("activity.form.description"));
        description.setId("activity-form-description");
        FormLayout form = new FormLayout(activityTitle, type, starts, ends, organisers, part, participating, description);
        form.setColspan(activityTitle, 2);
        form.setColspan(participating, 2);
        form.setColspan(description, 2);
        dialog.add(form, pairing);
        Button submit = new Button(getTranslation("activity.form.submit"), e -> {
            // the pairs take the activity's dates as they are when it is proposed
            List<ActivityInput.Pairing> dated = pairs.stream().map(p -> new ActivityInput.Pairing(p.supportingSchool(),
                    p.supportedSchool(), starts.getValue(), ends.getValue())).toList();
            List<ActivityInput.Organiser> others = names.keySet().stream().filter(organisers.getValue()::contains)
                    .map(t -> new ActivityInput.Organiser(t, part.getValue())).toList();
            ActivityDetails proposed = proposals.propose(community, new ActivityInput(activityTitle.getValue(),
                    type.getValue() == null ? null : type.getValue().name(), starts.getValue(), ends.getValue(),
                    description.getValue(), others, participating.getValue().stream().map(Schools.School::id).toList(),
                    List.of(), type.getValue() == ActivityType.SCHOOL_PAIRING ? dated : List.of()));
            dialog.close();
            Prompts.success(getTranslation("activity.proposed"));
            getUI().ifPresent(ui -> ui.navigate(ActivityView.class, new RouteParameters("id", String.valueOf(proposed.id()))));
        });
        submit.setId("activity-form-submit");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("common.back"), e -> dialog.close()), submit);
        dialog.open();
    }

    private Select<Schools.School> schoolSelect(String labelKey, String id, Map<String, String> names) {
        Select<Schools.School> select = new Select<>();
        select.setLabel(getTranslation(labelKey));
        select.setId(id);
        select.setItemLabelGenerator(school -> school == null ? "" : school.name().in(getLocale())
                + getTranslation("text.aside", names.getOrDefault(school.tenant(), school.tenant())));
        return select;
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
