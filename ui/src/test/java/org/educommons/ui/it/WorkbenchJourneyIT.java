package org.educommons.ui.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The screens that sum things up, in a real headless Chromium. The signed-in home, per role: each person
 * lands on a workbench that says what waits for them, with the figures {@code GET /api/v1/me/workbench}
 * gives, and each entry leads to the screen where it is handled. The community's dashboard: every
 * segment of every chart carries the figure {@code GET /api/v1/communities/{c}/dashboard/{year}} gives,
 * with the numbers behind it one click away. Every page visited fits the window and logs no console error.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class WorkbenchJourneyIT {

    private static final String COMMUNITY = "chuannan-yuxi";

    @Deployment(testable = false)
    static WebArchive application() {
        return Deployments.application();
    }

    @ArquillianResource
    URL base;

    Screen screen;
    final List<String> problems = new ArrayList<>();

    @AfterEach
    void closeBrowser() throws Exception {
        if (screen != null) {
            screen.close();
        }
    }

    /** Notes a page that overflows sideways or logged console errors; the test asserts none at its end. */
    private void checkPage(String name) {
        if (!screen.fitsTheWidth()) {
            problems.add(name + ": scrolls sideways");
        }
        screen.consoleErrors().forEach(error -> problems.add(name + ": console: " + error));
    }

    private List<String> texts(String css) {
        return screen.browser.findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList();
    }

    private JsonNode workbenchOf(Api api, String username) {
        Api.Reply reply = api.get("api/v1/me/workbench", Api.bearer(api.tokenFor(username)));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    @Test
    void aTenantAdminSeesItsPlanItsForumsRegistrationsPerMemberAndTheActivityToAnswer() throws Exception {
        Api api = new Api(base);
        String rongchang = api.tokenFor("rongchang.admin");
        String luzhou = api.tokenFor("luzhou.admin");
        String activityTitle = "工作台测试：泸荣互派交流";
        Api.Reply proposed = api.post("api/v1/communities/" + COMMUNITY + "/activities", """
                {"title":"%s","type":"EXCHANGE","startsOn":"2046-03-01","endsOn":"2046-03-31","description":"互派交流",
                 "organisers":[{"tenant":"rongchang","part":"接待跟岗教师"}]}""".formatted(activityTitle), Api.bearer(luzhou));
        assertThat(proposed.status()).as(proposed.body()).isEqualTo(201);
        long activity = proposed.json().get("id").asLong();
        String forumTitle = "工作台测试：荣昌主办论坛";
        long forum = api.hostForum(rongchang, forumTitle, 10, "{\"rongchang\":4,\"luzhou\":3}", false);
        assertThat(api.post("api/v1/forums/" + forum + "/registrations", "{}",
                Api.bearer(api.tokenFor("luzhou.principal2"))).status()).isEqualTo(201);

        JsonNode expected = workbenchOf(api, "rongchang.admin");
        JsonNode yongchuan = workbenchOf(api, "yongchuan.admin");
        assertThat(yongchuan.get("hostedForums").findValuesAsText("title")).as("another member's forums").doesNotContain(forumTitle);
        assertThat(yongchuan.get("activitiesToAnswer").findValuesAsText("title")).as("not its part").doesNotContain(activityTitle);
        assertThat(workbenchOf(api, "rongchang.principal1").get("plans")).as("a principal has no plan section").isEmpty();
        screen = Screen.open(base);
        screen.go("login");
        screen.signIn("rongchang.admin");
        screen.wait.until(d -> d.getCurrentUrl().endsWith("/workbench"));
        assertThat(screen.visible("h2").getText()).isEqualTo("工作台");
        assertThat(screen.visible("#workbench-tenant").getText()).isEqualTo("重庆市荣昌区教育委员会 · " + LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear() + " 年");

        // this year's plan, with the counts the API gives
        JsonNode plan = expected.get("plans").get(0);
        WebElement planCard = screen.visible(".workbench-plan[data-community='" + COMMUNITY + "']");
        assertThat(planCard.findElement(By.cssSelector(".plan-counts")).getText()).isEqualTo("共 %d 项：计划中 %d · 进行中 %d · 已完成 %d"
                .formatted(plan.get("items").asInt(), plan.get("planned").asInt(), plan.get("inProgress").asInt(), plan.get("done").asInt()));
        String state = planCard.findElement(By.cssSelector(".plan-state")).getAttribute("data-state");
        assertThat(state).isEqualTo(plan.get("items").asInt() == 0 ? "empty" : plan.get("drafts").asInt() > 0 ? "draft" : "published");

        // the forum it hosts: totals, and each member's registrations against its share
        WebElement forumCard = screen.browser.findElements(By.cssSelector(".workbench-hosted-forum")).stream()
                .filter(card -> card.getText().contains(forumTitle)).findFirst().orElseThrow();
        assertThat(forumCard.findElement(By.cssSelector(".hosted-totals")).getText()).isEqualTo("已确认 1/10 席 · 候补 0 · 待审核 0");
        assertThat(forumCard.findElement(By.cssSelector(".hosted-member[data-member='luzhou']")).getText())
                .isEqualTo("泸州市教育和体育局：已确认 1/3（名额） · 候补 0 · 待审核 0");
        assertThat(forumCard.findElement(By.cssSelector(".hosted-member[data-member='rongchang']")).getText())
                .isEqualTo("重庆市荣昌区教育委员会：已确认 0/4（名额） · 候补 0 · 待审核 0");

        // the activity waiting for its answer leads to the activity
        assertThat(texts(".workbench-activity .ec-card-title")).contains(activityTitle);
        assertThat(texts(".workbench-activity").stream().filter(t -> t.contains(activityTitle)).findFirst().orElseThrow())
                .contains("泸州市教育和体育局 发起 · 2046-03-01 至 2046-03-31").contains("我们承担：接待跟岗教师");
        checkPage("workbench (tenant admin)");
        screen.screenshot("workbench-tenant-admin-desktop");
        screen.click(screen.browser.findElements(By.cssSelector(".workbench-activity .ec-card-title")).stream()
                .filter(link -> link.getText().equals(activityTitle)).findFirst().orElseThrow());
        screen.wait.until(d -> d.getCurrentUrl().endsWith("/activities/" + activity));
        assertThat(screen.visible("h2").getText()).isEqualTo(activityTitle);
        checkPage("activity");

        // the navigation shows the product: the workbench, the community's screens and its own plan
        List<String> nav = texts("#nav-communities vaadin-side-nav-item[data-community='" + COMMUNITY + "'] vaadin-side-nav-item");
        int year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
        assertThat(nav).containsExactly(year + " 年计划总表", "论坛", "联合活动", "数据看板", "我的 " + year + " 年计划");
        screen.click(screen.visible("#nav-workbench"));
        screen.wait.until(d -> d.getCurrentUrl().endsWith("/workbench"));

        // and once in English
        screen.visible("#language-switch").click();
        screen.wait.until(d -> screen.visible("h2").getText().equals("Workbench"));
        assertThat(screen.visible("#workbench-hosted h3").getText()).isEqualTo("Forums we host");
        checkPage("workbench (English)");
        assertThat(problems).isEmpty();
    }

    @Test
    void aPrincipalOnAPhoneSeesTheNextForumWithItsCheckInCodeAndTheForumsOpenToRegister() throws Exception {
        Api api = new Api(base);
        String yongchuan = api.tokenFor("yongchuan.admin");
        String registered = "工作台测试：永川校长论坛";
        String open = "工作台测试：永川开放报名论坛";
        long forum = api.hostForum(yongchuan, registered, 20, "{}", false);
        long openForum = api.hostForum(yongchuan, open, 20, "{}", false);
        Api.Reply registration = api.post("api/v1/forums/" + forum + "/registrations", "{}",
                Api.bearer(api.tokenFor("zigong.principal3")));
        assertThat(registration.status()).as(registration.body()).isEqualTo(201);

        JsonNode expected = workbenchOf(api, "zigong.principal3");
        assertThat(workbenchOf(api, "zigong.principal1").get("registrations").findValuesAsText("title"))
                .as("a colleague's registration is not one's own").doesNotContain(registered);
        JsonNode mine = null;
        for (JsonNode r : expected.get("registrations")) {
            if (r.get("forum").asLong() == forum) {
                mine = r;
            }
        }
        assertThat(mine).as("the registration in the API's workbench").isNotNull();
        assertThat(expected.get("openForums").findValuesAsText("title")).contains(open).doesNotContain(registered);

        screen = Screen.open(base, 390, 844);
        screen.go("login");
        screen.signIn("zigong.principal3");
        screen.wait.until(d -> d.getCurrentUrl().endsWith("/workbench"));
        WebElement card = screen.browser.findElements(By.cssSelector(".workbench-registration")).stream()
                .filter(c -> c.getText().contains(registered)).findFirst().orElseThrow();
        assertThat(card.findElement(By.cssSelector(".registration-status")).getText()).isEqualTo("已确认");
        assertThat(card.findElement(By.cssSelector(".registration-code")).getText())
                .isEqualTo("签到码：" + mine.get("checkInCode").asText());
        assertThat(screen.visible(".workbench-next").getText()).contains("下一场");
        assertThat(texts(".workbench-open-forum .ec-card-title")).contains(open).doesNotContain(registered);
        checkPage("workbench (principal, phone)");
        screen.screenshot("workbench-principal-phone");

        screen.click(screen.browser.findElements(By.cssSelector(".workbench-open-forum .ec-card-title")).stream()
                .filter(link -> link.getText().equals(open)).findFirst().orElseThrow());
        screen.wait.until(d -> d.getCurrentUrl().endsWith("/forums/" + openForum));
        assertThat(screen.visible("h2").getText()).isEqualTo(open);
        checkPage("forum (phone)");
        assertThat(problems).isEmpty();
    }

    @Test
    void theSecretariatSeesTheNextJointCouncilMeetingAndTheApplicationsToDecide() throws Exception {
        Api api = new Api(base);
        String secretariat = api.tokenFor("secretariat");
        String applicant = "工作台测试县教育局";
        Api.Reply applied = api.post("api/v1/communities/" + COMMUNITY + "/join-applications", """
                {"name":"%s","kind":"DISTRICT","region":"四川省宜宾市","contactName":"测试","contactEmail":"workbench@example.cn",
                 "reason":"加入共同体"}""".formatted(applicant));
        assertThat(applied.status()).as(applied.body()).isEqualTo(201);
        long id = applied.json().get("id").asLong();
        int version = -1;
        for (JsonNode a : api.get("api/v1/communities/" + COMMUNITY + "/join-applications?status=PENDING&limit=200",
                Api.bearer(secretariat)).json().get("items")) {
            if (a.get("id").asLong() == id) {
                version = a.get("version").asInt();
            }
        }
        String tomorrow = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(1).toString();
        Api.Reply scheduled = api.post("api/v1/join-applications/" + id + "/meeting",
                "{\"meeting\":\"工作台测试联席会\",\"meetingDate\":\"" + tomorrow + "\"}",
                Api.bearer(secretariat, "If-Match", "\"" + version + "\""));
        assertThat(scheduled.status()).as(scheduled.body()).isEqualTo(200);

        JsonNode meeting = workbenchOf(api, "secretariat").get("nextMeeting");
        assertThat(meeting.get("date").asText()).isEqualTo(tomorrow);
        List<Long> onAgenda = new ArrayList<>();
        meeting.get("applications").forEach(a -> onAgenda.add(a.asLong()));
        assertThat(onAgenda).contains(id);

        screen = Screen.open(base);
        screen.go("login");
        screen.signIn("secretariat");
        screen.wait.until(d -> d.getCurrentUrl().endsWith("/workbench"));
        assertThat(screen.visible("#workbench-next-meeting").getText()).contains(meeting.get("name").asText())
                .contains(tomorrow + " · 议程上有 " + onAgenda.size() + " 份入盟申请");
        WebElement application = screen.browser.findElements(By.cssSelector(".workbench-application")).stream()
                .filter(c -> c.getText().contains(applicant)).findFirst().orElseThrow();
        assertThat(application.getText()).contains("四川省宜宾市 · 已列入 工作台测试联席会（" + tomorrow + "）");
        assertThat(texts("#nav-communities vaadin-side-nav-item[data-community='" + COMMUNITY + "'] vaadin-side-nav-item"))
                .contains("秘书处：入盟申请");
        checkPage("workbench (secretariat)");
        screen.screenshot("workbench-secretariat-desktop");
        screen.click(application.findElement(By.cssSelector(".ec-card-title")));
        screen.wait.until(d -> d.getCurrentUrl().endsWith("/communities/" + COMMUNITY + "/join-applications"));
        screen.wait.until(d -> d.findElement(By.tagName("body")).getText().contains(applicant));
        checkPage("join applications");
        assertThat(problems).isEmpty();
    }

    /** Chart {@code id}'s segments as "bar/series" → value; segments of zero are not drawn. */
    private Map<String, Integer> segments(String id) {
        Map<String, Integer> drawn = new TreeMap<>();
        for (WebElement rect : screen.browser.findElements(By.cssSelector("#" + id + " rect.ec-chart-segment"))) {
            drawn.put(rect.getAttribute("data-bar") + "/" + rect.getAttribute("data-series"),
                    Integer.parseInt(rect.getAttribute("data-value")));
        }
        return drawn;
    }

    @Test
    void everyChartShowsTheApisFiguresWithTheNumbersOneClickAwayOnAPhone() throws Exception {
        Api api = new Api(base);
        String jiangjin = api.tokenFor("jiangjin.admin");
        // a joint activity in 2023 of a type and month of its own, so the activity chart has something to show
        Api.Reply proposed = api.post("api/v1/communities/" + COMMUNITY + "/activities", """
                {"title":"看板测试：江津送教","type":"TRAINING_SENT","startsOn":"2023-05-10","endsOn":"2023-05-12",
                 "description":"送教下乡","organisers":[{"tenant":"rongchang","part":"接待"}]}""", Api.bearer(jiangjin));
        assertThat(proposed.status()).as(proposed.body()).isEqualTo(201);

        JsonNode expected = api.get("api/v1/communities/" + COMMUNITY + "/dashboard/2023", Api.bearer(jiangjin)).json();
        Map<String, Integer> plans = new TreeMap<>();
        Map<String, Integer> lastYear = new TreeMap<>();
        List<String> totals = new ArrayList<>();
        for (JsonNode member : expected.get("plans")) {
            int total = 0;
            for (var statuses = member.get("items").fields(); statuses.hasNext(); ) {
                var status = statuses.next();
                if (status.getValue().asInt() > 0) {
                    plans.put(member.get("member").asText() + "/" + status.getKey(), status.getValue().asInt());
                }
                total += status.getValue().asInt();
            }
            totals.add(String.valueOf(total));
        }
        for (JsonNode member : expected.get("lastYearPlans")) {
            member.get("items").fields().forEachRemaining(s -> {
                if (s.getValue().asInt() > 0) {
                    lastYear.put(member.get("member").asText() + "/" + s.getKey(), s.getValue().asInt());
                }
            });
        }
        Map<String, Integer> activities = new TreeMap<>();
        expected.get("activities").forEach(a -> activities.merge(a.get("month").asText() + "/" + a.get("type").asText(),
                a.get("count").asInt(), Integer::sum));
        Map<String, Integer> joined = new TreeMap<>();
        expected.get("joined").forEach(j -> {
            int before = j.get("members").asInt() - j.get("joined").asInt();
            if (before > 0) {
                joined.put(j.get("year").asText() + "/before", before);
            }
            joined.put(j.get("year").asText() + "/joined", j.get("joined").asInt());
        });
        assertThat(plans.values().stream().mapToInt(Integer::intValue).sum()).as("the demo 2023 plans").isEqualTo(16);
        assertThat(activities.get("5/TRAINING_SENT")).as("the test's own activity").isGreaterThanOrEqualTo(1);
        assertThat(joined).containsEntry("2020/joined", 4).containsEntry("2023/joined", 7).containsEntry("2023/before", 4);

        screen = Screen.open(base, 390, 844);
        screen.go("login");
        screen.signIn("jiangjin.admin");
        screen.go("communities/" + COMMUNITY + "/dashboard/2023");
        assertThat(screen.visible("#dashboard-title").getText()).isEqualTo("川南渝西教育共同体 2023 年数据看板");
        screen.visible("#chart-plans rect.ec-chart-segment");
        assertThat(segments("chart-plans")).isEqualTo(plans);
        assertThat(segments("chart-plans-last-year")).isEqualTo(lastYear);
        assertThat(segments("chart-activities")).isEqualTo(activities);
        assertThat(segments("chart-joined")).isEqualTo(joined);
        assertThat(screen.browser.findElements(By.cssSelector("#chart-plans .ec-chart-total")).stream().map(WebElement::getText).toList())
                .as("each member's total, in roster order").isEqualTo(totals);

        // the numbers behind a chart, one click away
        WebElement details = screen.visible("#chart-joined vaadin-details");
        screen.click(details.findElement(By.cssSelector("vaadin-details-summary")));
        screen.wait.until(d -> details.findElements(By.cssSelector("vaadin-grid-cell-content")).stream()
                .map(WebElement::getText).anyMatch("2023 年"::equals));
        List<String> cells = details.findElements(By.cssSelector("vaadin-grid-cell-content")).stream().map(WebElement::getText).toList();
        int row = cells.indexOf("2023 年");
        assertThat(cells.subList(row, row + 4)).as("year, members before, joined that year, members").containsExactly("2023 年", "4", "7", "11");

        assertThat(screen.fitsTheWidth()).as("no sideways scrolling on a phone").isTrue();
        assertThat(screen.consoleErrors()).isEmpty();
        screen.screenshot("dashboard-phone");

        screen.visible("#language-switch").click();
        screen.wait.until(ExpectedConditions.textToBe(By.id("dashboard-title"),
                "Southern Sichuan–Western Chongqing Education Community dashboard 2023"));
        assertThat(segments("chart-plans")).isEqualTo(plans);
    }
}
