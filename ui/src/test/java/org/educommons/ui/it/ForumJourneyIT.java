package org.educommons.ui.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.util.List;

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
 * A principal on a phone registers for the demo community's forum, gets a check-in code with its
 * QR image, picks a breakout group and finds the confirmation among their notifications; on the
 * day, the host checks them in by that code. Headless Chromium, real server, real database.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ForumJourneyIT {

    @Deployment(testable = false)
    static WebArchive application() {
        return Deployments.application();
    }

    @ArquillianResource
    URL base;

    Screen screen;

    @AfterEach
    void closeBrowser() throws Exception {
        if (screen != null) {
            screen.screenshot("forum-journey-last");
            screen.close();
        }
    }

    private void open(int width, int height) throws Exception {
        if (screen != null) {
            screen.close();
        }
        screen = Screen.open(base, width, height);
    }

    /** The demo forum (hosted by 泸州 for 60 people; tests host others of the same title). */
    private long demoForum(Api api) {
        JsonNode forums = api.get("api/v1/communities/chuannan-yuxi/forums?limit=200", Api.bearer(api.tokenFor("luzhou.admin")))
                .json().get("items");
        for (JsonNode f : forums) {
            if (f.get("title").asText().equals("乡村教育振兴校长论坛") && f.get("capacity").asInt() == 60) {
                return f.get("id").asLong();
            }
        }
        throw new AssertionError("no demo forum in " + forums);
    }

    @Test
    void aPrincipalOnAPhoneRegistersChoosesAGroupAndIsCheckedInByTheHost() throws Exception {
        long forum = demoForum(new Api(base));
        open(390, 844);
        screen.go("communities/chuannan-yuxi/forums");
        screen.signIn("zigong.principal2"); // the forums are for members: sign in first
        screen.go("communities/chuannan-yuxi/forums");
        screen.visible("#forums-title");
        WebElement link = screen.wait.until(d -> d.findElements(By.cssSelector(".forum-link")).stream()
                .filter(a -> a.getAttribute("href").endsWith("forums/" + forum)).findFirst().orElse(null));
        assertThat(link.getText()).isEqualTo("乡村教育振兴校长论坛");
        link.click();

        assertThat(screen.visible("#forum-title").getText()).isEqualTo("乡村教育振兴校长论坛");
        assertThat(screen.visible("#agenda").getText()).contains("专题报告：乡村教育振兴与校长领导力", "分组研讨：第二组：乡村教师专业成长");
        screen.click(screen.visible("#register-button"));
        screen.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("registration-status"), "已确认报名"));
        String code = screen.visible("#check-in-code").getText().replace("签到码：", "").trim();
        assertThat(code).matches("[A-Z0-9]{6,}");
        WebElement qr = screen.visible("#check-in-qr");
        screen.wait.until(d -> Boolean.TRUE.equals(((org.openqa.selenium.JavascriptExecutor) d).executeScript(
                "return arguments[0].complete && arguments[0].naturalWidth > 0", qr)));

        screen.click(screen.visible("#breakout-select"));
        screen.wait.until(ExpectedConditions.elementToBeClickable(
                By.xpath("//vaadin-select-item[contains(., '第二组：乡村教师专业成长')]"))).click();
        screen.wait.until(d -> d.findElement(By.id("breakout-select")).getText().contains("第二组：乡村教师专业成长"));
        screen.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("agenda"), "剩余 19 个位置"));

        screen.browser.navigate().refresh(); // the frame counts unread notifications when a page is shown
        assertThat(Integer.parseInt(screen.visible("#unread-count").getText())).isPositive();
        screen.click(screen.visible("#notifications-link"));
        screen.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notifications"), "报名成功：乡村教育振兴校长论坛"));
        assertThat(screen.visible("#notifications").getText()).contains(code);

        // on the day: the host's check-in desk
        open(1400, 1000);
        screen.go("forums/" + forum);
        screen.signIn("luzhou.admin");
        screen.go("forums/" + forum);
        // the forum earns credit hours: the host sets them at its desk, refused first out of bounds
        screen.type("#credit-hours-input input", "300");
        screen.click("#save-credit-hours");
        assertThat(screen.notification("学时须大于 0").getText()).startsWith("操作未完成：");
        screen.visible("#credit-hours-input input").clear();
        screen.type("#credit-hours-input input", "6");
        screen.click("#save-credit-hours");
        screen.notification("学时已保存");
        screen.wait.until(ExpectedConditions.textToBe(By.id("forum-credit-hours"), "学时：6（签到后计入成长档案）"));
        screen.visible("#check-in-input").sendKeys(code);
        screen.visible("#check-in-button").click();
        screen.wait.until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//vaadin-notification-card[contains(., '签到成功')]")));
        screen.wait.until(d -> d.findElements(By.cssSelector("#registrations vaadin-grid-cell-content")).stream()
                .anyMatch(c -> c.getText().contains("四川省自贡市第二实验学校")));
        // a code works once: the second time the desk says when it was used, and no stack trace shows
        screen.visible("#check-in-input").sendKeys(code);
        screen.visible("#check-in-button").click();
        WebElement refused = screen.wait.until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//vaadin-notification-card[contains(., '使用过')]")));
        assertThat(refused.getText()).startsWith("操作未完成：").doesNotContain("Exception");

        // back on the phone: the 6 hours are on the principal's training record, once
        open(390, 844);
        screen.go("me/training-record");
        screen.signIn("zigong.principal2");
        screen.go("me/training-record");
        int from = 2021 + Math.floorDiv(java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).getYear() - 2021, 5) * 5;
        assertThat(screen.visible("#training-cycle-text").getText())
                .isEqualTo(from + "—" + (from + 4) + " 年周期：已获 6 学时，需 360 学时");
        screen.wait.until(d -> d.findElements(By.cssSelector("#training-entries vaadin-grid-cell-content")).stream()
                .anyMatch(c -> c.getText().equals("乡村教育振兴校长论坛（论坛）")));
        assertThat(screen.browser.findElements(By.cssSelector("#training-entries vaadin-grid-cell-content")).stream()
                .map(WebElement::getText).filter(t -> t.equals("乡村教育振兴校长论坛（论坛）")).count()).isEqualTo(1);
        assertThat(screen.browser.findElements(By.cssSelector("#training-entries vaadin-grid-cell-content")).stream()
                .map(WebElement::getText).toList()).contains("泸州市教育和体育局", "6");
        assertThat(screen.browser.findElements(By.cssSelector(".training-year")).stream().map(WebElement::getText).toList())
                .singleElement().asString().endsWith("：6 学时");
        assertThat(screen.fitsTheWidth()).as("no sideways scrolling on a phone").isTrue();
        assertThat(screen.consoleErrors()).isEmpty();
        screen.screenshot("training-record-phone");
        int heldIn = Integer.parseInt(screen.browser.findElements(By.cssSelector("#training-entries vaadin-grid-cell-content"))
                .stream().map(WebElement::getText).filter(t -> t.matches("\\d{4}-\\d{2}-\\d{2}")).findFirst().orElseThrow()
                .substring(0, 4));
        boolean thisYear = heldIn == java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).getYear();

        // 自贡's admin sees its people's hours; who reached the cycle's 360 is one tick away (nobody yet)
        open(1400, 1000);
        screen.go("training-records");
        screen.signIn("zigong.admin");
        screen.go("training-records");
        screen.wait.until(d -> d.findElements(By.cssSelector("#training-totals vaadin-grid-cell-content")).stream()
                .anyMatch(c -> c.getText().equals("zigong.principal2")));
        List<String> cells = screen.browser.findElements(By.cssSelector("#training-totals vaadin-grid-cell-content")).stream()
                .map(WebElement::getText).toList();
        int at = cells.indexOf("zigong.principal2");
        assertThat(cells.subList(at + 1, at + 3)).as("hours this year (the forum is held in %d), in the cycle", heldIn)
                .containsExactly(thisYear ? "6" : "0", "6");
        screen.click("#training-reached-only");
        screen.wait.until(d -> d.findElements(By.cssSelector("#training-totals vaadin-grid-cell-content")).stream()
                .noneMatch(c -> c.getText().startsWith("zigong.")));
    }

    @Test
    void aMembersAdministratorHostsAForumFromTheForumsPage() throws Exception {
        open(1400, 1000);
        screen.go("communities/chuannan-yuxi/forums");
        screen.signIn("rongchang.admin");
        screen.go("communities/chuannan-yuxi/forums");
        screen.visible("#host-forum").click();
        screen.visible("#forum-form-submit").click();
        WebElement refused = screen.wait.until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//vaadin-notification-card[contains(., '必填')]")));
        assertThat(refused.getText()).startsWith("操作未完成：");
        assertThat(screen.browser.findElements(By.id("host-dialog"))).as("the form stays open with what was typed").isNotEmpty();

        screen.visible("#forum-form-title input").sendKeys("荣昌课博会校长论坛");
        screen.visible("#forum-form-venue input").sendKeys("荣昌区会议中心");
        java.time.LocalDate day = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusDays(20);
        screen.setValue("#forum-form-starts", day + "T09:00");
        screen.setValue("#forum-form-ends", day + "T17:00");
        screen.setValue("#forum-form-closes", day.minusDays(2) + "T18:00");
        screen.visible("#forum-form-capacity input").sendKeys("80");
        screen.visible("#forum-form-submit").click();

        screen.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("forum-title"), "荣昌课博会校长论坛"));
        assertThat(screen.visible("#forum-when").getText()).contains(day + " 09:00", day + " 17:00");
        assertThat(screen.visible("#seats-left").getText()).isEqualTo("剩余名额：80 / 80");
        assertThat(screen.visible("#host-desk").isDisplayed()).isTrue();

        // the host changes it afterwards: more seats, an opening keynote added and removed again
        screen.click("#edit-forum");
        WebElement capacity = screen.visible("#forum-form-capacity input");
        capacity.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"), "100");
        screen.click("#forum-form-submit");
        screen.wait.until(ExpectedConditions.textToBe(By.id("seats-left"), "剩余名额：100 / 100"));
        screen.click("#add-session");
        screen.type("#session-title input", "开幕式");
        screen.type("#session-speaker input", "荣昌区教育委员会");
        screen.click("#session-save");
        screen.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("agenda"), "09:00–10:00 专题报告：开幕式（荣昌区教育委员会）"));
        screen.click(screen.visible("#agenda .remove-session"));
        screen.notification("已删除议程");
        screen.wait.until(d -> !d.findElement(By.id("agenda")).getText().contains("开幕式"));
    }

    @Test
    void theHostSharesSeatsOutPerMemberSeesEachMembersNumbersAndAStaleSaveOffersToReload() throws Exception {
        Api api = new Api(base);
        String yongchuan = api.tokenFor("yongchuan.admin");
        long forum = api.hostForum(yongchuan, "名额分配测试论坛", 10, "{}", false);
        for (String principal : List.of("jiangjin.principal1", "jiangjin.principal2", "luzhou.principal3")) {
            assertThat(api.post("api/v1/forums/" + forum + "/registrations", "{}", Api.bearer(api.tokenFor(principal))).status())
                    .isEqualTo(201);
        }
        open(1400, 1000);
        screen.go("login");
        screen.signIn("yongchuan.admin");
        screen.go("forums/" + forum);
        screen.visible("#seat-share-out");
        screen.wait.until(d -> d.findElement(By.id("shares")).getText().contains("重庆市江津区教育委员会"));
        assertThat(screen.visible("#shares-total").getText()).isEqualTo("已分配 0 席，共 10 席");

        share("jiangjin", "4");
        share("luzhou", "3");
        screen.wait.until(ExpectedConditions.textToBe(By.id("shares-total"), "已分配 7 席，共 10 席"));
        screen.click("#save-shares");
        screen.notification("名额分配已保存");
        screen.wait.until(d -> api.get("api/v1/forums/" + forum, Api.bearer(yongchuan)).json().get("quotas").toString()
                .equals("{\"jiangjin\":4,\"luzhou\":3}"));
        screen.browser.executeScript("document.getElementById('seat-share-out').scrollIntoView()");
        screen.screenshot("forum-seat-share-out-desktop");
        List<String> jiangjin = screen.browser.findElements(By.cssSelector("#shares vaadin-grid-cell-content")).stream()
                .map(WebElement::getText).toList();
        int row = jiangjin.indexOf("重庆市江津区教育委员会");
        assertThat(jiangjin.subList(row, row + 5)).as("name, share (a field), confirmed, waitlisted, pending")
                .containsExactly("重庆市江津区教育委员会", "", "2", "0", "0");

        // a share below what the member has confirmed is refused with the reason, and nothing changes
        share("jiangjin", "1");
        screen.click("#save-shares");
        WebElement refused = screen.wait.until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//vaadin-notification-card[contains(., '操作未完成')]")));
        assertThat(refused.getText()).startsWith("操作未完成：");
        assertThat(api.get("api/v1/forums/" + forum, Api.bearer(yongchuan)).json().get("quotas").get("jiangjin").asInt()).isEqualTo(4);

        // someone else changes the forum meanwhile: the save says so and offers the current version
        screen.go("forums/" + forum);
        screen.visible("#seat-share-out");
        JsonNode current = api.get("api/v1/forums/" + forum, Api.bearer(yongchuan)).json();
        Api.Reply resized = api.patch("api/v1/forums/" + forum, "{\"capacity\":12}",
                Api.bearer(yongchuan, "If-Match", "\"" + current.get("version").asInt() + "\""));
        assertThat(resized.status()).as(resized.body()).isEqualTo(200);
        share("luzhou", "5");
        screen.click("#save-shares");
        screen.click(screen.visible("#reload-after-conflict"));
        screen.wait.until(ExpectedConditions.textToBe(By.id("shares-total"), "已分配 7 席，共 12 席"));
        assertThat(api.get("api/v1/forums/" + forum, Api.bearer(yongchuan)).json().get("quotas").get("luzhou").asInt())
                .as("the stale save changed nothing").isEqualTo(3);
    }

    @Test
    void theHostWorksThroughTheApprovalQueueOnScreen() throws Exception {
        Api api = new Api(base);
        String dazu = api.tokenFor("dazu.admin");
        long forum = api.hostForum(dazu, "审核队列测试论坛", 10, "{}", true);
        List<String> people = List.of("tongliang.principal1", "tongliang.principal2");
        for (String principal : people) {
            Api.Reply registered = api.post("api/v1/forums/" + forum + "/registrations", "{}", Api.bearer(api.tokenFor(principal)));
            assertThat(registered.json().get("status").asText()).isEqualTo("PENDING");
        }
        open(390, 844);
        screen.go("login");
        screen.signIn("dazu.admin");
        screen.go("forums/" + forum);
        assertThat(screen.visible("#approval-queue h3").getText()).isEqualTo("待审核的报名（2）");
        assertThat(screen.browser.findElements(By.cssSelector("#approval-queue .pending-registration")).stream()
                .map(line -> line.getAttribute("data-person")).toList()).as("first come first").containsExactlyElementsOf(people);

        screen.click(screen.visible(".pending-registration[data-person='tongliang.principal1'] .approve-registration"));
        screen.notification("已确认");
        screen.wait.until(ExpectedConditions.textToBe(By.cssSelector("#approval-queue h3"), "待审核的报名（1）"));
        screen.click(screen.visible(".pending-registration[data-person='tongliang.principal2'] .reject-registration"));
        screen.wait.until(ExpectedConditions.textToBe(By.cssSelector("#approval-queue h3"), "待审核的报名（0）"));
        assertThat(screen.visible("#approval-queue").getText()).contains("没有待审核的报名。");
        assertThat((Boolean) screen.browser.executeScript("return document.documentElement.scrollWidth <= window.innerWidth"))
                .as("fits a phone").isTrue();

        List<String> statuses = new java.util.ArrayList<>();
        api.get("api/v1/forums/" + forum + "/registrations", Api.bearer(dazu)).json().get("items")
                .forEach(r -> statuses.add(r.get("person").asText() + " " + r.get("status").asText()));
        assertThat(statuses).containsExactlyInAnyOrder("tongliang.principal1 CONFIRMED", "tongliang.principal2 REJECTED");
    }

    private void share(String member, String seats) {
        WebElement field = screen.visible("#share-" + member + " input");
        field.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"), seats, org.openqa.selenium.Keys.TAB);
    }
}
