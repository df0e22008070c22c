package org.educommons.platform.i18n;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Times as people in the communities read them: Beijing time (Asia/Shanghai), whatever the server's zone. */
public final class BeijingTime {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");

    private BeijingTime() {
    }

    /** A date and time as read on a clock in Beijing (a form's field), as an instant; null stays null. */
    public static OffsetDateTime at(java.time.LocalDateTime time) {
        return time == null ? null : time.atZone(ZONE).toOffsetDateTime();
    }

    /** An instant as a clock in Beijing shows it, for a form's field; null stays null. */
    public static java.time.LocalDateTime local(OffsetDateTime time) {
        return time == null ? null : time.atZoneSameInstant(ZONE).toLocalDateTime();
    }

    /** {@code 2026-12-25 09:00}; empty for no time. */
    public static String minutes(OffsetDateTime time) {
        return time == null ? "" : time.atZoneSameInstant(ZONE).format(MINUTES);
    }

    /** {@code 2026-12-25 09:00:05}; empty for no time. */
    public static String seconds(OffsetDateTime time) {
        return time == null ? "" : time.atZoneSameInstant(ZONE).format(SECONDS);
    }

    /** {@code 09:00}; empty for no time. */
    public static String clock(OffsetDateTime time) {
        return time == null ? "" : time.atZoneSameInstant(ZONE).format(CLOCK);
    }
}
