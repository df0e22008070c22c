package org.educommons.ui.forum;

import java.time.LocalDateTime;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.shared.Registration;

import org.educommons.forum.SessionInput;
import org.educommons.forum.SessionKind;
import org.educommons.platform.i18n.BeijingTime;

/**
 * The form a host adds a session to a forum's agenda with: named fields bound to a {@link Draft};
 * the service checks them (within the forum's times, a capacity only for breakout groups) and the
 * view hears {@link SaveEvent} and {@link CancelEvent}.
 */
public class SessionForm extends FormLayout {

    /** The session as entered (times in Beijing time). */
    public static class Draft {
        private SessionKind kind = SessionKind.KEYNOTE;
        private String title;
        private String speaker;
        private String room;
        private LocalDateTime startsAt;
        private LocalDateTime endsAt;
        private Integer capacity;

        /** A keynote of an hour from {@code start}. */
        static Draft startingAt(LocalDateTime start) {
            Draft d = new Draft();
            d.startsAt = start;
            d.endsAt = start.plusHours(1);
            return d;
        }

        SessionInput toInput() {
            return new SessionInput(kind == null ? null : kind.name(), title, speaker, room,
                    startsAt == null ? null : BeijingTime.at(startsAt), endsAt == null ? null : BeijingTime.at(endsAt), capacity);
        }

        public SessionKind getKind() { return kind; }
        public void setKind(SessionKind kind) { this.kind = kind; }
        public String getTitle() { return title; }
        public void setTitle(String title) { this.title = title; }
        public String getSpeaker() { return speaker; }
        public void setSpeaker(String speaker) { this.speaker = speaker; }
        public String getRoom() { return room; }
        public void setRoom(String room) { this.room = room; }
        public LocalDateTime getStartsAt() { return startsAt; }
        public void setStartsAt(LocalDateTime startsAt) { this.startsAt = startsAt; }
        public LocalDateTime getEndsAt() { return endsAt; }
        public void setEndsAt(LocalDateTime endsAt) { this.endsAt = endsAt; }
        public Integer getCapacity() { return capacity; }
        public void setCapacity(Integer capacity) { this.capacity = capacity; }
    }

    private final Select<SessionKind> kind = new Select<>();
    private final TextField title = new TextField();
    private final TextField speaker = new TextField();
    private final TextField room = new TextField();
    private final DateTimePicker startsAt = new DateTimePicker();
    private final DateTimePicker endsAt = new DateTimePicker();
    private final IntegerField capacity = new IntegerField();
    private final Binder<Draft> binder = new Binder<>(Draft.class);
    private final Draft draft;

    public SessionForm(Draft draft) {
        this.draft = draft;
        kind.setLabel(getTranslation("forum.form.kind"));
        kind.setId("session-kind");
        kind.setItems(SessionKind.values());
        kind.setItemLabelGenerator(k -> getTranslation("forum.agenda." + k.name()));
        title.setLabel(getTranslation("forum.form.session-title"));
        title.setId("session-title");
        speaker.setLabel(getTranslation("forum.form.speaker"));
        speaker.setId("session-speaker");
        room.setLabel(getTranslation("forum.form.room"));
        room.setId("session-room");
        startsAt.setLabel(getTranslation("forum.form.starts"));
        startsAt.setId("session-starts");
        endsAt.setLabel(getTranslation("forum.form.ends"));
        endsAt.setId("session-ends");
        capacity.setLabel(getTranslation("forum.form.session-capacity"));
        capacity.setId("session-capacity");
        binder.bindInstanceFields(this);
        binder.setBean(draft);
        Button save = new Button(getTranslation("forum.form.save"), e -> fireEvent(new SaveEvent(this)));
        save.setId("session-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("common.back"), e -> fireEvent(new CancelEvent(this)));
        HorizontalLayout buttons = new HorizontalLayout(cancel, save);
        add(kind, title, speaker, room, startsAt, endsAt, capacity, buttons);
        setColspan(buttons, 2);
    }

    /** The session to add, from what the form holds. */
    public SessionInput input() {
        return draft.toInput();
    }

    /** Save was clicked. */
    public static class SaveEvent extends ComponentEvent<SessionForm> {
        SaveEvent(SessionForm source) {
            super(source, false);
        }
    }

    /** Back was clicked: nothing is added. */
    public static class CancelEvent extends ComponentEvent<SessionForm> {
        CancelEvent(SessionForm source) {
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
