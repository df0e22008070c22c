package org.educommons.calendar;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/** Writes feeds as iCalendar with ical4j, content lines folded at 75 octets as RFC 5545 (3.1) asks. */
public final class Ics {

    public static final String MEDIA_TYPE = "text/calendar; charset=UTF-8";

    /** Octets of a content line before it is folded, the line break not counted (RFC 5545, 3.1). */
    static final int LINE_OCTETS = 75;

    private Ics() {
    }

    public static String write(String calendarName, List<CalendarEvent> events) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//EduCommons//教育共同体协作平台//ZH"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(ImmutableMethod.PUBLISH);
        calendar.add(new XProperty("X-WR-CALNAME", calendarName));
        for (CalendarEvent e : events) {
            VEvent event = e.isAllDay()
                    // DTEND of an all-day event is the day after its last (RFC 5545, 3.6.1)
                    ? new VEvent(e.firstDay(), e.lastDay().plusDays(1), e.summary())
                    : new VEvent(e.starts(), e.ends(), e.summary());
            event.add(new Uid(e.uid()));
            if (e.location() != null && !e.location().isBlank()) {
                event.add(new Location(e.location()));
            }
            if (e.description() != null && !e.description().isBlank()) {
                event.add(new Description(e.description()));
            }
            if (e.cancelled()) {
                event.add(new Status(Status.VALUE_CANCELLED));
            }
            calendar.add(event);
        }
        // ical4j folds by characters (a line of Chinese text can reach three times 75 octets): it writes
        // unfolded lines here, and fold() folds them by octets
        try (StringWriter out = new StringWriter()) {
            new CalendarOutputter(true, Integer.MAX_VALUE).output(calendar, out);
            return fold(out.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Folds every content line of {@code ics} (lines end with CRLF) into lines of at most 75 octets of
     * UTF-8, each continuation starting with a space, never inside a character.
     */
    static String fold(String ics) {
        StringBuilder folded = new StringBuilder(ics.length() + ics.length() / 20);
        String unfolded = ics.replace("\r\n ", "").replace("\r\n\t", ""); // as a reader would (RFC 5545, 3.1)
        for (String line : unfolded.split("\r\n", -1)) {
            if (line.isEmpty()) {
                continue; // the text ends with CRLF: nothing follows the last one
            }
            int octets = 0;
            int limit = LINE_OCTETS;
            for (int i = 0; i < line.length(); ) {
                int codePoint = line.codePointAt(i);
                int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
                if (octets + size > limit) {
                    folded.append("\r\n ");
                    octets = 1; // the leading space of the continuation line counts
                    limit = LINE_OCTETS;
                }
                folded.appendCodePoint(codePoint);
                octets += size;
                i += Character.charCount(codePoint);
            }
            folded.append("\r\n");
        }
        return folded.toString();
    }
}
