package org.educommons.ui.membership;

import java.time.LocalDate;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.shared.Registration;

import org.educommons.membership.Decision;
import org.educommons.membership.JoinApplicationDetails;
import org.educommons.membership.JoinApplications;
import org.educommons.platform.i18n.BeijingTime;

/**
 * The secretariat's form for a joint council meeting (联席会): scheduling an application for one, or
 * approving it there, which also names the new member (its slug and English name). Named fields bound
 * to a {@link Draft}; the service checks them; the view hears {@link SaveEvent} and {@link CancelEvent}.
 */
public class MeetingForm extends FormLayout {

    /** What the form is for. */
    public enum Purpose { SCHEDULE, APPROVE }

    /** The meeting, and for an approval the new member's names. */
    public static class Draft {
        private String meeting;
        private LocalDate meetingDate;
        private String slug;
        private String nameEn;

        /** The meeting the application is scheduled for, else today; the English name it gave. */
        static Draft of(JoinApplicationDetails application) {
            Draft d = new Draft();
            d.meeting = application.meeting();
            d.meetingDate = application.meetingDate() == null ? LocalDate.now(BeijingTime.ZONE) : application.meetingDate();
            d.nameEn = application.nameEn();
            return d;
        }

        public String getMeeting() { return meeting; }
        public void setMeeting(String meeting) { this.meeting = meeting; }
        public LocalDate getMeetingDate() { return meetingDate; }
        public void setMeetingDate(LocalDate meetingDate) { this.meetingDate = meetingDate; }
        public String getSlug() { return slug; }
        public void setSlug(String slug) { this.slug = slug; }
        public String getNameEn() { return nameEn; }
        public void setNameEn(String nameEn) { this.nameEn = nameEn; }
    }

    private final TextField meeting = new TextField();
    private final DatePicker meetingDate = new DatePicker();
    private final TextField slug = new TextField();
    private final TextField nameEn = new TextField();
    private final Binder<Draft> binder = new Binder<>(Draft.class);
    private final Draft draft;
    private final Purpose purpose;

    public MeetingForm(Purpose purpose, JoinApplicationDetails application) {
        this.purpose = purpose;
        this.draft = Draft.of(application);
        meeting.setLabel(getTranslation("join.meeting-name"));
        meeting.setId("meeting-name");
        meetingDate.setLabel(getTranslation("join.meeting-date"));
        meetingDate.setId("meeting-date");
        slug.setLabel(getTranslation("join.slug"));
        slug.setId("new-member-slug");
        slug.setHelperText(getTranslation("join.slug-hint"));
        nameEn.setLabel(getTranslation("join.name-en"));
        nameEn.setId("new-member-name-en");
        binder.bindInstanceFields(this);
        binder.setBean(draft);
        add(meeting, meetingDate);
        if (purpose == Purpose.APPROVE) {
            add(slug, nameEn);
        }
        Button send = new Button(getTranslation(purpose == Purpose.APPROVE ? "join.approve" : "join.schedule"),
                e -> fireEvent(new SaveEvent(this)));
        send.setId("send-decision");
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button back = new Button(getTranslation("common.back"), e -> fireEvent(new CancelEvent(this)));
        HorizontalLayout buttons = new HorizontalLayout(back, send);
        add(buttons);
        setColspan(buttons, 2);
    }

    public Purpose purpose() {
        return purpose;
    }

    /** The meeting to schedule the application for. */
    public JoinApplications.Meeting meeting() {
        return new JoinApplications.Meeting(draft.meeting, draft.meetingDate);
    }

    /** The approval at that meeting, naming the new member. */
    public Decision approval() {
        return Decision.approved(draft.meeting, draft.meetingDate, draft.slug, draft.nameEn);
    }

    /** Schedule or approve was clicked. */
    public static class SaveEvent extends ComponentEvent<MeetingForm> {
        SaveEvent(MeetingForm source) {
            super(source, false);
        }
    }

    /** Back was clicked: nothing is sent. */
    public static class CancelEvent extends ComponentEvent<MeetingForm> {
        CancelEvent(MeetingForm source) {
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
