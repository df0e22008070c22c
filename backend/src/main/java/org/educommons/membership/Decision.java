package org.educommons.membership;

import java.time.LocalDate;

/**
 * The joint council's decision on an application: {@code APPROVED} (with the meeting, its date and,
 * optionally, the new tenant's slug and English name) or {@code REJECTED} (with the reason). The
 * meeting may be left out when the application was scheduled for one.
 */
public record Decision(String decision, String meeting, LocalDate meetingDate, String reason, String slug,
                       String nameEn) {

    /** This decision, taken at the scheduled meeting when it names none itself. */
    Decision onMeeting(String scheduled, LocalDate scheduledDate) {
        boolean named = meeting != null && !meeting.isBlank();
        return new Decision(decision, named ? meeting : scheduled, named || meetingDate != null ? meetingDate : scheduledDate,
                reason, slug, nameEn);
    }
}
