package org.educommons.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;

import org.educommons.forum.ForumDetails;
import org.educommons.forum.ForumPermissions;
import org.educommons.forum.SessionDetails;
import org.educommons.forum.SessionKind;
import org.junit.jupiter.api.Test;

/** Feeds as a calendar reads them: ical4j parses them back, and every line keeps to RFC 5545's 75 octets. */
class IcsTest {

    static final OffsetDateTime START = OffsetDateTime.of(2026, 12, 25, 9, 0, 0, 0, ZoneOffset.ofHours(8));

    private static ForumDetails forum(long id, String title, OffsetDateTime starts, String description, List<SessionDetails> agenda) {
        return new ForumDetails(id, "luzhou", "chuannan-yuxi", title, description, "泸州市会议中心", starts, starts.plusHours(8),
                starts.minusDays(30), starts.minusDays(5), 60, false, null, Map.of(), null, 60, null, true, agenda, 0,
                new ForumPermissions(false, true, false));
    }

    private static List<VEvent> events(String ics) throws Exception {
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        return calendar.getComponents("VEVENT");
    }

    private static String value(VEvent event, String property) {
        return event.getProperty(property).orElseThrow().getValue();
    }

    @Test
    void aForumIsOneEventInUtcAndEachAgendaSessionAnotherThatALibraryReadsBack() throws Exception {
        SessionDetails keynote = new SessionDetails(31, SessionKind.KEYNOTE, "开幕式与主旨报告", "张教授", "主会场",
                START, START.plusHours(1), null, null);
        SessionDetails group = new SessionDetails(32, SessionKind.BREAKOUT, "第一组：课程改革", null, null,
                START.plusHours(3), START.plusHours(5), 20, 19);
        String ics = Ics.write("川南渝西教育共同体", CommunityCalendar.events(
                forum(7, "乡村教育振兴校长论坛", START, "专题报告与分组研讨", List.of(keynote, group))));

        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        assertThat(calendar.getProperty("X-WR-CALNAME").orElseThrow().getValue()).isEqualTo("川南渝西教育共同体");
        List<VEvent> events = events(ics);
        assertThat(events).hasSize(3);
        VEvent forum = events.get(0);
        assertThat(value(forum, "SUMMARY")).isEqualTo("乡村教育振兴校长论坛");
        assertThat(value(forum, "UID")).isEqualTo("forum-7@educommons");
        assertThat(value(forum, "LOCATION")).isEqualTo("泸州市会议中心");
        assertThat(value(forum, "DESCRIPTION")).isEqualTo("专题报告与分组研讨");
        assertThat(value(forum, "DTSTART")).isEqualTo("20261225T010000Z");
        assertThat(value(forum, "DTEND")).isEqualTo("20261225T090000Z");
        assertThat(forum.getProperty("DTSTAMP")).as("required by RFC 5545").isPresent();

        VEvent opening = events.get(1);
        assertThat(value(opening, "UID")).isEqualTo("forum-session-31@educommons");
        assertThat(value(opening, "SUMMARY")).isEqualTo("乡村教育振兴校长论坛 · 开幕式与主旨报告");
        assertThat(value(opening, "LOCATION")).isEqualTo("主会场，泸州市会议中心");
        assertThat(value(opening, "DESCRIPTION")).isEqualTo("张教授");
        assertThat(value(opening, "DTEND")).isEqualTo("20261225T020000Z");
        VEvent breakout = events.get(2);
        assertThat(value(breakout, "LOCATION")).as("no room: the forum's venue").isEqualTo("泸州市会议中心");
        assertThat(breakout.getProperty("DESCRIPTION")).as("no speaker, no description").isEmpty();
        assertThat(value(breakout, "DTSTART")).isEqualTo("20261225T040000Z");
    }

    @Test
    void aJointActivityIsAnAllDayEventEndingTheDayAfterItsLastAndACancelledOneSaysSo() throws Exception {
        String ics = Ics.write("共同体", List.of(
                CalendarEvent.allDay("activity-5@educommons", "送教送培：送教下乡", LocalDate.of(2027, 3, 1),
                        LocalDate.of(2027, 3, 3), "到自贡市农村学校", false),
                CalendarEvent.allDay("activity-6@educommons", "互派交流：跟岗学习", LocalDate.of(2027, 4, 8),
                        LocalDate.of(2027, 4, 8), null, true)));
        List<VEvent> events = events(ics);
        assertThat(events).hasSize(2);
        assertThat(ics).contains("DTSTART;VALUE=DATE:20270301\r\n").contains("DTEND;VALUE=DATE:20270304\r\n");
        assertThat(value(events.get(0), "SUMMARY")).isEqualTo("送教送培：送教下乡");
        assertThat(events.get(0).getProperty("STATUS")).isEmpty();
        assertThat(value(events.get(1), "DTEND")).as("one day").isEqualTo("20270409");
        assertThat(value(events.get(1), "STATUS")).isEqualTo("CANCELLED");
    }

    @Test
    void everyLineIsAtMost75OctetsFoldedBetweenCharactersAndUnfoldsToTheOriginal() throws Exception {
        String title = "论坛, 第一天; 报告";
        String description = "第一行\n第二行，逗号, 分号; 反斜杠 \\ " + "乡村教育振兴".repeat(40) + " mixed ASCII 😀 𠀋 text";
        String ics = Ics.write("川南渝西教育共同体（成渝地区双城经济圈教师教育联盟成员单位共同发起）",
                CommunityCalendar.events(forum(9, title, START.withOffsetSameInstant(ZoneOffset.ofHours(-5)), description, List.of())));

        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        int longestUnfolded = 0;
        for (String line : ics.split("\r\n")) {
            byte[] octets = line.getBytes(StandardCharsets.UTF_8);
            assertThat(octets.length).as(line).isLessThanOrEqualTo(75);
            try {
                decoder.decode(ByteBuffer.wrap(octets)); // each physical line is whole characters
            } catch (CharacterCodingException e) {
                throw new AssertionError("a character split across lines: " + line, e);
            }
        }
        for (String logical : ics.replace("\r\n ", "").split("\r\n")) {
            longestUnfolded = Math.max(longestUnfolded, logical.getBytes(StandardCharsets.UTF_8).length);
        }
        assertThat(longestUnfolded).as("the feed has lines that needed folding").isGreaterThan(130);

        VEvent event = events(ics).get(0);
        assertThat(value(event, "SUMMARY")).isEqualTo(title);
        assertThat(value(event, "DESCRIPTION")).isEqualTo(description);
        assertThat(value(event, "DTSTART")).as("UTC, whatever the offset given").isEqualTo("20261225T010000Z");
    }

    @Test
    void foldingCountsTheContinuationsLeadingSpace() {
        String line = "X".repeat(75 + 74 + 10);
        String folded = Ics.fold(line + "\r\n");
        assertThat(folded.split("\r\n")).containsExactly("X".repeat(75), " " + "X".repeat(74), " " + "X".repeat(10));
    }

    @Test
    void aCalendarWithoutEventsIsStillReadable() throws Exception {
        String ics = Ics.write("共同体", List.of());
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        assertThat(calendar.getComponents("VEVENT")).isEmpty();
        assertThat(calendar.getProperty("X-WR-CALNAME").orElseThrow().getValue()).isEqualTo("共同体");
        assertThat(ics).startsWith("BEGIN:VCALENDAR\r\n").endsWith("END:VCALENDAR\r\n");
    }
}
