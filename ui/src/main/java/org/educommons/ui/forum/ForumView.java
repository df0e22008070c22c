package org.educommons.ui.forum;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.StreamResource;

import org.educommons.platform.api.IfMatch;
import org.educommons.forum.CheckInCodes;
import org.educommons.forum.ForumDetails;
import org.educommons.forum.ForumAgenda;
import org.educommons.forum.ForumCheckIns;
import org.educommons.forum.ForumHosting;
import org.educommons.forum.ForumEdit;
import org.educommons.forum.ForumRegistrations;
import org.educommons.forum.RegistrantsWorkbook;
import org.educommons.forum.RegistrationStatus;
import org.educommons.forum.RegistrationDetails;
import org.educommons.forum.SessionDetails;
import org.educommons.forum.SessionKind;
import org.educommons.identity.AccountPrincipal;
import org.educommons.platform.i18n.BeijingTime;
import org.educommons.tenancy.CommunityDirectory;
import org.educommons.tenancy.CommunitySlug;
import org.educommons.tenancy.TenantContext;
import org.educommons.ui.MainLayout;
import org.educommons.ui.Prompts;
import org.educommons.ui.Routes;

/**
 * One forum: when and where, seats left, the agenda; for a principal, their registration (register,
 * check-in code with its QR image, breakout group, cancel); for the host, the check-in desk and the
 * registrations. Every rule is the forum services'; what the caller may do comes with the forum
 * ({@code permissions}); this screen only shows and asks.
 */
@Route(value = "forums/:id", layout = MainLayout.class)
public class ForumView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private static final List<RegistrationStatus> LIVE =
            List.of(RegistrationStatus.CONFIRMED, RegistrationStatus.WAITLISTED, RegistrationStatus.PENDING);

    private final ForumHosting hosting;
    private final ForumRegistrations registering;
    private final ForumAgenda agendaDesk;
    private final ForumCheckIns checkInDesk;
    private final CommunityDirectory directory;
    private final TenantContext tenantContext;
    private long id;
    private String title = "";

    @Inject
    public ForumView(ForumHosting hosting, ForumRegistrations registering, ForumAgenda agendaDesk, ForumCheckIns checkInDesk,
                     CommunityDirectory directory, TenantContext tenantContext) {
        this.hosting = hosting;
        this.registering = registering;
        this.agendaDesk = agendaDesk;
        this.checkInDesk = checkInDesk;
        this.directory = directory;
        this.tenantContext = tenantContext;
        setMaxWidth("60em");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (Routes.signInFirst(event, tenantContext)) {
            return;
        }
        id = Routes.id(event, "forum");
        render();
    }

    private void render() {
        AccountPrincipal caller = tenantContext.requireCaller();
        ForumDetails forum = hosting.forum(id);
        List<CommunityDirectory.Member> members = directory.community(new CommunitySlug(forum.community())).members();
        Map<String, String> names = members.stream()
                .collect(Collectors.toMap(CommunityDirectory.Member::tenant, m -> m.name().in(getLocale())));
        removeAll();
        title = forum.title();
        H2 heading = new H2(forum.title());
        heading.setId("forum-title");
        add(heading, new Span(getTranslation("forum.host", names.getOrDefault(forum.host(), forum.host()))));
        Span when = new Span(getTranslation("forum.when", BeijingTime.minutes(forum.startsAt()), BeijingTime.minutes(forum.endsAt())));
        when.setId("forum-when");
        Span seats = new Span(forum.seatsLeft() > 0 ? getTranslation("forum.seats-left", forum.seatsLeft(), forum.capacity())
                : getTranslation("forum.full"));
        seats.setId("seats-left");
        add(when, new Span(getTranslation("forum.venue", forum.venue())), seats);
        if (forum.creditHours() != null) {
            Span hours = new Span(getTranslation("forum.credit-hours", forum.creditHours().stripTrailingZeros().toPlainString()));
            hours.setId("forum-credit-hours");
            add(hours);
        }
        if (forum.description() != null && !forum.description().isBlank()) {
            add(new Paragraph(forum.description()));
        }
        boolean host = forum.permissions().manage();
        if (!forum.agenda().isEmpty() || host) {
            add(agenda(forum, host));
        }
        List<RegistrationDetails> registrations = registering.allRegistrations(id);
        if (forum.permissions().registerSelf()) {
            add(mine(forum, caller, registrations));
        } else if (!host) {
            add(new Paragraph(getTranslation("forum.principals-only")));
        }
        if (host) {
            add(hostDesk(forum, registrations, names), shareOut(forum, registrations, members));
        }
    }

    private Component agenda(ForumDetails forum, boolean host) {
        UnorderedList list = new UnorderedList();
        list.setId("agenda");
        for (SessionDetails s : forum.agenda()) {
            StringBuilder text = new StringBuilder(BeijingTime.clock(s.startsAt()) + "–" + BeijingTime.clock(s.endsAt()) + " "
                    + getTranslation("text.labelled", getTranslation("forum.agenda." + s.kind()), s.title()));
            if (s.speaker() != null) {
                text.append(getTranslation("text.aside", s.speaker()));
            }
            if (s.room() != null) {
                text.append(" · ").append(s.room());
            }
            ListItem item = new ListItem(text.toString());
            if (s.seatsLeft() != null) {
                Span left = new Span(getTranslation("forum.agenda.places-left", s.seatsLeft()));
                left.getElement().getThemeList().add(s.seatsLeft() > 0 ? "badge" : "badge error");
                left.getStyle().set("margin-left", "var(--lumo-space-s)");
                item.add(left);
            }
            if (host) {
                Button remove = new Button(getTranslation("forum.agenda.remove"), e -> {
                    agendaDesk.removeSession(id, s.id(), IfMatch.version(forum.version()));
                    Prompts.success(getTranslation("forum.agenda.removed", s.title()));
                    render();
                });
                remove.addClassName("remove-session");
                remove.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
                item.add(remove);
            }
            list.add(item);
        }
        Div agenda = new Div(new H3(getTranslation("forum.agenda")), list);
        if (host) {
            Button add = new Button(getTranslation("forum.agenda.add"), e -> sessionForm(forum));
            add.setId("add-session");
            agenda.add(add);
        }
        return agenda;
    }

    /** The host adds a keynote or a breakout group, within the forum's times. */
    private void sessionForm(ForumDetails forum) {
        Dialog dialog = new Dialog(getTranslation("forum.agenda.add"));
        dialog.setId("session-dialog");
        SessionForm form = new SessionForm(SessionForm.Draft.startingAt(BeijingTime.local(forum.startsAt())));
        form.addSaveListener(e -> {
            agendaDesk.addSession(id, IfMatch.version(forum.version()), e.getSource().input());
            dialog.close();
            Prompts.success(getTranslation("forum.agenda.added"));
            render();
        });
        form.addCancelListener(e -> dialog.close());
        dialog.add(form);
        dialog.open();
    }

    /** The host changes where, when and for how many; more seats go to the waitlist in order. */
    private void editForm(ForumDetails forum) {
        Dialog dialog = new Dialog(getTranslation("forum.edit"));
        dialog.setId("edit-dialog");
        ForumForm form = new ForumForm(ForumForm.Mode.EDIT, ForumForm.Draft.of(forum));
        form.addSaveListener(e -> {
            hosting.edit(id, IfMatch.version(forum.version()), e.getSource().edit());
            dialog.close();
            Prompts.success(getTranslation("forum.edited"));
            render();
        });
        form.addCancelListener(e -> dialog.close());
        dialog.add(form);
        dialog.open();
    }

    private Component mine(ForumDetails forum, AccountPrincipal caller, List<RegistrationDetails> registrations) {
        VerticalLayout box = new VerticalLayout();
        box.setId("my-registration");
        box.setPadding(false);
        box.add(new H3(getTranslation("forum.mine")));
        Optional<RegistrationDetails> live = registrations.stream()
                .filter(r -> r.person().equals(caller.username()) && LIVE.contains(r.status()))
                .reduce((first, second) -> second);
        if (live.isEmpty()) {
            Button register = new Button(getTranslation("forum.register"), e -> {
                registering.register(id, null);
                render();
            });
            register.setId("register-button");
            register.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            register.setEnabled(forum.registrationOpen());
            box.add(register);
            if (!forum.registrationOpen()) {
                box.add(new Span(getTranslation("forum.registration-closed")));
            }
            return box;
        }
        RegistrationDetails r = live.get();
        Span status = new Span(getTranslation("forum.registered." + r.status(), r.position() == null ? "" : r.position()));
        status.setId("registration-status");
        status.getElement().getThemeList().add(r.status() == RegistrationStatus.CONFIRMED ? "badge success" : "badge");
        box.add(status);
        if (r.checkInCode() != null) {
            Span code = new Span(getTranslation("forum.check-in-code", r.checkInCode()));
            code.setId("check-in-code");
            Image qr = new Image(new StreamResource("check-in-" + r.id() + ".png",
                    () -> new ByteArrayInputStream(CheckInCodes.png(r.checkInCode()))), r.checkInCode());
            qr.setId("check-in-qr");
            qr.setWidth("12em");
            box.add(code, qr);
            if (r.checkedInAt() != null) {
                box.add(new Span(getTranslation("forum.checked-in", BeijingTime.minutes(r.checkedInAt()))));
            }
        }
        List<SessionDetails> groups = forum.agenda().stream().filter(s -> s.kind() == SessionKind.BREAKOUT).toList();
        if (r.status() == RegistrationStatus.CONFIRMED && !groups.isEmpty()) {
            box.add(breakout(r, groups));
        }
        Button cancel = new Button(getTranslation("forum.cancel"), e -> confirmCancel(forum, r));
        cancel.setId("cancel-registration");
        cancel.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        box.add(cancel);
        return box;
    }

    private Component breakout(RegistrationDetails r, List<SessionDetails> groups) {
        Select<SessionDetails> select = new Select<>();
        select.setId("breakout-select");
        select.setLabel(getTranslation("forum.breakout"));
        select.setItems(groups);
        select.setItemLabelGenerator(s -> s == null ? getTranslation("forum.breakout.none") : s.seatsLeft() == null ? s.title()
                : s.title() + getTranslation("text.aside", getTranslation("forum.agenda.places-left", s.seatsLeft())));
        select.setEmptySelectionAllowed(true);
        select.setEmptySelectionCaption(getTranslation("forum.breakout.none"));
        groups.stream().filter(s -> r.breakout() != null && s.id() == r.breakout()).findFirst().ifPresent(select::setValue);
        select.addValueChangeListener(e -> {
            if (!e.isFromClient()) {
                return;
            }
            try {
                registering.chooseBreakout(id, r.id(), e.getValue() == null ? null : e.getValue().id());
                Prompts.success(getTranslation("forum.breakout.saved"));
            } finally {
                render(); // show the choice as saved, or as it was when the group was full
            }
        });
        select.setWidthFull();
        return select;
    }

    private void confirmCancel(ForumDetails forum, RegistrationDetails r) {
        Dialog dialog = new Dialog();
        dialog.setId("cancel-dialog");
        dialog.add(new Paragraph(getTranslation("forum.cancel.confirm", forum.title())));
        Button yes = new Button(getTranslation("forum.cancel"), e -> {
            dialog.close();
            registering.cancel(id, r.id());
            Notification.show(getTranslation("forum.cancelled"), 3000, Notification.Position.BOTTOM_CENTER);
            render();
        });
        yes.setId("confirm-cancel");
        yes.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        Button keep = new Button(getTranslation("forum.cancel.keep"), e -> dialog.close());
        dialog.getFooter().add(keep, yes);
        dialog.open();
    }

    /** The host's share-out of seats per member, in roster order, with each member's registrations. */
    private Component shareOut(ForumDetails forum, List<RegistrationDetails> registrations,
                               List<CommunityDirectory.Member> members) {
        List<SeatShareOut.MemberLine> lines = members.stream().map(m -> new SeatShareOut.MemberLine(m.tenant(),
                m.name().in(getLocale()), forum.quotas().get(m.tenant()),
                count(registrations, m.tenant(), RegistrationStatus.CONFIRMED),
                count(registrations, m.tenant(), RegistrationStatus.WAITLISTED),
                count(registrations, m.tenant(), RegistrationStatus.PENDING))).toList();
        return new SeatShareOut(forum.capacity(), lines, shares -> {
            hosting.edit(id, IfMatch.version(forum.version()), ForumEdit.unchanged().withQuotas(shares));
            Prompts.success(getTranslation("forum.shares.saved"));
            render();
        });
    }

    private static int count(List<RegistrationDetails> registrations, String member, RegistrationStatus status) {
        return (int) registrations.stream().filter(r -> r.tenant().equals(member) && r.status() == status).count();
    }

    private Component hostDesk(ForumDetails forum, List<RegistrationDetails> registrations, Map<String, String> names) {
        VerticalLayout desk = new VerticalLayout();
        desk.setId("host-desk");
        desk.setPadding(false);
        Button edit = new Button(getTranslation("forum.edit"), e -> editForm(forum));
        edit.setId("edit-forum");
        desk.add(edit);
        TextField code = new TextField(getTranslation("forum.check-in.input"));
        code.setId("check-in-input");
        Button checkIn = new Button(getTranslation("forum.check-in.button"), e -> {
            RegistrationDetails done = checkInDesk.checkIn(id, code.getValue());
            Notification.show(getTranslation("forum.check-in.done", done.displayName()), 4000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            render();
        });
        checkIn.setId("check-in-button");
        checkIn.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout row = new HorizontalLayout(code, checkIn);
        row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        // the credit hours (学时) each person checked in earns on their training record
        BigDecimalField hours = new BigDecimalField(getTranslation("forum.credit-hours.input"));
        hours.setId("credit-hours-input");
        hours.setHelperText(getTranslation("forum.credit-hours.help"));
        hours.setValue(forum.creditHours());
        Button saveHours = new Button(getTranslation("forum.credit-hours.save"), e -> {
            checkInDesk.creditHours(id, hours.getValue());
            Prompts.success(getTranslation("forum.credit-hours.saved"));
            render();
        });
        saveHours.setId("save-credit-hours");
        HorizontalLayout hoursRow = new HorizontalLayout(hours, saveHours);
        hoursRow.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        hoursRow.getStyle().set("flex-wrap", "wrap");
        row.getStyle().set("flex-wrap", "wrap");

        Map<Long, String> groups = forum.agenda().stream().collect(Collectors.toMap(SessionDetails::id, SessionDetails::title));
        Grid<RegistrationDetails> grid = new Grid<>();
        grid.setId("registrations");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        grid.addColumn(RegistrationDetails::displayName).setHeader(getTranslation("forum.xlsx.name")).setFlexGrow(2);
        grid.addColumn(r -> names.getOrDefault(r.tenant(), r.tenant())).setHeader(getTranslation("forum.xlsx.tenant")).setFlexGrow(2);
        grid.addColumn(r -> getTranslation("forum.status." + r.status())).setHeader(getTranslation("forum.xlsx.status"));
        grid.addColumn(r -> r.breakout() == null ? "" : groups.getOrDefault(r.breakout(), ""))
                .setHeader(getTranslation("forum.xlsx.breakout")).setFlexGrow(2);
        grid.addColumn(r -> BeijingTime.minutes(r.checkedInAt())).setHeader(getTranslation("forum.xlsx.checked-in"));
        grid.setItems(registrations);

        Anchor download = new Anchor(new StreamResource("forum-" + id + "-registrations.xlsx", () -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try {
                RegistrantsWorkbook.write(forum, registrations, getLocale(), out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new ByteArrayInputStream(out.toByteArray());
        }), getTranslation("forum.download"));
        download.getElement().setAttribute("download", true);
        desk.add(new H3(getTranslation("forum.host-desk")), hoursRow, row);
        if (forum.approvalRequired() || registrations.stream().anyMatch(r -> r.status() == RegistrationStatus.PENDING)) {
            desk.add(approvalQueue(registrations, names));
        }
        desk.add(new H3(getTranslation("forum.registrations", registrations.size())), download, grid);
        return desk;
    }

    /** Registrations awaiting the host's approval, first come first: approve (a seat, else the waitlist) or reject. */
    private Component approvalQueue(List<RegistrationDetails> registrations, Map<String, String> names) {
        VerticalLayout queue = new VerticalLayout();
        queue.setId("approval-queue");
        queue.setPadding(false);
        List<RegistrationDetails> pending = registrations.stream().filter(r -> r.status() == RegistrationStatus.PENDING)
                .sorted(java.util.Comparator.comparing(RegistrationDetails::createdAt).thenComparing(RegistrationDetails::id))
                .toList();
        queue.add(new H3(getTranslation("forum.approval.title", pending.size())));
        if (pending.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("forum.approval.none"));
            none.addClassName("ec-empty");
            queue.add(none);
        }
        for (RegistrationDetails r : pending) {
            Span who = new Span(getTranslation("forum.approval.who", r.displayName(), names.getOrDefault(r.tenant(), r.tenant()),
                    BeijingTime.minutes(r.createdAt())));
            Button approve = new Button(getTranslation("forum.approval.approve"), e -> decide(r, "APPROVED"));
            approve.addClassName("approve-registration");
            approve.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_SUCCESS);
            approve.getElement().setAttribute("aria-label", getTranslation("forum.approval.approve-who", r.displayName()));
            Button reject = new Button(getTranslation("forum.approval.reject"), e -> decide(r, "REJECTED"));
            reject.addClassName("reject-registration");
            reject.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            reject.getElement().setAttribute("aria-label", getTranslation("forum.approval.reject-who", r.displayName()));
            HorizontalLayout line = new HorizontalLayout(who, approve, reject);
            line.addClassName("pending-registration");
            line.getElement().setAttribute("data-person", r.person());
            line.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
            line.getStyle().set("flex-wrap", "wrap");
            queue.add(line);
        }
        return queue;
    }

    private void decide(RegistrationDetails registration, String decision) {
        RegistrationDetails decided = registering.decide(id, registration.id(), decision);
        Prompts.success(getTranslation("forum.approval.decided", decided.displayName(),
                getTranslation("forum.status." + decided.status())));
        render();
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
