package org.educommons.membership;

import java.time.LocalDate;

/**
 * The joint council's decision on an application: {@code APPROVED} (with the meeting, its date and,
 * optionally, the new tenant's slug and English name) or {@code REJECTED} (with the reason). The
 * meeting may be left out when the application was scheduled for one.
 */
public record Decision(String decision, String meeting, LocalDate meetingDate, String reason, String slug,
                       String nameEn) {

    /** Approval at {@code meeting} on {@code date}; the new member's slug and English name may be left blank. */
    public static Decision approved(String meeting, LocalDate date, String slug, String nameEn) {
        return new Decision("APPROVED", meeting, date, null, slug, nameEn);
    }

    /** Rejection, for {@code reason}. */
    public static Decision rejected(String reason) {
        return new Decision("REJECTED", null, null, reason, null, null);
    }

    /** This decision, taken at the scheduled meeting when it names none itself. */
    Decision onMeeting(String scheduled, LocalDate scheduledDate) {
        boolean named = meeting != null && !meeting.isBlank();
        return new Decision(decision, named ? meeting : scheduled, named || meetingDate != null ? meetingDate : scheduledDate,
                reason, slug, nameEn);
    }
}
