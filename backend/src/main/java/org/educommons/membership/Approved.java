package org.educommons.membership;

import java.time.OffsetDateTime;

/**
 * The result of an approval: the application, and to whom the first administrator's single-use
 * invitation was mailed. The invitation itself goes to that mailbox only.
 */
public record Approved(JoinApplicationDetails application, String adminUsername, String invitationSentTo,
                       OffsetDateTime invitationExpiresAt) implements Decided {
}
