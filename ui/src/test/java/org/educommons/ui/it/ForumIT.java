package org.educommons.ui.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;

import org.educommons.testing.TestDatabase;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Joint forums and registration through the API on a real server and database. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ForumIT {

    private static final String FORUMS = "api/v1/communities/chuannan-yuxi/forums";

    @Deployment(testable = false)
    static WebArchive application() {
        return Deployments.application();
    }

    @ArquillianResource
    URL base;

    Api api;
    String luzhou;

    @BeforeEach
    void signIn() {
        api = new Api(base);
        luzhou = api.tokenFor("luzhou.admin");
    }

    private static String at(long days) {
        return Api.daysFromNow(days);
    }

    /** A forum hosted by 泸州, registration open now. */
    private long host(String title, int capacity, String quotas, boolean approval) {
        return api.hostForum(luzhou, title, capacity, quotas, approval);
    }

    private Api.Reply register(long forum, String token) {
        return api.post("api/v1/forums/" + forum + "/registrations", "{}", Api.bearer(token));
    }

    @Test
    void hostingNeedsAMembersAdminAndValidInput() {
        Api.Reply principal = api.post(FORUMS, "{}", Api.bearer(api.tokenFor("luzhou.principal1")));
        assertThat(principal.status()).isEqualTo(403);

        Api.Reply invalid = api.post(FORUMS, """
                {"title":"论坛","venue":"","startsAt":"%s","endsAt":"%s","registrationOpensAt":"%s",
                 "registrationClosesAt":"%s","capacity":0,"quotas":{"atlantis":2}}"""
                .formatted(at(10), at(9), at(-1), at(12)), Api.bearer(luzhou, "Accept-Language", "en"));
        assertThat(invalid.status()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        invalid.json().get("errors").forEach(e -> fields.add(e.get("field").asText()));
        assertThat(fields).contains("venue", "endsAt", "capacity", "quotas", "registrationClosesAt");
    }

    @Test
    void registeringGivesASeatUntilTheMembersQuotaIsUsedThenAWaitlistPlace() {
        long forum = host("乡村教育振兴校长论坛", 3, "{\"luzhou\":1}", false);

        Api.Reply first = register(forum, api.tokenFor("luzhou.principal1"));
        assertThat(first.status()).isEqualTo(201);
        assertThat(first.json().get("status").asText()).isEqualTo("CONFIRMED");
        Api.Reply again = register(forum, api.tokenFor("luzhou.principal1"));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("id").asLong()).isEqualTo(first.json().get("id").asLong());

        Api.Reply second = register(forum, api.tokenFor("luzhou.principal2"));
        assertThat(second.json().get("status").asText()).isEqualTo("WAITLISTED");
        assertThat(second.json().get("position").asInt()).isEqualTo(1);
        assertThat(register(forum, api.tokenFor("yongchuan.principal1")).json().get("status").asText()).isEqualTo("CONFIRMED");

        JsonNode view = api.get("api/v1/forums/" + forum, Api.bearer(api.tokenFor("luzhou.principal3"))).json();
        assertThat(view.get("seatsLeft").asInt()).isEqualTo(1);
        assertThat(view.get("seatsLeftForMyTenant").asInt()).isZero();
        assertThat(view.get("quotas").get("luzhou").asInt()).isEqualTo(1);
    }

    @Test
    void overbookingIsImpossibleUnderConcurrentRegistration() throws Exception {
        long forum = host("高峰论坛（并发）", 4, "{\"zigong\":1}", false);
        List<String> tokens = new ArrayList<>();
        for (String tenant : List.of("zigong", "neijiang", "yibin", "qijiang", "dazu")) {
            for (int p = 1; p <= 3; p++) {
                tokens.add(api.tokenFor(tenant + ".principal" + p));
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(15);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Api.Reply>> replies = new ArrayList<>();
        for (String token : tokens) {
            replies.add(pool.submit(() -> {
                go.await();
                return register(forum, token);
            }));
        }
        go.countDown();
        int confirmed = 0;
        for (Future<Api.Reply> reply : replies) {
            Api.Reply r = reply.get(60, TimeUnit.SECONDS);
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            confirmed += r.json().get("status").asText().equals("CONFIRMED") ? 1 : 0;
        }
        pool.shutdown();

        assertThat(confirmed).isEqualTo(4);
        try (Connection db = TestDatabase.owner(TestServer.settings()); Statement s = db.createStatement();
             ResultSet r = s.executeQuery("""
                     select count(*) filter (where r.status = 'CONFIRMED'),
                            count(*) filter (where r.status = 'CONFIRMED' and t.slug = 'zigong'),
                            count(*), count(distinct r.account_id)
                       from forum_registration r join tenant t on t.id = r.registrant_tenant_id
                      where r.forum_id = """ + forum)) {
            r.next();
            assertThat(r.getInt(1)).as("confirmed seats").isEqualTo(4);
            assertThat(r.getInt(2)).as("zigong's confirmed seats (quota 1)").isLessThanOrEqualTo(1);
            assertThat(r.getInt(3)).as("registrations").isEqualTo(15);
            assertThat(r.getInt(4)).as("people").isEqualTo(15);
        }
    }

    @Test
    void aCancellationPromotesTheFirstWaitlistedPerson() {
        long forum = host("督导评估经验交流会", 1, "{}", false);
        String p1 = api.tokenFor("jiangjin.principal1");
        long first = register(forum, p1).json().get("id").asLong();
        register(forum, api.tokenFor("jiangjin.principal2"));
        register(forum, api.tokenFor("rongchang.principal1"));

        Api.Reply cancelled = api.delete("api/v1/forums/" + forum + "/registrations/" + first, Api.bearer(p1));
        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.json().get("status").asText()).isEqualTo("CANCELLED");

        List<String> statuses = new ArrayList<>();
        api.get("api/v1/forums/" + forum + "/registrations", Api.bearer(luzhou)).json().get("items").forEach(r -> statuses.add(
                r.get("person").asText() + " " + r.get("status").asText() + (r.hasNonNull("position") ? " " + r.get("position").asInt() : "")));
        assertThat(statuses).containsExactly("jiangjin.principal1 CANCELLED", "jiangjin.principal2 CONFIRMED",
                "rongchang.principal1 WAITLISTED 1");
    }

    @Test
    void theHostDownloadsTheRegistrantsGroupedByMember() throws Exception {
        long forum = host("名单导出演练", 10, "{}", false);
        register(forum, api.tokenFor("yibin.principal2"));
        register(forum, api.tokenFor("dazu.principal2"));
        register(forum, api.tokenFor("yibin.principal1"));

        Api.Reply xlsx = api.get("api/v1/forums/" + forum + "/registrations.xlsx", Api.bearer(luzhou));
        assertThat(xlsx.contentType()).startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx.bytes()))) {
            var sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("名单导出演练");
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("成员单位");
            List<String> rows = new ArrayList<>();
            for (int r = 2; r <= sheet.getLastRowNum(); r++) {
                rows.add(sheet.getRow(r).getCell(0).getStringCellValue() + " " + sheet.getRow(r).getCell(1).getStringCellValue()
                        + " " + sheet.getRow(r).getCell(3).getStringCellValue());
            }
            assertThat(rows).containsExactly("dazu dazu.principal2 已确认", "yibin yibin.principal2 已确认", "yibin yibin.principal1 已确认");
        }
    }

    @Test
    void eachRoleSeesOnlyTheRegistrationsItShouldAndCancelsOnlyItsOwn() {
        long forum = host("名校长工作坊", 10, "{}", false);
        register(forum, api.tokenFor("luzhou.principal1"));
        long yongchuans = register(forum, api.tokenFor("yongchuan.principal1")).json().get("id").asLong();
        register(forum, api.tokenFor("yongchuan.principal2"));

        assertThat(api.get("api/v1/forums/" + forum + "/registrations", Api.bearer(luzhou)).json().get("items")).hasSize(3);
        JsonNode firstPage = api.get("api/v1/forums/" + forum + "/registrations?limit=2", Api.bearer(luzhou)).json();
        assertThat(firstPage.get("items")).hasSize(2);
        JsonNode lastPage = api.get("api/v1/forums/" + forum + "/registrations?limit=2&cursor="
                + firstPage.get("nextCursor").asText(), Api.bearer(luzhou)).json();
        assertThat(lastPage.get("items")).hasSize(1);
        assertThat(lastPage.get("nextCursor").isNull()).isTrue();
        assertThat(lastPage.get("items").get(0).get("id").asLong())
                .isGreaterThan(firstPage.get("items").get(1).get("id").asLong());
        JsonNode ofYongchuan = api.get("api/v1/forums/" + forum + "/registrations", Api.bearer(api.tokenFor("yongchuan.admin"))).json().get("items");
        assertThat(ofYongchuan).hasSize(2).allMatch(r -> r.get("tenant").asText().equals("yongchuan"));
        JsonNode own = api.get("api/v1/forums/" + forum + "/registrations", Api.bearer(api.tokenFor("yongchuan.principal2"))).json().get("items");
        assertThat(own).hasSize(1);
        assertThat(own.get(0).get("person").asText()).isEqualTo("yongchuan.principal2");

        Api.Reply intruder = api.delete("api/v1/forums/" + forum + "/registrations/" + yongchuans,
                Api.bearer(api.tokenFor("luzhou.principal1")));
        assertThat(intruder.status()).isIn(403, 404);
        Api.Reply otherTenant = api.delete("api/v1/forums/" + forum + "/registrations/" + yongchuans,
                Api.bearer(api.tokenFor("dazu.admin")));
        assertThat(otherTenant.status()).isIn(403, 404);
        assertThat(api.get("api/v1/forums/" + forum + "/registrations", Api.bearer(luzhou)).json().get("items"))
                .allMatch(r -> r.get("status").asText().equals("CONFIRMED"));
    }

    @Test
    void anAdminRegistersTheTenantsOwnPrincipalsOnly() {
        long forum = host("送教送培启动会", 10, "{}", false);
        String admin = api.tokenFor("tongliang.admin");
        Api.Reply own = api.post("api/v1/forums/" + forum + "/registrations", "{\"username\":\"tongliang.principal3\"}", Api.bearer(admin));
        assertThat(own.status()).isEqualTo(201);
        assertThat(own.json().get("person").asText()).isEqualTo("tongliang.principal3");
        assertThat(own.json().get("registeredBy").asText()).isEqualTo("tongliang.admin");

        Api.Reply foreign = api.post("api/v1/forums/" + forum + "/registrations", "{\"username\":\"dazu.principal1\"}", Api.bearer(admin));
        assertThat(foreign.status()).isEqualTo(400);
        assertThat(foreign.json().get("errors").get(0).get("field").asText()).isEqualTo("username");
    }

    @Test
    void theHostChecksPeopleInByCodeOnceAndTheCodeIsAlsoAQrImage() throws Exception {
        long forum = host("签到演练", 10, "{}", false);
        String principal = api.tokenFor("dazu.principal3");
        JsonNode registration = register(forum, principal).json();
        String code = registration.get("checkInCode").asText();
        assertThat(code).matches("[0-9A-F]{12}");

        Api.Reply qr = api.get("api/v1/forums/" + forum + "/registrations/" + registration.get("id").asLong() + "/check-in.png",
                Api.bearer(principal));
        assertThat(qr.contentType()).startsWith("image/png");
        var image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(qr.bytes()));
        var decoded = new com.google.zxing.qrcode.QRCodeReader().decode(new com.google.zxing.BinaryBitmap(
                new com.google.zxing.common.HybridBinarizer(new com.google.zxing.client.j2se.BufferedImageLuminanceSource(image))));
        assertThat(decoded.getText()).isEqualTo(code);

        // the forum earns credit hours (学时): only its host sets them, within bounds
        String hours = "api/v1/forums/" + forum + "/credit-hours";
        Api.Reply tooMany = api.put(hours, "{\"hours\": 200.5}", Api.bearer(luzhou, "Accept-Language", "en"));
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.json().get("errors").get(0).get("field").asText()).isEqualTo("hours");
        assertThat(api.put(hours, "{\"hours\": 1.25}", Api.bearer(luzhou)).status()).as("a tenth of an hour at most").isEqualTo(400);
        assertThat(api.put(hours, "{\"hours\": 6}", Api.bearer(api.tokenFor("dazu.admin"))).status()).isEqualTo(403);
        Api.Reply set = api.put(hours, "{\"hours\": 6.5}", Api.bearer(luzhou));
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        assertThat(set.json().get("hours").decimalValue()).isEqualByComparingTo("6.5");
        assertThat(api.get("api/v1/me/training-record", Api.bearer(principal)).json().get("entries")).isEmpty();

        assertThat(api.post("api/v1/forums/" + forum + "/check-ins", "{\"code\":\"" + code + "\"}",
                Api.bearer(api.tokenFor("dazu.admin"))).status()).isEqualTo(403);
        Api.Reply checkedIn = api.post("api/v1/forums/" + forum + "/check-ins", "{\"code\":\"" + code.toLowerCase() + "\"}", Api.bearer(luzhou));
        assertThat(checkedIn.status()).isEqualTo(200);
        assertThat(checkedIn.json().get("person").asText()).isEqualTo("dazu.principal3");
        assertThat(checkedIn.json().hasNonNull("checkedInAt")).isTrue();
        Api.Reply twice = api.post("api/v1/forums/" + forum + "/check-ins", "{\"code\":\"" + code + "\"}", Api.bearer(luzhou));
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.json().get("type").asText()).endsWith("/problems/already-checked-in");

        // the hours are on the person's training record, once, whatever the desk did after
        JsonNode record = api.get("api/v1/me/training-record", Api.bearer(principal)).json();
        assertThat(record.get("entries")).hasSize(1);
        JsonNode entry = record.get("entries").get(0);
        assertThat(entry.get("title").asText()).isEqualTo("签到演练");
        assertThat(entry.get("host").asText()).isEqualTo("luzhou");
        assertThat(entry.get("hostName").get("zh").asText()).isEqualTo("泸州市教育和体育局");
        assertThat(entry.get("source").asText()).isEqualTo("FORUM");
        assertThat(entry.get("hours").decimalValue()).isEqualByComparingTo("6.5");
        int year = java.time.LocalDate.parse(entry.get("heldOn").asText()).getYear();
        assertThat(record.get("years").get(0).get("year").asInt()).isEqualTo(year);
        assertThat(record.get("years").get(0).get("hours").decimalValue()).isEqualByComparingTo("6.5");
        int from = 2021 + Math.floorDiv(java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).getYear() - 2021, 5) * 5;
        assertThat(record.get("cycle").get("from").asInt()).isEqualTo(from);
        assertThat(record.get("cycle").get("to").asInt()).isEqualTo(from + 4);
        assertThat(record.get("cycle").get("required").decimalValue()).isEqualByComparingTo("360");
        assertThat(record.get("cycle").get("reached").asBoolean()).isFalse();
        assertThat(api.get("api/v1/me/training-record", Api.bearer(luzhou)).json().get("entries"))
                .as("the host's own record: checking someone in earns the host nothing").isEmpty();

        // 大足's admin sees its people's totals for that year: the principal's 6.5 hours, everybody else's none
        String dazu = api.tokenFor("dazu.admin");
        JsonNode totals = api.get("api/v1/training-records?year=" + year, Api.bearer(dazu)).json();
        List<String> people = new ArrayList<>();
        totals.forEach(p -> people.add(p.get("username").asText() + "=" + p.get("yearHours").decimalValue().stripTrailingZeros().toPlainString()
                + "/" + p.get("cycleHours").decimalValue().stripTrailingZeros().toPlainString()));
        assertThat(people).containsExactly("dazu.admin=0/0", "dazu.principal1=0/0", "dazu.principal2=0/0", "dazu.principal3=6.5/6.5");
        assertThat(api.get("api/v1/training-records?year=" + year + "&reached=true", Api.bearer(dazu)).json())
                .as("nobody has reached 360 hours").isEmpty();
        assertThat(api.get("api/v1/training-records?year=" + year, Api.bearer(luzhou)).json().toString())
                .as("another tenant's people are not the host's").doesNotContain("dazu.");
        assertThat(api.get("api/v1/training-records", Api.bearer(principal)).status()).isEqualTo(403);
        assertThat(api.get("api/v1/training-records?year=1999", Api.bearer(dazu)).status()).isEqualTo(400);
        assertThat(api.post("api/v1/forums/" + forum + "/check-ins", "{\"code\":\"NOPE00000000\"}", Api.bearer(luzhou)).status())
                .isEqualTo(404);
    }

    @Test
    void forumsAreCalendarEventsAndTheCommunityIsAFeedToSubscribeTo() throws Exception {
        long forum = host("成渝教师教育高峰论坛", 50, "{}", false);
        JsonNode view = api.get("api/v1/forums/" + forum, Api.bearer(luzhou)).json();

        Api.Reply one = api.get("api/v1/forums/" + forum + "/calendar.ics", Api.bearer(luzhou));
        assertThat(one.contentType()).startsWith("text/calendar");
        var events = new net.fortuna.ical4j.data.CalendarBuilder().build(new java.io.StringReader(one.body()))
                .getComponents(net.fortuna.ical4j.model.Component.VEVENT);
        assertThat(events).hasSize(1);
        var event = (net.fortuna.ical4j.model.component.VEvent) events.get(0);
        assertThat(icalValue(event, "SUMMARY")).isEqualTo("成渝教师教育高峰论坛");
        assertThat(icalValue(event, "LOCATION")).isEqualTo("泸州市会议中心");
        assertThat(icalValue(event, "UID")).isEqualTo("forum-" + forum + "@educommons");
        assertThat(java.time.Instant.from(event.getStartDate().orElseThrow().getDate()))
                .isEqualTo(OffsetDateTime.parse(view.get("startsAt").asText()).toInstant());

        String feedToken = api.post("api/v1/me/calendar-token", "", Api.bearer(api.tokenFor("neijiang.principal1")))
                .json().get("accessToken").asText();
        Api.Reply feed = api.get("api/v1/communities/chuannan-yuxi/calendar.ics?token=" + feedToken);
        assertThat(feed.status()).isEqualTo(200);
        List<String> summaries = new ArrayList<>();
        new net.fortuna.ical4j.data.CalendarBuilder().build(new java.io.StringReader(feed.body()))
                .getComponents(net.fortuna.ical4j.model.Component.VEVENT)
                .forEach(e -> summaries.add(icalValue((net.fortuna.ical4j.model.component.VEvent) e, "SUMMARY")));
        assertThat(summaries).contains("乡村教育振兴校长论坛", "成渝教师教育高峰论坛");
        // the demo forum's agenda sessions, and the community's confirmed joint activities as all-day events
        assertThat(summaries).contains("乡村教育振兴校长论坛 · 乡村教育振兴与校长领导力", "乡村教育振兴校长论坛 · 第二组：乡村教师专业成长",
                "结对帮扶：泸永荣结对学校校校合作（2023—2027）");
        assertThat(summaries).as("a proposal between others stays theirs").noneMatch(t -> t.contains("乡村教育专家送教送培进自贡"));
        assertThat(feed.body().split("\r\n")).as("lines folded at 75 octets")
                .allMatch(line -> line.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= 75);
        assertThat(feed.body()).contains("X-WR-CALNAME:川南渝西教育共同体");
        // a calendar app that asks for English gets the calendar's name in English
        assertThat(api.get("api/v1/communities/chuannan-yuxi/calendar.ics?token=" + feedToken, "Accept-Language", "en").body())
                .contains("X-WR-CALNAME:Southern Sichuan–Western Chongqing Education Community");

        assertThat(api.get("api/v1/communities/chuannan-yuxi/calendar.ics?token=forged").status()).isEqualTo(401);
        // a calendar token opens calendar feeds only
        assertThat(api.get("api/v1/me", Api.bearer(feedToken)).status()).isEqualTo(401);
        assertThat(api.get("api/v1/me?token=" + feedToken).status()).isEqualTo(401);
    }

    private static String icalValue(net.fortuna.ical4j.model.component.VEvent event, String property) {
        return event.getProperty(property).map(p -> ((net.fortuna.ical4j.model.Property) p).getValue()).orElse(null);
    }

    @Test
    void hostApprovalMakesRegistrationsPendingAndTheWindowIsEnforced() {
        long approval = host("需审核的论坛", 10, "{}", true);
        JsonNode pending = register(approval, api.tokenFor("wansheng.principal1")).json();
        assertThat(pending.get("status").asText()).isEqualTo("PENDING");
        assertThat(pending.hasNonNull("checkInCode")).isFalse();
        long other = register(approval, api.tokenFor("wansheng.principal3")).json().get("id").asLong();
        String decide = "api/v1/forums/" + approval + "/registrations/" + pending.get("id").asLong() + "/decision";

        assertThat(api.post(decide, "{\"decision\":\"APPROVED\"}", Api.bearer(api.tokenFor("wansheng.admin"))).status())
                .isEqualTo(403);
        Api.Reply approved = api.post(decide, "{\"decision\":\"APPROVED\"}", Api.bearer(luzhou));
        assertThat(approved.json().get("status").asText()).isEqualTo("CONFIRMED");
        assertThat(approved.json().get("checkInCode").asText()).isNotBlank();
        assertThat(api.post(decide, "{\"decision\":\"REJECTED\"}", Api.bearer(luzhou)).status()).isEqualTo(409);
        assertThat(api.post("api/v1/forums/" + approval + "/registrations/" + other + "/decision", "{\"decision\":\"REJECTED\"}",
                Api.bearer(luzhou)).json().get("status").asText()).isEqualTo("REJECTED");
        assertThat(api.get("api/v1/me/notifications?limit=200", Api.bearer(api.tokenFor("wansheng.principal3"))).body())
                .contains("报名未通过审核：需审核的论坛").doesNotContain("notify.registration");

        Api.Reply later = api.post(FORUMS, """
                {"title":"明年的论坛","venue":"荣昌","startsAt":"%s","endsAt":"%s","registrationOpensAt":"%s",
                 "registrationClosesAt":"%s","capacity":5}""".formatted(at(60), at(61), at(30), at(59)), Api.bearer(luzhou));
        Api.Reply early = register(later.json().get("id").asLong(), api.tokenFor("wansheng.principal2"));
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.json().get("type").asText()).endsWith("/problems/registration-closed");
    }

    @Test
    void theAgendaHasKeynotesAndBreakoutGroupsWhoseCapacityHolds() {
        String start = at(10);
        java.time.OffsetDateTime t0 = java.time.OffsetDateTime.parse(start);
        Api.Reply hosted = api.post(FORUMS, """
                {"title":"议程演练论坛","venue":"泸州市会议中心","startsAt":"%s","endsAt":"%s","registrationOpensAt":"%s",
                 "registrationClosesAt":"%s","capacity":10,
                 "agenda":[{"kind":"BREAKOUT","title":"第一组：乡村学校课程建设","room":"201","startsAt":"%s","endsAt":"%s","capacity":1},
                           {"kind":"KEYNOTE","title":"乡村教育振兴的路径","speaker":"张教授","startsAt":"%s","endsAt":"%s"},
                           {"kind":"BREAKOUT","title":"第二组：教师发展","startsAt":"%s","endsAt":"%s"}]}"""
                .formatted(start, at(11), at(-1), at(9), t0.plusHours(2), t0.plusHours(4), t0, t0.plusHours(1),
                        t0.plusHours(2), t0.plusHours(4)), Api.bearer(luzhou));
        assertThat(hosted.status()).isEqualTo(201);
        long forum = hosted.json().get("id").asLong();
        JsonNode agenda = api.get("api/v1/forums/" + forum, Api.bearer(yongchuanAdmin())).json().get("agenda");
        assertThat(agenda).hasSize(3);
        assertThat(agenda.get(0).get("kind").asText()).as("in time order").isEqualTo("KEYNOTE");
        assertThat(agenda.get(0).get("speaker").asText()).isEqualTo("张教授");
        assertThat(agenda.get(0).hasNonNull("seatsLeft")).isFalse();
        JsonNode small = agenda.get(1);
        assertThat(small.get("title").asText()).isEqualTo("第一组：乡村学校课程建设");
        assertThat(small.get("seatsLeft").asInt()).isEqualTo(1);
        long keynote = agenda.get(0).get("id").asLong();
        long smallGroup = small.get("id").asLong();
        long openGroup = agenda.get(2).get("id").asLong();

        String first = api.tokenFor("jiangjin.principal1");
        String second = api.tokenFor("jiangjin.principal2");
        long firstReg = register(forum, first).json().get("id").asLong();
        long secondReg = register(forum, second).json().get("id").asLong();
        String firstChoice = "api/v1/forums/" + forum + "/registrations/" + firstReg + "/breakout";
        String secondChoice = "api/v1/forums/" + forum + "/registrations/" + secondReg + "/breakout";

        Api.Reply chosen = api.put(firstChoice, "{\"session\":" + smallGroup + "}", Api.bearer(first));
        assertThat(chosen.status()).isEqualTo(200);
        assertThat(chosen.json().get("breakout").asLong()).isEqualTo(smallGroup);
        Api.Reply full = api.put(secondChoice, "{\"session\":" + smallGroup + "}", Api.bearer(second));
        assertThat(full.status()).isEqualTo(409);
        assertThat(full.json().get("detail").asText()).contains("第一组：乡村学校课程建设", "已满");
        Api.Reply toKeynote = api.put(secondChoice, "{\"session\":" + keynote + "}", Api.bearer(second));
        assertThat(toKeynote.status()).isEqualTo(400);
        assertThat(api.put(secondChoice, "{\"session\":" + openGroup + "}", Api.bearer(first)).status())
                .as("someone else's registration").isEqualTo(403);
        assertThat(api.put(secondChoice, "{\"session\":" + openGroup + "}", Api.bearer(yongchuanAdmin())).status())
                .as("another member's admin").isEqualTo(404);
        assertThat(api.put(secondChoice, "{\"session\":" + openGroup + "}", Api.bearer(second)).status()).isEqualTo(200);
        assertThat(api.get("api/v1/forums/" + forum, Api.bearer(luzhou)).json().get("agenda").get(1).get("seatsLeft").asInt())
                .isZero();

        // a cancelled registration frees its place in the group
        api.delete("api/v1/forums/" + forum + "/registrations/" + firstReg, Api.bearer(first));
        assertThat(api.get("api/v1/forums/" + forum, Api.bearer(luzhou)).json().get("agenda").get(1).get("seatsLeft").asInt())
                .isOne();
        assertThat(api.put(secondChoice, "{\"session\":" + smallGroup + "}", Api.bearer(second)).status()).isEqualTo(200);

        // the host's registrants spreadsheet says who is in which group
        Api.Reply xlsx = api.get("api/v1/forums/" + forum + "/registrations.xlsx", Api.bearer(luzhou));
        try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx.bytes()))) {
            var sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(1).getCell(7).getStringCellValue()).isEqualTo("分组研讨");
            List<String> rows = new ArrayList<>();
            for (int r = 2; r <= sheet.getLastRowNum(); r++) {
                rows.add(sheet.getRow(r).getCell(1).getStringCellValue() + " " + sheet.getRow(r).getCell(7).getStringCellValue());
            }
            assertThat(rows).containsExactly("jiangjin.principal1 ", "jiangjin.principal2 第一组：乡村学校课程建设");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void onlyTheHostAddsToTheAgendaAndEverySessionLiesWithinTheForum() {
        long forum = host("议程补充论坛", 10, "{}", false);
        JsonNode f = api.get("api/v1/forums/" + forum, Api.bearer(luzhou)).json();
        java.time.OffsetDateTime starts = java.time.OffsetDateTime.parse(f.get("startsAt").asText());
        String keynote = """
                {"kind":"KEYNOTE","title":"开幕式","startsAt":"%s","endsAt":"%s"}""".formatted(starts, starts.plusMinutes(30));
        assertThat(api.post("api/v1/forums/" + forum + "/agenda", keynote, Api.bearer(yongchuanAdmin())).status()).isEqualTo(403);
        Api.Reply added = api.post("api/v1/forums/" + forum + "/agenda", keynote, Api.bearer(luzhou));
        assertThat(added.status()).isEqualTo(201);
        assertThat(added.json().get("title").asText()).isEqualTo("开幕式");

        Api.Reply wrong = api.post("api/v1/forums/" + forum + "/agenda", """
                {"kind":"KEYNOTE","title":"闭幕式","startsAt":"%s","endsAt":"%s","capacity":5}"""
                .formatted(starts.plusDays(3), starts.plusDays(3).plusHours(1)), Api.bearer(luzhou, "Accept-Language", "en"));
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.body()).contains("must lie within the forum", "only a breakout group may have a capacity");
        assertThat(api.get("api/v1/forums/" + forum, Api.bearer(luzhou)).json().get("agenda")).hasSize(1);
    }

    private String yongchuanAdmin() {
        return api.tokenFor("yongchuan.admin");
    }

    @Test
    void theHostEditsItsForumUnderOptimisticLockingAndAddedSeatsGoToTheWaitlist() {
        long forum = host("容量调整论坛", 1, "{}", false);
        String path = "api/v1/forums/" + forum;
        register(forum, api.tokenFor("neijiang.principal1"));
        String second = api.tokenFor("neijiang.principal2");
        register(forum, second);
        register(forum, api.tokenFor("neijiang.principal3"));

        String etag = api.get(path, Api.bearer(luzhou)).header("ETag");
        assertThat(etag).isNotBlank();
        assertThat(api.patch(path, "{\"capacity\":3}", Api.bearer(luzhou)).status()).isEqualTo(428);
        assertThat(api.patch(path, "{\"capacity\":3}", Api.bearer(yongchuanAdmin(), "If-Match", etag)).status()).isEqualTo(403);
        Api.Reply invalid = api.patch(path, "{\"capacity\":0,\"venue\":\" \"}", Api.bearer(luzhou, "If-Match", etag));
        assertThat(invalid.status()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        invalid.json().get("errors").forEach(e -> fields.add(e.get("field").asText()));
        assertThat(fields).containsExactlyInAnyOrder("capacity", "venue");

        Api.Reply bigger = api.patch(path, "{\"capacity\":3}", Api.bearer(luzhou, "If-Match", etag));
        assertThat(bigger.status()).isEqualTo(200);
        assertThat(bigger.json().get("capacity").asInt()).isEqualTo(3);
        assertThat(bigger.json().get("seatsLeft").asInt()).isZero();
        List<String> statuses = new ArrayList<>();
        api.get(path + "/registrations", Api.bearer(luzhou)).json().get("items")
                .forEach(r -> statuses.add(r.get("person").asText() + " " + r.get("status").asText()));
        assertThat(statuses).containsExactly("neijiang.principal1 CONFIRMED", "neijiang.principal2 CONFIRMED",
                "neijiang.principal3 CONFIRMED");
        assertThat(api.get("api/v1/me/notifications", Api.bearer(second)).body()).contains("候补转正：容量调整论坛");

        assertThat(api.patch(path, "{\"venue\":\"荣昌区会议中心\"}", Api.bearer(luzhou, "If-Match", etag)).status())
                .as("a stale version").isEqualTo(412);
        String current = bigger.header("ETag");
        Api.Reply smaller = api.patch(path, "{\"capacity\":2}", Api.bearer(luzhou, "If-Match", current));
        assertThat(smaller.status()).isEqualTo(409);
        assertThat(smaller.json().get("detail").asText()).contains("3");
        Api.Reply moved = api.patch(path, "{\"venue\":\"荣昌区会议中心\"}", Api.bearer(luzhou, "If-Match", current));
        assertThat(moved.status()).isEqualTo(200);
        assertThat(moved.json().get("venue").asText()).isEqualTo("荣昌区会议中心");
        assertThat(moved.json().get("capacity").asInt()).isEqualTo(3);
        assertThat(moved.header("ETag")).isNotEqualTo(current);
    }

    /** The id of the first 2023 plan item of {@code tenant} in the demo community. */
    private long planItemOf(String tenant) {
        JsonNode plan = api.get("api/v1/communities/chuannan-yuxi/plans/2023?member=" + tenant, Api.bearer(luzhou)).json();
        return plan.get("members").get(0).get("items").get(0).get("id").asLong();
    }

    private static List<String> errorFields(JsonNode problem) {
        List<String> fields = new ArrayList<>();
        problem.get("errors").forEach(e -> fields.add(e.get("field").asText()));
        return fields;
    }

    @Test
    void theHostSharesSeatsOutAnewTurnsApprovalOnAndRelinksThePlanItem() {
        long forum = host("名额调整论坛", 4, "{\"dazu\":1}", false);
        String path = "api/v1/forums/" + forum;
        String first = api.tokenFor("dazu.principal1");
        String second = api.tokenFor("dazu.principal2");
        assertThat(register(forum, first).json().get("status").asText()).isEqualTo("CONFIRMED");
        assertThat(register(forum, second).json().get("status").asText()).as("大足's one seat is taken").isEqualTo("WAITLISTED");
        String etag = api.get(path, Api.bearer(luzhou)).header("ETag");

        Api.Reply belowConfirmed = api.patch(path, "{\"quotas\":{\"dazu\":0}}", Api.bearer(luzhou, "If-Match", etag));
        assertThat(belowConfirmed.status()).isEqualTo(409);
        assertThat(belowConfirmed.json().get("type").asText()).endsWith("/problems/quota-below-confirmed");
        assertThat(belowConfirmed.json().get("detail").asText()).as("the member by its name").contains("大足").doesNotContain("dazu");
        Api.Reply invalid = api.patch(path, "{\"quotas\":{\"dazu\":2,\"chengdu\":1,\"tongliang\":-1}}",
                Api.bearer(luzhou, "If-Match", etag));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(errorFields(invalid.json())).containsExactlyInAnyOrder("quotas", "quotas");
        Api.Reply tooMany = api.patch(path, "{\"quotas\":{\"dazu\":3,\"tongliang\":2}}", Api.bearer(luzhou, "If-Match", etag));
        assertThat(tooMany.status()).as("quotas beyond the capacity").isEqualTo(400);
        assertThat(api.get(path, Api.bearer(luzhou)).json().get("quotas").get("dazu").asInt()).as("nothing changed").isOne();

        Api.Reply shared = api.patch(path, "{\"quotas\":{\"dazu\":2,\"tongliang\":1}}", Api.bearer(luzhou, "If-Match", etag));
        assertThat(shared.status()).as(shared.body()).isEqualTo(200);
        assertThat(shared.json().get("quotas").get("dazu").asInt()).isEqualTo(2);
        assertThat(shared.json().get("quotas").get("tongliang").asInt()).isOne();
        List<String> statuses = new ArrayList<>();
        api.get(path + "/registrations", Api.bearer(luzhou)).json().get("items")
                .forEach(r -> statuses.add(r.get("person").asText() + " " + r.get("status").asText()));
        assertThat(statuses).as("the freed quota went to the waitlist")
                .containsExactly("dazu.principal1 CONFIRMED", "dazu.principal2 CONFIRMED");
        assertThat(api.get("api/v1/me/notifications", Api.bearer(second)).body()).contains("候补转正：名额调整论坛");

        long ours = planItemOf("luzhou");
        etag = shared.header("ETag");
        Api.Reply othersItem = api.patch(path, "{\"planItem\":" + planItemOf("yongchuan") + "}", Api.bearer(luzhou, "If-Match", etag));
        assertThat(othersItem.status()).isEqualTo(400);
        assertThat(errorFields(othersItem.json())).containsExactly("planItem");
        Api.Reply approval = api.patch(path, "{\"approvalRequired\":true,\"planItem\":" + ours + ",\"quotas\":{}}",
                Api.bearer(luzhou, "If-Match", etag));
        assertThat(approval.status()).as(approval.body()).isEqualTo(200);
        assertThat(approval.json().get("approvalRequired").asBoolean()).isTrue();
        assertThat(approval.json().get("planItem").asLong()).isEqualTo(ours);
        assertThat(approval.json().get("quotas")).isEmpty();
        assertThat(register(forum, api.tokenFor("dazu.principal3")).json().get("status").asText()).isEqualTo("PENDING");

        Api.Reply unlinked = api.patch(path, "{\"planItem\":0}", Api.bearer(luzhou, "If-Match", approval.header("ETag")));
        assertThat(unlinked.status()).isEqualTo(200);
        assertThat(unlinked.json().hasNonNull("planItem")).isFalse();
        assertThat(unlinked.json().get("approvalRequired").asBoolean()).as("left out, so unchanged").isTrue();

        List<String> trail = new ArrayList<>();
        api.get("api/v1/audit?limit=50", Api.bearer(luzhou)).json().get("items").forEach(e -> trail.add(
                e.get("entity").asText() + " " + e.get("entityId").asText() + " " + e.get("changes")));
        // values keep their JSON types: seats are numbers, a switch is a boolean
        assertThat(trail).anyMatch(e -> e.startsWith("forum " + forum)
                && e.contains("\"quotas\":[{\"dazu\":1},{\"dazu\":2,\"tongliang\":1}]"));
        assertThat(trail).anyMatch(e -> e.startsWith("forum " + forum) && e.contains("\"approvalRequired\":[false,true]"));
    }

    @Test
    void theHostChangesAndRemovesAgendaSessionsButNeverUnderThePeopleWhoChoseThem() {
        long forum = host("议程调整论坛", 10, "{}", false);
        String path = "api/v1/forums/" + forum;
        JsonNode f = api.get(path, Api.bearer(luzhou)).json();
        java.time.OffsetDateTime starts = java.time.OffsetDateTime.parse(f.get("startsAt").asText());
        String group = """
                {"kind":"BREAKOUT","title":"%s","room":"301","startsAt":"%s","endsAt":"%s","capacity":%d}""";
        Api.Reply addedGroup = api.post(path + "/agenda", group.formatted("第一组：课堂教学", starts.plusHours(1), starts.plusHours(3), 3),
                Api.bearer(luzhou));
        assertThat(addedGroup.status()).isEqualTo(201);
        assertThat(addedGroup.header("ETag")).as("the agenda is part of the forum").isNotEqualTo("\"" + f.get("version").asInt() + "\"");
        long groupId = addedGroup.json().get("id").asLong();
        Api.Reply addedKeynote = api.post(path + "/agenda", """
                {"kind":"KEYNOTE","title":"开幕式","startsAt":"%s","endsAt":"%s"}""".formatted(starts, starts.plusMinutes(30)),
                Api.bearer(luzhou, "If-Match", addedGroup.header("ETag")));
        assertThat(addedKeynote.status()).isEqualTo(201);
        long keynoteId = addedKeynote.json().get("id").asLong();
        assertThat(api.post(path + "/agenda", """
                {"kind":"KEYNOTE","title":"闭幕式","startsAt":"%s","endsAt":"%s"}""".formatted(starts, starts.plusMinutes(30)),
                Api.bearer(luzhou, "If-Match", addedGroup.header("ETag"))).status()).as("a stale version").isEqualTo(412);

        for (String principal : List.of("rongchang.principal1", "rongchang.principal2")) {
            String token = api.tokenFor(principal);
            long registration = register(forum, token).json().get("id").asLong();
            assertThat(api.put(path + "/registrations/" + registration + "/breakout", "{\"session\":" + groupId + "}",
                    Api.bearer(token)).status()).isEqualTo(200);
        }

        String etag = api.get(path, Api.bearer(luzhou)).header("ETag");
        assertThat(etag).isEqualTo(addedKeynote.header("ETag"));
        String session = path + "/agenda/" + groupId;
        String smaller = group.formatted("第一组：课堂教学", starts.plusHours(1), starts.plusHours(3), 1);
        assertThat(api.put(session, smaller, Api.bearer(luzhou)).status()).isEqualTo(428);
        assertThat(api.put(session, smaller, Api.bearer(luzhou, "If-Match", addedGroup.header("ETag"))).status()).isEqualTo(412);
        assertThat(api.put(session, smaller, Api.bearer(yongchuanAdmin(), "If-Match", etag)).status()).isEqualTo(403);
        Api.Reply belowChosen = api.put(session, smaller, Api.bearer(luzhou, "If-Match", etag));
        assertThat(belowChosen.status()).isEqualTo(409);
        assertThat(belowChosen.json().get("detail").asText()).contains("2", "第一组：课堂教学");
        Api.Reply toKeynote = api.put(session, """
                {"kind":"KEYNOTE","title":"第一组：课堂教学","startsAt":"%s","endsAt":"%s"}""".formatted(starts.plusHours(1),
                starts.plusHours(3)), Api.bearer(luzhou, "If-Match", etag));
        assertThat(toKeynote.status()).isEqualTo(409);
        Api.Reply outside = api.put(session, group.formatted("第一组", starts.minusDays(1), starts.plusHours(3), 2),
                Api.bearer(luzhou, "If-Match", etag));
        assertThat(outside.status()).isEqualTo(400);

        Api.Reply changed = api.put(session, group.formatted("第一组：课堂教学改革", starts.plusHours(2), starts.plusHours(4), 2),
                Api.bearer(luzhou, "If-Match", etag));
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.json().get("title").asText()).isEqualTo("第一组：课堂教学改革");
        assertThat(changed.json().get("seatsLeft").asInt()).isZero();
        assertThat(changed.header("ETag")).isNotEqualTo(etag);
        assertThat(api.get(path, Api.bearer(luzhou)).header("ETag")).isEqualTo(changed.header("ETag"));
        assertThat(api.patch(path, "{\"venue\":\"江津区会议中心\"}", Api.bearer(luzhou, "If-Match", etag)).status())
                .as("the forum changed with its agenda").isEqualTo(412);

        etag = changed.header("ETag");
        Api.Reply inUse = api.delete(session, Api.bearer(luzhou, "If-Match", etag));
        assertThat(inUse.status()).isEqualTo(409);
        assertThat(inUse.json().get("type").asText()).endsWith("/problems/breakout-in-use");
        assertThat(api.delete(path + "/agenda/999999999", Api.bearer(luzhou, "If-Match", etag)).status()).isEqualTo(404);
        Api.Reply removed = api.delete(path + "/agenda/" + keynoteId, Api.bearer(luzhou, "If-Match", etag));
        assertThat(removed.status()).isEqualTo(204);
        JsonNode agenda = api.get(path, Api.bearer(luzhou)).json().get("agenda");
        assertThat(agenda).hasSize(1);
        assertThat(agenda.get(0).get("title").asText()).isEqualTo("第一组：课堂教学改革");
        assertThat(java.time.OffsetDateTime.parse(agenda.get(0).get("startsAt").asText()).isEqual(starts.plusHours(2))).isTrue();
        assertThat(agenda.get(0).get("room").asText()).isEqualTo("301");
    }
}
