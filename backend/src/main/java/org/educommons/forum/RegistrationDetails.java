package org.educommons.forum;

import java.time.OffsetDateTime;

/**
 * A registration: who, of which member, its status and, while waitlisted, its place in the queue;
 * once confirmed, its check-in code (also as a QR image) and when it was used, and the breakout group
 * chosen.
 */
public record RegistrationDetails(long id, long forum, String person, String displayName, String tenant,
                               RegistrationStatus status, Integer position, String registeredBy,
                               OffsetDateTime createdAt, String checkInCode, OffsetDateTime checkedInAt, Long breakout) {
}
