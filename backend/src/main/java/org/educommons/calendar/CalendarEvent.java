package org.educommons.calendar;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One entry of a feed: either timed ({@code starts}/{@code ends}, written in UTC) or all-day
 * ({@code firstDay}..{@code lastDay}, both included). {@code uid} stays the same for the same thing
 * across downloads, so a calendar updates the entry instead of adding another.
 */
public record CalendarEvent(String uid, String summary, Instant starts, Instant ends, LocalDate firstDay,
                            LocalDate lastDay, String location, String description, boolean cancelled) {

    public static CalendarEvent timed(String uid, String summary, Instant starts, Instant ends, String location,
                                      String description) {
        return new CalendarEvent(uid, summary, starts, ends, null, null, location, description, false);
    }

    public static CalendarEvent allDay(String uid, String summary, LocalDate firstDay, LocalDate lastDay,
                                       String description, boolean cancelled) {
        return new CalendarEvent(uid, summary, null, null, firstDay, lastDay, null, description, cancelled);
    }

    public boolean isAllDay() {
        return firstDay != null;
    }
}
