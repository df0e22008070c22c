package org.educommons.calendar;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.educommons.activity.ActivityProposals;
import org.educommons.activity.ActivityStatus;
import org.educommons.forum.ForumDetails;
import org.educommons.forum.ForumHosting;
import org.educommons.forum.SessionDetails;
import org.educommons.platform.i18n.Messages;
import org.educommons.tenancy.CommunitySlug;
import org.educommons.tenancy.TenantTransactional;

/**
 * What a calendar shows of a community or a forum: each forum, each of its agenda sessions, and each
 * joint activity the caller can see (all-day, marked cancelled when it was). Visibility is the
 * capabilities' own: forums and activities are read as their screens read them.
 */
@ApplicationScoped
@TenantTransactional
public class CommunityCalendar {

    @Inject
    ForumHosting forums;

    @Inject
    ActivityProposals activities;

    /** A named feed. */
    public record Feed(String name, List<CalendarEvent> events) {
    }

    /** The community's forums, their sessions and its joint activities, named in {@code locale}'s language. */
    public Feed community(CommunitySlug community, Locale locale) {
        ForumHosting.Calendar calendar = forums.calendar(community, locale);
        List<CalendarEvent> events = new ArrayList<>();
        calendar.forums().forEach(f -> events.addAll(events(f)));
        for (ActivityProposals.Dated a : activities.calendar(community)) {
            events.add(CalendarEvent.allDay("activity-" + a.id() + "@educommons",
                    Messages.get(locale, "activity.type." + a.type().name()) + "：" + a.title(), a.startsOn(), a.endsOn(),
                    a.description(), a.status() == ActivityStatus.CANCELLED));
        }
        return new Feed(calendar.name(), events);
    }

    /** One forum with its agenda sessions. */
    public Feed forum(long id) {
        ForumDetails forum = forums.forum(id);
        return new Feed(forum.title(), events(forum));
    }

    /** A forum and each session of its agenda (in the session's room, else at the forum's venue). */
    static List<CalendarEvent> events(ForumDetails f) {
        List<CalendarEvent> events = new ArrayList<>();
        events.add(CalendarEvent.timed("forum-" + f.id() + "@educommons", f.title(), f.startsAt().toInstant(),
                f.endsAt().toInstant(), f.venue(), f.description()));
        for (SessionDetails s : f.agenda()) {
            String room = s.room() == null || s.room().isBlank() ? f.venue() : s.room() + "，" + f.venue();
            events.add(CalendarEvent.timed("forum-session-" + s.id() + "@educommons", f.title() + " · " + s.title(),
                    s.startsAt().toInstant(), s.endsAt().toInstant(), room, s.speaker()));
        }
        return events;
    }
}
