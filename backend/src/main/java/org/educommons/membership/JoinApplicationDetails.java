package org.educommons.membership;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** An application as the secretariat sees it (the applicant sees its id and status). */
public record JoinApplicationDetails(long id, String community, String name, String nameEn, String kind, String region,
                                  String parent, String contactName, String contactEmail, String reason, String status,
                                  String meeting, LocalDate meetingDate, String rejectionReason, String tenant,
                                  OffsetDateTime createdAt, int version) implements Decided {
}
