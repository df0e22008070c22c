package org.educommons.forum;

import java.util.List;

import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/** Forums as iCalendar (RFC 5545, ical4j): one event per forum, times in UTC. */
public final class ForumCalendar {

    public static final String MEDIA_TYPE = "text/calendar; charset=UTF-8";

    private ForumCalendar() {
    }

    public static String ics(String calendarName, List<ForumDetails> forums) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//EduCommons//教育共同体协作平台//ZH"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(ImmutableMethod.PUBLISH);
        calendar.add(new XProperty("X-WR-CALNAME", calendarName));
        for (ForumDetails f : forums) {
            VEvent event = new VEvent(f.startsAt().toInstant(), f.endsAt().toInstant(), f.title());
            event.add(new Uid("forum-" + f.id() + "@educommons"));
            event.add(new Location(f.venue()));
            if (f.description() != null) {
                event.add(new Description(f.description()));
            }
            calendar.add(event);
        }
        try (var out = new java.io.StringWriter()) {
            new CalendarOutputter(true).output(calendar, out);
            return out.toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
