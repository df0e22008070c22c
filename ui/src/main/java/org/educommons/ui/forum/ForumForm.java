package org.educommons.ui.forum;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.shared.Registration;

import org.educommons.forum.ForumDetails;
import org.educommons.forum.ForumEdit;
import org.educommons.forum.ForumInput;
import org.educommons.platform.i18n.BeijingTime;

/**
 * The form a forum is hosted with, or changed with afterwards (where, when, seats, approval): named
 * fields bound to a {@link Draft} by a {@link Binder}. It checks nothing itself — the service does,
 * and the view shows its answer — and tells the view by events: {@link SaveEvent}, {@link CancelEvent}.
 */
public class ForumForm extends FormLayout {

    /** What the form edits: a forum being hosted, or the changeable part of one. */
    public enum Mode { HOST, EDIT }

    /** The form's values, as people enter them (times in Beijing time). */
    public static class Draft {
        private String title;
        private String description;
        private String venue;
        private LocalDateTime startsAt;
        private LocalDateTime endsAt;
        private LocalDateTime registrationOpensAt;
        private LocalDateTime registrationClosesAt;
        private Integer capacity;
        private boolean approvalRequired;

        /** A new forum: registration opens now. */
        static Draft forNewForum() {
            Draft d = new Draft();
            d.registrationOpensAt = LocalDateTime.now(BeijingTime.ZONE).withNano(0);
            return d;
        }

        /** The forum as it is, to change. */
        static Draft of(ForumDetails forum) {
            Draft d = new Draft();
            d.title = forum.title();
            d.description = forum.description();
            d.venue = forum.venue();
            d.startsAt = BeijingTime.local(forum.startsAt());
            d.endsAt = BeijingTime.local(forum.endsAt());
            d.registrationOpensAt = BeijingTime.local(forum.registrationOpensAt());
            d.registrationClosesAt = BeijingTime.local(forum.registrationClosesAt());
            d.capacity = forum.capacity();
            d.approvalRequired = forum.approvalRequired();
            return d;
        }

        /** The forum to host: no quotas, no plan item, no agenda yet (the forum's page adds them). */
        ForumInput toInput() {
            return new ForumInput(title, description, venue, at(startsAt), at(endsAt), at(registrationOpensAt),
                    at(registrationClosesAt), capacity, approvalRequired, Map.of(), null, List.of());
        }

        /** The change: only what this form shows. */
        ForumEdit toEdit() {
            return ForumEdit.unchanged().withVenue(venue).withTimes(at(startsAt), at(endsAt))
                    .withRegistrationClosesAt(at(registrationClosesAt)).withCapacity(capacity)
                    .withApprovalRequired(approvalRequired);
        }

        private static java.time.OffsetDateTime at(LocalDateTime time) {
            return time == null ? null : BeijingTime.at(time);
        }

        public String getTitle() { return title; }
        public void setTitle(String title) { this.title = title; }
        public String getDescription() { return description; }
        public void setDescription(String description) { this.description = description; }
        public String getVenue() { return venue; }
        public void setVenue(String venue) { this.venue = venue; }
        public LocalDateTime getStartsAt() { return startsAt; }
        public void setStartsAt(LocalDateTime startsAt) { this.startsAt = startsAt; }
        public LocalDateTime getEndsAt() { return endsAt; }
        public void setEndsAt(LocalDateTime endsAt) { this.endsAt = endsAt; }
        public LocalDateTime getRegistrationOpensAt() { return registrationOpensAt; }
        public void setRegistrationOpensAt(LocalDateTime at) { this.registrationOpensAt = at; }
        public LocalDateTime getRegistrationClosesAt() { return registrationClosesAt; }
        public void setRegistrationClosesAt(LocalDateTime at) { this.registrationClosesAt = at; }
        public Integer getCapacity() { return capacity; }
        public void setCapacity(Integer capacity) { this.capacity = capacity; }
        public boolean isApprovalRequired() { return approvalRequired; }
        public void setApprovalRequired(boolean approvalRequired) { this.approvalRequired = approvalRequired; }
    }

    private final TextField title = new TextField();
    private final TextField venue = new TextField();
    private final TextArea description = new TextArea();
    private final DateTimePicker startsAt = new DateTimePicker();
    private final DateTimePicker endsAt = new DateTimePicker();
    private final DateTimePicker registrationOpensAt = new DateTimePicker();
    private final DateTimePicker registrationClosesAt = new DateTimePicker();
    private final IntegerField capacity = new IntegerField();
    private final Checkbox approvalRequired = new Checkbox();
    private final Binder<Draft> binder = new Binder<>(Draft.class);
    private final Draft draft;
    private final Mode mode;

    public ForumForm(Mode mode, Draft draft) {
        this.mode = mode;
        this.draft = draft;
        title.setLabel(getTranslation("forum.form.title"));
        title.setId("forum-form-title");
        venue.setLabel(getTranslation("forum.form.venue"));
        venue.setId("forum-form-venue");
        description.setLabel(getTranslation("forum.form.description"));
        startsAt.setLabel(getTranslation("forum.form.starts"));
        startsAt.setId("forum-form-starts");
        endsAt.setLabel(getTranslation("forum.form.ends"));
        endsAt.setId("forum-form-ends");
        registrationOpensAt.setLabel(getTranslation("forum.form.opens"));
        registrationOpensAt.setId("forum-form-opens");
        registrationClosesAt.setLabel(getTranslation("forum.form.closes"));
        registrationClosesAt.setId("forum-form-closes");
        capacity.setLabel(getTranslation("forum.form.capacity"));
        capacity.setId("forum-form-capacity");
        capacity.setMin(1);
        approvalRequired.setLabel(getTranslation("forum.form.approval"));
        approvalRequired.setId("forum-form-approval");
        binder.bindInstanceFields(this);
        binder.setBean(draft);

        Button save = new Button(getTranslation(mode == Mode.HOST ? "forum.form.submit" : "forum.form.save"),
                e -> fireEvent(new SaveEvent(this)));
        save.setId("forum-form-submit");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("forum.form.cancel"), e -> fireEvent(new CancelEvent(this)));
        cancel.setId("forum-form-cancel");
        HorizontalLayout buttons = new HorizontalLayout(cancel, save);
        if (mode == Mode.HOST) {
            add(title, venue, startsAt, endsAt, registrationOpensAt, registrationClosesAt, capacity, approvalRequired, description);
            setColspan(description, 2);
        } else {
            add(venue, capacity, startsAt, endsAt, registrationClosesAt, approvalRequired);
        }
        add(buttons);
        setColspan(buttons, 2);
    }

    /** A forum to host, from what the form holds. */
    public ForumInput input() {
        return draft.toInput();
    }

    /** The change of the forum, from what the form holds. */
    public ForumEdit edit() {
        return draft.toEdit();
    }

    public Mode mode() {
        return mode;
    }

    /** Something the form tells its view. */
    public abstract static class FormEvent extends ComponentEvent<ForumForm> {
        protected FormEvent(ForumForm source) {
            super(source, false);
        }
    }

    /** Save was clicked: the view hands {@link #input()} or {@link #edit()} to the service. */
    public static class SaveEvent extends FormEvent {
        SaveEvent(ForumForm source) {
            super(source);
        }
    }

    /** Cancel was clicked: nothing is saved. */
    public static class CancelEvent extends FormEvent {
        CancelEvent(ForumForm source) {
            super(source);
        }
    }

    public Registration addSaveListener(ComponentEventListener<SaveEvent> listener) {
        return addListener(SaveEvent.class, listener);
    }

    public Registration addCancelListener(ComponentEventListener<CancelEvent> listener) {
        return addListener(CancelEvent.class, listener);
    }
}
