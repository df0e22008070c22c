package org.educommons.forum;

import java.time.OffsetDateTime;

/**
 * A session of a forum's agenda; for a breakout group with a capacity, the places left in it
 * ({@code null} without a capacity, and for keynotes).
 */
public record SessionDetails(long id, SessionKind kind, String title, String speaker, String room,
                          OffsetDateTime startsAt, OffsetDateTime endsAt, Integer capacity, Integer seatsLeft) {
}
