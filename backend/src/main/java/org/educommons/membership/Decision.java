package org.educommons.membership;

import java.time.LocalDate;

/**
 * The joint council's decision on an application: {@code APPROVED} (with the meeting, its date and,
 * optionally, the new tenant's slug and English name) or {@code REJECTED} (with the reason).
 */
public record Decision(String decision, String meeting, LocalDate meetingDate, String reason, String slug,
                       String nameEn) {
}
