package org.educommons.ui.activity;

import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;

import org.educommons.platform.api.IfMatch;
import org.educommons.activity.ActivityAnswers;
import org.educommons.activity.ActivityOutcomes;
import org.educommons.activity.ActivityProposals;
import org.educommons.activity.ActivityEdit;
import org.educommons.activity.ActivityStatus;
import org.educommons.activity.ActivityDetails;
import org.educommons.identity.AccountPrincipal;
import org.educommons.identity.Role;
import org.educommons.tenancy.CommunityDirectory;
import org.educommons.tenancy.CommunitySlug;
import org.educommons.tenancy.TenantContext;
import org.educommons.ui.MainLayout;
import org.educommons.ui.Prompts;
import org.educommons.ui.Routes;

/**
 * One joint activity: organisers and their answers, schools, plan items, school pairs, outcome.
 * An organiser's admin answers for its part here; the proposer's admin reports the outcome or
 * cancels. Every rule is the activity services'.
 */
@Route(value = "activities/:id", layout = MainLayout.class)
public class ActivityView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final ActivityProposals proposals;
    private final ActivityAnswers answers;
    private final ActivityOutcomes outcomes;
    private final CommunityDirectory directory;
    private final TenantContext tenantContext;
    private long id;
    private String title = "";

    @Inject
    public ActivityView(ActivityProposals proposals, ActivityAnswers answers, ActivityOutcomes outcomes, CommunityDirectory directory, TenantContext tenantContext) {
        this.proposals = proposals;
        this.answers = answers;
        this.outcomes = outcomes;
        this.directory = directory;
        this.tenantContext = tenantContext;
        setMaxWidth("60em");
    }

    /** The activity's status as a badge: done and confirmed green, cancelled red. */
    static Span statusBadge(ActivityStatus status, String text) {
        return badge(text, status == ActivityStatus.CANCELLED ? "badge error"
                : status == ActivityStatus.PROPOSED ? "badge" : "badge success");
    }

    /** A small Lumo badge. */
    static Span badge(String text, String theme) {
        Span badge = new Span(text);
        badge.getElement().getThemeList().add(theme);
        badge.getStyle().set("margin-right", "var(--lumo-space-xs)");
        return badge;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (Routes.signInFirst(event, tenantContext)) {
            return;
        }
        id = Routes.id(event, "activity");
        render();
    }

    private void render() {
        AccountPrincipal caller = tenantContext.requireCaller();
        ActivityDetails a = proposals.activity(id);
        Map<String, String> names = directory.community(new CommunitySlug(a.community())).members().stream()
                .collect(Collectors.toMap(CommunityDirectory.Member::tenant, m -> m.name().in(getLocale())));
        String us = directory.slugOf(caller.tenantId()).value();
        boolean admin = caller.has(Role.TENANT_ADMIN);
        removeAll();
        title = a.title();
        H2 heading = new H2(a.title());
        heading.setId("activity-title");
        Span status = statusBadge(a.status(), getTranslation("activity.status." + a.status()));
        status.setId("activity-status");
        add(heading, new Div(badge(getTranslation("activity.type." + a.type()), "badge contrast"), status),
                new Span(getTranslation("activity.dates", a.startsOn(), a.endsOn())));
        if (a.description() != null && !a.description().isBlank()) {
            add(new Paragraph(a.description()));
        }
        add(section("activity.organisers", "organisers", a.organisers().stream().map(o -> {
            String text = names.getOrDefault(o.tenant(), o.tenant()) + " · " + getTranslation("activity.response." + o.response())
                    + (o.part() == null ? "" : " · " + getTranslation("activity.part", o.part()))
                    + (o.note() == null ? "" : " · " + o.note());
            return text;
        }).toList()));
        if (!a.schools().isEmpty()) {
            add(section("activity.schools", "schools", a.schools().stream()
                    .map(s -> s.name() + getTranslation("text.aside", names.getOrDefault(s.tenant(), s.tenant()))).toList()));
        }
        if (!a.planItems().isEmpty()) {
            add(section("activity.plan-items", "plan-items", a.planItems().stream()
                    .map(i -> i.title() + getTranslation("text.aside", names.getOrDefault(i.tenant(), i.tenant()))).toList()));
        }
        if (!a.pairings().isEmpty()) {
            add(section("activity.pairings", "pairings", a.pairings().stream()
                    .map(p -> getTranslation("activity.pairing", p.supporting().name(), p.supported().name(), p.startsOn(),
                            p.endsOn())).toList()));
        }
        if (a.outcome() != null) {
            Paragraph outcome = new Paragraph(a.outcome());
            outcome.setId("outcome");
            outcome.getStyle().set("white-space", "pre-line");
            add(new H3(getTranslation("activity.outcome")), outcome);
            if (!a.attachments().isEmpty()) {
                add(section("activity.attachments", "attachments", a.attachments().stream()
                        .map(f -> getTranslation("text.labelled", f.name(), f.description())).toList()));
            }
        }
        if (a.cancellationReason() != null) {
            add(new Paragraph(getTranslation("activity.cancellation-reason", a.cancellationReason())));
        }
        if (admin && a.awaitsAnswerOf(us)) {
            add(answer());
        }
        if (admin && a.proposer().equals(us)) {
            add(proposerActions(a));
        }
    }

    private Component section(String headingKey, String id, java.util.List<String> lines) {
        UnorderedList list = new UnorderedList();
        list.setId(id);
        lines.forEach(line -> list.add(new ListItem(line)));
        return new Div(new H3(getTranslation(headingKey)), list);
    }

    /** An organiser's answer: confirm, or decline with a reason. */
    private Component answer() {
        Button confirm = new Button(getTranslation("activity.confirm-part"), e -> {
            answers.respond(id, "CONFIRMED", null);
            done("activity.answered");
        });
        confirm.setId("confirm-part");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS);
        Button decline = new Button(getTranslation("activity.decline-part"), e -> askReason("activity.decline.reason",
                "activity.decline.send", reason -> {
                    answers.respond(id, "DECLINED", reason);
                    done("activity.answered");
                }));
        decline.setId("decline-part");
        decline.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        return new HorizontalLayout(confirm, decline);
    }

    /** The proposer reports the outcome once every organiser has confirmed, or cancels while it is open. */
    private Component proposerActions(ActivityDetails a) {
        VerticalLayout box = new VerticalLayout();
        box.setPadding(false);
        if (a.status() == ActivityStatus.CONFIRMED || a.status() == ActivityStatus.DONE) {
            TextArea outcome = new TextArea(getTranslation("activity.outcome"));
            outcome.setId("outcome-input");
            outcome.setWidthFull();
            outcome.setMinHeight("8em");
            outcome.setValue(a.outcome() == null ? "" : a.outcome());
            Button save = new Button(getTranslation("activity.report"), e -> {
                outcomes.edit(id, IfMatch.version(a.version()), ActivityEdit.done(outcome.getValue(), null));
                done("activity.reported");
            });
            save.setId("save-outcome");
            save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            box.add(outcome, save);
        }
        if (a.status().open()) {
            Button cancel = new Button(getTranslation("activity.cancel"), e -> askReason("activity.cancel.reason",
                    "activity.cancel", reason -> {
                        outcomes.edit(id, IfMatch.version(a.version()), ActivityEdit.cancelled(reason));
                        done("activity.cancelled");
                    }));
            cancel.setId("cancel-activity");
            cancel.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            box.add(cancel);
        }
        return box;
    }

    /** Asks for a reason in a dialog; {@code action} gets it (the service refuses an empty one). */
    private void askReason(String labelKey, String sendKey, Consumer<String> action) {
        Prompts.askText(title, null, getTranslation(labelKey), getTranslation(sendKey), action);
    }

    private void done(String messageKey) {
        Prompts.success(getTranslation(messageKey));
        render();
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
