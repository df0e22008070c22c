package org.educommons.membership;

import java.time.OffsetDateTime;

/** The result of an approval: the application, and the single-use invitation for the first administrator. */
public record Approved(JoinApplicationView application, String adminUsername, String invitationToken,
                       OffsetDateTime invitationExpiresAt) {
}
