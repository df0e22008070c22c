package org.educommons.ui.membership;

import java.util.Comparator;

import jakarta.inject.Inject;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;

import org.educommons.platform.api.IfMatch;
import org.educommons.membership.Decision;
import org.educommons.membership.JoinApplicationDetails;
import org.educommons.membership.JoinApplications;
import org.educommons.platform.api.Page;
import org.educommons.platform.api.Requests;
import org.educommons.platform.i18n.BeijingTime;
import org.educommons.tenancy.CommunityDirectory;
import org.educommons.tenancy.TenantSlug;
import org.educommons.tenancy.CommunitySlug;
import org.educommons.tenancy.TenantContext;
import org.educommons.ui.MainLayout;
import org.educommons.ui.Prompts;
import org.educommons.ui.Routes;

/**
 * The secretariat's desk for join applications (入盟申请): open ones first, each can be put on a
 * joint council meeting's agenda, approved (the new member is provisioned and its contact gets the
 * invitation link) or rejected with a reason. Every rule is the service's.
 */
@Route(value = "communities/:community/join-applications", layout = MainLayout.class)
public class JoinApplicationsView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final JoinApplications applications;
    private final CommunityDirectory directory;
    private final TenantContext tenantContext;
    private CommunitySlug community;
    private String title = "";

    @Inject
    public JoinApplicationsView(JoinApplications applications, CommunityDirectory directory, TenantContext tenantContext) {
        this.applications = applications;
        this.directory = directory;
        this.tenantContext = tenantContext;
        setMaxWidth("60em");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (Routes.signInFirst(event, tenantContext)) {
            return;
        }
        community = Requests.community(event.getRouteParameters().get("community").orElse(""));
        render();
    }

    private void render() {
        Page<JoinApplicationDetails> page = applications.applications(community, null, null, Page.MAX_LIMIT);
        removeAll();
        title = getTranslation("join.list.title", directory.community(community).name().in(getLocale()));
        H2 heading = new H2(title);
        heading.setId("join-applications-title");
        add(heading);
        if (page.items().isEmpty()) {
            add(new Paragraph(getTranslation("join.list.empty")));
        }
        page.items().stream()
                .sorted(Comparator.comparing((JoinApplicationDetails a) -> !"PENDING".equals(a.status()))
                        .thenComparing(JoinApplicationDetails::id, Comparator.reverseOrder()))
                .forEach(a -> add(card(a)));
    }

    private Div card(JoinApplicationDetails a) {
        Span name = new Span(a.name());
        name.addClassName("ec-card-title");
        Span status = new Span(getTranslation("join.status." + a.status()));
        status.getElement().getThemeList().add("PENDING".equals(a.status()) ? "badge" : "APPROVED".equals(a.status())
                ? "badge success" : "badge error");
        Div card = new Div(new Div(name, new Span(" "), status),
                line(getTranslation("kind." + a.kind()) + " · " + a.region() + (a.parent() == null ? ""
                        : " · " + getTranslation("join.under", directory.tenant(new TenantSlug(a.parent())).name().in(getLocale())))),
                line(getTranslation("join.contact", a.contactName(), a.contactEmail())),
                line(getTranslation("join.submitted-at", BeijingTime.minutes(a.createdAt()))));
        Paragraph reason = new Paragraph(a.reason());
        reason.getStyle().set("white-space", "pre-line");
        card.add(reason);
        if (a.meeting() != null) {
            card.add(line(getTranslation("join.meeting", a.meeting(), a.meetingDate() == null ? "" : a.meetingDate().toString())));
        }
        if (a.rejectionReason() != null) {
            card.add(line(getTranslation("join.rejection-reason", a.rejectionReason())));
        }
        if ("PENDING".equals(a.status())) {
            card.add(actions(a));
        }
        card.addClassName("ec-card");
        card.addClassName("join-application");
        card.setId("application-" + a.id());
        return card;
    }

    private HorizontalLayout actions(JoinApplicationDetails a) {
        Button schedule = new Button(getTranslation("join.schedule"), e -> meetingDialog(a, false));
        schedule.addClassName("schedule-application");
        Button approve = new Button(getTranslation("join.approve"), e -> meetingDialog(a, true));
        approve.addClassName("approve-application");
        approve.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS);
        Button reject = new Button(getTranslation("join.reject"), e -> Prompts.askText(getTranslation("text.labelled", getTranslation("join.reject"), a.name()),
                null, getTranslation("join.rejection-reason-label"), getTranslation("join.reject"), reason -> {
            applications.decide(a.id(), IfMatch.version(a.version()), Decision.rejected(reason));
            done(getTranslation("join.rejected", a.name()));
        }));
        reject.addClassName("reject-application");
        reject.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        HorizontalLayout actions = new HorizontalLayout(schedule, approve, reject);
        actions.getStyle().set("flex-wrap", "wrap");
        return actions;
    }

    /** Scheduling names a meeting; approving takes place at one (the scheduled one unless changed) and names the new member. */
    private void meetingDialog(JoinApplicationDetails a, boolean approve) {
        Dialog dialog = new Dialog(getTranslation("text.labelled", getTranslation(approve ? "join.approve" : "join.schedule"), a.name()));
        MeetingForm form = new MeetingForm(approve ? MeetingForm.Purpose.APPROVE : MeetingForm.Purpose.SCHEDULE, a);
        form.addSaveListener(e -> {
            if (e.getSource().purpose() == MeetingForm.Purpose.APPROVE) {
                applications.decide(a.id(), IfMatch.version(a.version()), e.getSource().approval());
                done(getTranslation("join.approved", a.name(), a.contactEmail()));
            } else {
                applications.schedule(a.id(), IfMatch.version(a.version()), e.getSource().meeting());
                done(getTranslation("join.scheduled", a.name()));
            }
            dialog.close();
        });
        form.addCancelListener(e -> dialog.close());
        dialog.add(form);
        dialog.open();
    }

    private void done(String message) {
        Prompts.success(message);
        render();
    }

    private static Div line(String text) {
        return new Div(new Span(text));
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
