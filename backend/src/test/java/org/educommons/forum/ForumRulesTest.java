package org.educommons.forum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.imageio.ImageIO;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;


import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.educommons.platform.i18n.Messages;
import org.educommons.platform.problem.ProblemException.FieldError;
import org.junit.jupiter.api.Test;

/** The forum's rules that need no database: what a forum and its agenda must say, an edit, the exports. */
class ForumRulesTest {

    /** A fixed morning, Beijing time: 2026-12-25 09:00 +08:00. */
    static final OffsetDateTime START = OffsetDateTime.of(2026, 12, 25, 9, 0, 0, 0, ZoneOffset.ofHours(8));

    private static ForumInput forum(Integer capacity, Map<String, Integer> quotas, List<SessionInput> agenda) {
        return new ForumInput("乡村教育振兴校长论坛", "说明", "泸州市会议中心", START, START.plusHours(8), START.minusDays(30),
                START.minusDays(5), capacity, false, quotas, null, agenda);
    }

    private static List<String> errors(List<FieldError> errors) {
        return errors.stream().map(e -> e.field() + ":" + e.messageKey()).toList();
    }

    @Test
    void aWellFormedForumHasNoErrors() {
        assertThat(forum(60, Map.of("luzhou", 12, "yongchuan", 8), List.of(
                new SessionInput("KEYNOTE", "开幕式", "张教授", "主会场", START, START.plusHours(1), null),
                new SessionInput("BREAKOUT", "第一组", null, "201", START.plusHours(3), START.plusHours(5), 20))).errors())
                .isEmpty();
    }

    @Test
    void everyMissingOrContradictoryFieldIsNamedAtOnce() {
        ForumInput nothing = new ForumInput(" ", null, "", null, null, null, null, null, null, null, null, null);
        assertThat(errors(nothing.errors())).containsExactly("title:validation.required", "venue:validation.required",
                "startsAt:validation.required", "endsAt:validation.required", "registrationOpensAt:validation.required",
                "registrationClosesAt:validation.required", "capacity:validation.forum.capacity");

        ForumInput backwards = new ForumInput("t", null, "v", START, START.minusHours(1), START, START.minusDays(1), 0,
                null, null, null, null);
        assertThat(errors(backwards.errors())).containsExactly("endsAt:validation.forum.ends-before-start",
                "registrationClosesAt:validation.forum.window", "capacity:validation.forum.capacity");

        ForumInput lateWindow = new ForumInput("t", null, "v", START, START.plusHours(8), START.minusDays(1),
                START.plusDays(1), 10, null, null, null, null);
        assertThat(errors(lateWindow.errors())).containsExactly("registrationClosesAt:validation.forum.closes-after-end");
        assertThat(errors(new ForumInput("x".repeat(201), null, "v", START, START.plusHours(1), START.minusDays(1),
                START, 1, null, null, null, null).errors())).containsExactly("title:validation.too-long");
    }

    @Test
    void quotasAreNonNegativeAndTogetherNoMoreThanTheCapacity() {
        Map<String, Integer> withoutSeats = new HashMap<>();
        withoutSeats.put("zigong", null);
        withoutSeats.put("neijiang", -1);
        assertThat(forum(10, withoutSeats, null).errors()).extracting(FieldError::messageKey)
                .containsExactlyInAnyOrder("validation.forum.quota", "validation.forum.quota");
        assertThat(errors(forum(10, Map.of("luzhou", 6, "yongchuan", 5), null).errors()))
                .containsExactly("quotas:validation.forum.quotas-exceed-capacity");
        assertThat(forum(10, Map.of("luzhou", 5, "yongchuan", 5, "jiangjin", 0), null).errors()).isEmpty();
    }

    @Test
    void aSessionLiesWithinTheForumAndOnlyABreakoutGroupHasACapacity() {
        SessionInput fine = new SessionInput("BREAKOUT", "第一组", null, null, START.plusHours(1), START.plusHours(2), 5);
        assertThat(fine.errors("agenda", START, START.plusHours(8))).isEmpty();
        assertThat(fine.parsedKind()).isEqualTo(SessionKind.BREAKOUT);

        SessionInput bad = new SessionInput("LUNCH", " ", null, null, START.plusHours(2), START.plusHours(1), 0);
        assertThat(errors(bad.errors("agenda", START, START.plusHours(8)))).containsExactly("agenda:validation.one-of",
                "agenda:validation.forum.session-title", "agenda:validation.forum.session-times",
                "agenda:validation.forum.session-capacity");

        SessionInput outside = new SessionInput("KEYNOTE", "闭幕式", null, null, START.plusDays(1), START.plusDays(1).plusHours(1), 30);
        List<FieldError> outsideErrors = outside.errors("agenda", START, START.plusHours(8));
        assertThat(errors(outsideErrors)).containsExactly("agenda:validation.forum.session-outside",
                "agenda:validation.forum.session-capacity");
        assertThat(outsideErrors.get(0).args()).containsExactly("闭幕式");
        assertThat(outside.errors("agenda", null, null)).as("no forum times known yet").hasSize(1);
    }

    @Test
    void aForumsAgendaIsCheckedWithTheForum() {
        ForumInput input = forum(10, null, List.of(
                new SessionInput("KEYNOTE", "开幕式", null, null, START.minusHours(1), START, null)));
        assertThat(errors(input.errors())).containsExactly("agenda:validation.forum.session-outside");
    }

    @Test
    void anEditKeepsWhatItLeavesOutAndZeroUnlinksThePlanItem() {
        ForumInput hosted = new ForumInput("原标题", "原说明", "泸州市会议中心", START, START.plusHours(8), START.minusDays(30),
                START.minusDays(5), 60, true, Map.of("luzhou", 12), 7L, List.of());
        Forum current = new Forum(1, 2, hosted, 7L);
        Map<String, Integer> quotas = new LinkedHashMap<>(Map.of("luzhou", 12));

        ForumInput untouched = new ForumEdit(null, null, null, null, null, null, null, null, null, null, null).merge(current, quotas);
        assertThat(untouched).usingRecursiveComparison().isEqualTo(hosted);

        ForumInput changed = new ForumEdit("新标题", null, "荣昌区会议中心", null, START.plusHours(9), null, null, 80, false,
                Map.of("luzhou", 20, "rongchang", 10), 0L).merge(current, quotas);
        assertThat(changed.title()).isEqualTo("新标题");
        assertThat(changed.description()).isEqualTo("原说明");
        assertThat(changed.venue()).isEqualTo("荣昌区会议中心");
        assertThat(changed.startsAt()).isEqualTo(START);
        assertThat(changed.endsAt()).isEqualTo(START.plusHours(9));
        assertThat(changed.capacity()).isEqualTo(80);
        assertThat(changed.approvalRequired()).isFalse();
        assertThat(changed.quotas()).containsExactlyInAnyOrderEntriesOf(Map.of("luzhou", 20, "rongchang", 10));
        assertThat(changed.planItem()).isNull();
        assertThat(new ForumEdit(null, null, null, null, null, null, null, null, null, Map.of(), 9L).merge(current, quotas))
                .satisfies(i -> {
                    assertThat(i.quotas()).isEmpty();
                    assertThat(i.planItem()).isEqualTo(9L);
                });

        Map<String, List<Object>> applied = current.apply(changed).asMap();
        assertThat(applied.keySet()).containsExactly("title", "venue", "endsAt", "capacity", "approvalRequired", "planItem");
        assertThat(applied.get("approvalRequired")).containsExactly(true, false);
        assertThat(applied.get("planItem")).containsExactly(7L, null);
        assertThat(current.apply(changed).isEmpty()).as("applying the same again changes nothing").isTrue();
    }

    @Test
    void theBoundariesOfTheForumAndItsWindow() {
        assertThat(errors(new ForumInput("t", null, "v", START, START, START.minusDays(1), START.minusHours(1), 1,
                null, null, null, null).errors())).as("a forum ends after it starts")
                .containsExactly("endsAt:validation.forum.ends-before-start");
        assertThat(errors(new ForumInput("t", null, "v", START, START.plusHours(1), START.minusDays(1), START.minusDays(1), 1,
                null, null, null, null).errors())).as("a window closes after it opens")
                .containsExactly("registrationClosesAt:validation.forum.window");
        assertThat(new ForumInput("x".repeat(200), null, "v", START, START.plusHours(1), START.minusDays(1), START.plusHours(1), 1,
                null, null, null, null).errors()).as("registration may stay open until the forum ends").isEmpty();
        assertThat(errors(new ForumInput("t", null, "v", START, START.plusHours(1), START.minusDays(1),
                START.plusHours(1).plusSeconds(1), 1, null, null, null, null).errors()))
                .containsExactly("registrationClosesAt:validation.forum.closes-after-end");
        assertThat(new ForumInput("t", null, "v", START, START.plusHours(1).withOffsetSameInstant(ZoneOffset.UTC),
                START.minusDays(1), START.plusHours(1), 1, null, null, null, null).errors())
                .as("times compare as instants, whatever their offsets").isEmpty();
    }

    @Test
    void withoutACapacityOnlyTheCapacityIsNamedNotTheQuotas() {
        assertThat(errors(forum(null, Map.of("luzhou", 500), null).errors())).containsExactly("capacity:validation.forum.capacity");
        assertThat(errors(forum(-3, null, null).errors())).as("no quotas were given, none can exceed")
                .containsExactly("capacity:validation.forum.capacity");
        assertThat(errors(forum(0, Map.of("luzhou", 5), null).errors())).containsExactly("capacity:validation.forum.capacity");
        assertThat(errors(forum(1, Map.of("luzhou", 1), null).errors())).isEmpty();
    }

    @Test
    void aQuotaErrorNamesTheMember() {
        assertThat(forum(10, Map.of("zigong", -2), null).errors()).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("quotas");
            assertThat(e.args()).containsExactly("zigong");
        });
    }

    @Test
    void emptyAgendaEntriesAreDroppedAndEverySessionIsChecked() {
        ForumInput input = forum(10, null, Arrays.asList(null,
                new SessionInput("KEYNOTE", "开幕式", null, null, START, START.plusHours(1), null), null,
                new SessionInput("BREAKOUT", "第二组", null, null, START.plusHours(2), START.plusHours(1), 10)));
        assertThat(input.agenda()).hasSize(2);
        assertThat(input.errors()).singleElement().satisfies(e -> {
            assertThat(e.messageKey()).isEqualTo("validation.forum.session-times");
            assertThat(e.args()).containsExactly("第二组");
        });
    }

    @Test
    void aSessionMayFillTheWholeForumAndItsKindIsReadByName() {
        assertThat(new SessionInput(" BREAKOUT ", "全天", null, null, START, START.plusHours(8), 1)
                .errors("agenda", START, START.plusHours(8))).isEmpty();
        assertThat(new SessionInput("KEYNOTE", "主旨报告", null, null, START, START.plusHours(1), null)
                .errors("agenda", START, START.plusHours(8))).isEmpty();
        assertThat(new SessionInput("keynote", "t", null, null, START, START.plusHours(1), null).parsedKind()).isNull();
        assertThat(new SessionInput(null, "t", null, null, START, START.plusHours(1), null).parsedKind()).isNull();

        SessionInput instant = new SessionInput("KEYNOTE", "x".repeat(201), null, null, START, START, null);
        assertThat(errors(instant.errors("startsAt", START, START.plusHours(8))))
                .containsExactly("startsAt:validation.too-long", "startsAt:validation.forum.session-times");
        SessionInput early = new SessionInput("KEYNOTE", " 签到 ", null, null, START.minusMinutes(30), START.plusMinutes(30), null);
        assertThat(early.errors("agenda", START, START.plusHours(8))).singleElement()
                .satisfies(e -> assertThat(e.args()).as("named by its trimmed title").containsExactly("签到"));
        SessionInput late = new SessionInput("KEYNOTE", "晚宴", null, null, START.plusHours(7), START.plusHours(8).plusMinutes(1), null);
        assertThat(errors(late.errors("agenda", START, START.plusHours(8)))).containsExactly("agenda:validation.forum.session-outside");
    }

    @Test
    void registrationIsOpenFromTheOpeningInstantUntilJustBeforeTheClosingOne() {
        Forum forum = new Forum(1, 2, forum(10, null, null), null);
        OffsetDateTime opens = START.minusDays(30);
        OffsetDateTime closes = START.minusDays(5);
        assertThat(forum.registrationOpenAt(opens.minusNanos(1))).isFalse();
        assertThat(forum.registrationOpenAt(opens)).isTrue();
        assertThat(forum.registrationOpenAt(opens.withOffsetSameInstant(ZoneOffset.UTC))).as("the same instant in UTC").isTrue();
        assertThat(forum.registrationOpenAt(closes.minusNanos(1))).isTrue();
        assertThat(forum.registrationOpenAt(closes)).isFalse();
        assertThat(forum.registrationOpenAt(START)).isFalse();
    }

    @Test
    void aNewForumTrimsItsTitleAndVenueAndTheSameInstantElsewhereIsNoChange() {
        Forum forum = new Forum(1, 2, new ForumInput("  论坛  ", null, " 泸州市会议中心 ", START, START.plusHours(8),
                START.minusDays(30), START.minusDays(5), 60, null, null, null, null), null);
        assertThat(forum.title()).isEqualTo("论坛");
        assertThat(forum.venue()).isEqualTo("泸州市会议中心");
        assertThat(forum.approvalRequired()).as("approval is off unless asked for").isFalse();
        assertThat(forum.planItemId()).isNull();

        ForumInput inUtc = new ForumInput("论坛 ", null, "泸州市会议中心", START.withOffsetSameInstant(ZoneOffset.UTC),
                START.plusHours(8).withOffsetSameInstant(ZoneOffset.UTC), START.minusDays(30), START.minusDays(5), 60, false, null,
                null, null);
        assertThat(forum.apply(inUtc).asMap()).as("the same instants in another offset are no change").isEmpty();
        assertThat(forum.startsAt().getOffset()).as("the stored time is kept as it was").isEqualTo(ZoneOffset.ofHours(8));

        Map<String, List<Object>> moved = forum.apply(new ForumInput("论坛", "说明", "泸州市会议中心", START.plusDays(1),
                START.plusDays(1).plusHours(8), START.minusDays(30), START.minusDays(5), 60, false, null, null, null)).asMap();
        assertThat(moved.keySet()).containsExactly("description", "startsAt", "endsAt");
        assertThat(moved.get("startsAt")).containsExactly(START, START.plusDays(1));
        assertThat(moved.get("description")).containsExactly(null, "说明");
    }

    @Test
    void anEditLeavesTheAgendaToItsOwnChecks() {
        ForumInput hosted = new ForumInput("论坛", null, "v", START, START.plusHours(8), START.minusDays(30), START.minusDays(5), 60,
                false, null, null, List.of(new SessionInput("KEYNOTE", "开幕式", null, null, START, START.plusHours(1), null)));
        Forum current = new Forum(1, 2, hosted, null);
        ForumInput moved = new ForumEdit(null, null, null, START.plusDays(1), START.plusDays(1).plusHours(8), null, null, null, null,
                null, null).merge(current, Map.of());
        assertThat(moved.agenda()).isEmpty();
        assertThat(moved.errors()).isEmpty();
        assertThat(errors(new ForumEdit(null, null, null, null, START.minusHours(1), null, null, 0, null, null, null)
                .merge(current, Map.of()).errors()))
                .as("the merged forum is validated as a whole")
                .containsExactly("endsAt:validation.forum.ends-before-start", "capacity:validation.forum.capacity");
        assertThat(errors(new ForumEdit(null, null, null, null, null, null, START.plusDays(1), null, null, null, null)
                .merge(current, Map.of()).errors())).containsExactly("registrationClosesAt:validation.forum.closes-after-end");
    }

    private static ForumDetails view(long id, String title, OffsetDateTime starts, String description, List<SessionDetails> agenda) {
        return new ForumDetails(id, "luzhou", "chuannan-yuxi", title, description, "泸州市会议中心", starts, starts.plusHours(8),
                starts.minusDays(30), starts.minusDays(5), 60, false, null, Map.of(), null, 60, null, true, agenda, 0,
                new ForumPermissions(false, true, false));
    }

    private static RegistrationDetails registration(long id, String tenant, String person, RegistrationStatus status,
                                                 Integer position, OffsetDateTime checkedIn, Long breakout) {
        return new RegistrationDetails(id, 7, person, person + " 校长", tenant, status, position, person, START.minusDays(10),
                status == RegistrationStatus.CONFIRMED ? "CODE" + id : null, checkedIn, breakout);
    }

    @Test
    void theRegistrantsSpreadsheetIsGroupedByMemberWithStatusCheckInAndGroup() throws Exception {
        SessionDetails group = new SessionDetails(31, SessionKind.BREAKOUT, "第一组：课程改革", null, null, START, START.plusHours(2), 20, 19);
        ForumDetails forum = view(7, "乡村教育振兴校长论坛", START, null, List.of(group));
        List<RegistrationDetails> registrations = List.of(
                registration(5, "yongchuan", "yongchuan.principal1", RegistrationStatus.WAITLISTED, 1, null, null),
                registration(2, "luzhou", "luzhou.principal2", RegistrationStatus.CONFIRMED, null, START.plusMinutes(5), 31L),
                registration(1, "luzhou", "luzhou.principal1", RegistrationStatus.CANCELLED, null, null, null));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RegistrantsWorkbook.write(forum, registrations, Locale.SIMPLIFIED_CHINESE, out);

        List<List<String>> rows = new ArrayList<>();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getSheetName()).isEqualTo("报名名单");
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                row.forEach(c -> cells.add(c.getStringCellValue()));
                rows.add(cells);
            }
        }
        assertThat(rows).containsExactly(
                List.of("乡村教育振兴校长论坛"),
                List.of("成员单位", "账号", "姓名", "状态", "候补顺位", "报名人", "签到时间", "分组研讨"),
                List.of("luzhou", "luzhou.principal1", "luzhou.principal1 校长", "已取消", "", "luzhou.principal1", "", ""),
                List.of("luzhou", "luzhou.principal2", "luzhou.principal2 校长", "已确认", "", "luzhou.principal2",
                        "2026-12-25 09:05:00", "第一组：课程改革"),
                List.of("yongchuan", "yongchuan.principal1", "yongchuan.principal1 校长", "候补", "1", "yongchuan.principal1", "", ""));
    }
    @Test
    void theRegistrantsSpreadsheetHasATextForEveryStatusInEnglishToo() throws Exception {
        ForumDetails forum = view(7, "Rural education forum", START, null, List.of());
        List<RegistrationDetails> registrations = new ArrayList<>();
        long id = 1;
        for (RegistrationStatus status : RegistrationStatus.values()) {
            registrations.add(registration(id++, "luzhou", "luzhou.p" + id, status, null, null,
                    status == RegistrationStatus.CONFIRMED ? 99L : null));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RegistrantsWorkbook.write(forum, registrations, Locale.ENGLISH, out);
        List<List<String>> rows = new ArrayList<>();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getSheetName()).isEqualTo("Registrations");
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                row.forEach(c -> cells.add(c.getStringCellValue()));
                rows.add(cells);
            }
        }
        assertThat(rows.get(1)).containsExactly("Member", "Account", "Name", "Status", "Waitlist place", "Registered by",
                "Checked in", "Breakout group");
        List<List<String>> data = rows.subList(2, rows.size());
        assertThat(data).extracting(r -> r.get(3)).containsExactlyElementsOf(Arrays.stream(RegistrationStatus.values())
                .map(s -> Messages.get(Locale.ENGLISH, "forum.status." + s)).toList())
                .doesNotHaveDuplicates().noneMatch(t -> t.startsWith("forum."));
        assertThat(data).extracting(r -> r.get(7)).as("a group no longer on the agenda is left blank").containsOnly("");
    }

    @Test
    void aCheckInCodeBecomesAQrImageThatReadsBackAsTheCode() throws Exception {
        for (String code : List.of("3F9A0C1B7E2D", "A")) {
            byte[] png = CheckInCodes.png(code);
            assertThat(Arrays.copyOf(png, 8)).as("a PNG file")
                    .containsExactly(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A);
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
            assertThat(image.getWidth()).isEqualTo(320);
            assertThat(image.getHeight()).isEqualTo(320);
            int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
            String read = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                    new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)))).getText();
            assertThat(read).isEqualTo(code);
        }
        assertThatThrownBy(() -> CheckInCodes.png("")).isInstanceOf(IllegalArgumentException.class);
    }
}
