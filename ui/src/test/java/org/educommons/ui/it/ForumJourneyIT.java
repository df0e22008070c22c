package org.educommons.ui.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

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
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

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

    ChromeDriver browser;
    WebDriverWait wait;

    @AfterEach
    void closeBrowser(org.junit.jupiter.api.TestInfo test) throws Exception {
        if (browser != null) {
            Path shots = Path.of("target", "screenshots");
            Files.createDirectories(shots);
            Files.write(shots.resolve(test.getTestMethod().map(m -> m.getName()).orElse("forum-journey") + ".png"),
                    browser.getScreenshotAs(OutputType.BYTES));
            browser.quit();
        }
    }

    private void open(int width, int height) throws Exception {
        if (browser != null) {
            browser.quit();
        }
        browser = Browser.start(width, height);
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    private WebElement visible(String css) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    /** Clicks {@code element} once it is scrolled to the middle of a small screen. */
    private void click(WebElement element) {
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        wait.until(ExpectedConditions.elementToBeClickable(element)).click();
    }

    private void signIn(String username) {
        visible("vaadin-login-form input[name='username']").sendKeys(username);
        browser.findElement(By.cssSelector("vaadin-login-form input[name='password']")).sendKeys("educommons-demo");
        browser.findElement(By.cssSelector("vaadin-login-form vaadin-button[slot='submit']")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("signed-in-user")));
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
        browser.get(base + "communities/chuannan-yuxi/forums");
        signIn("zigong.principal2"); // the forums are for members: sign in first
        browser.get(base + "communities/chuannan-yuxi/forums");
        visible("#forums-title");
        WebElement link = wait.until(d -> d.findElements(By.cssSelector(".forum-link")).stream()
                .filter(a -> a.getAttribute("href").endsWith("forums/" + forum)).findFirst().orElse(null));
        assertThat(link.getText()).isEqualTo("乡村教育振兴校长论坛");
        link.click();

        assertThat(visible("#forum-title").getText()).isEqualTo("乡村教育振兴校长论坛");
        assertThat(visible("#agenda").getText()).contains("专题报告：乡村教育振兴与校长领导力", "分组研讨：第二组：乡村教师专业成长");
        click(visible("#register-button"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("registration-status"), "已确认报名"));
        String code = visible("#check-in-code").getText().replace("签到码：", "").trim();
        assertThat(code).matches("[A-Z0-9]{6,}");
        WebElement qr = visible("#check-in-qr");
        wait.until(d -> Boolean.TRUE.equals(((ChromeDriver) d).executeScript(
                "return arguments[0].complete && arguments[0].naturalWidth > 0", qr)));

        click(visible("#breakout-select"));
        wait.until(ExpectedConditions.elementToBeClickable(
                By.xpath("//vaadin-select-item[contains(., '第二组：乡村教师专业成长')]"))).click();
        wait.until(d -> d.findElement(By.id("breakout-select")).getText().contains("第二组：乡村教师专业成长"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("agenda"), "剩余 19 个位置"));

        browser.navigate().refresh(); // the frame counts unread notifications when a page is shown
        assertThat(Integer.parseInt(visible("#unread-count").getText())).isPositive();
        click(visible("#notifications-link"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notifications"), "报名成功：乡村教育振兴校长论坛"));
        assertThat(visible("#notifications").getText()).contains(code);

        // on the day: the host's check-in desk
        open(1400, 1000);
        browser.get(base + "forums/" + forum);
        signIn("luzhou.admin");
        browser.get(base + "forums/" + forum);
        visible("#check-in-input").sendKeys(code);
        visible("#check-in-button").click();
        wait.until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//vaadin-notification-card[contains(., '签到成功')]")));
        wait.until(d -> d.findElements(By.cssSelector("#registrations vaadin-grid-cell-content")).stream()
                .anyMatch(c -> c.getText().contains("四川省自贡市第二实验学校")));
        // a code works once: the second time the desk says when it was used, and no stack trace shows
        visible("#check-in-input").sendKeys(code);
        visible("#check-in-button").click();
        WebElement refused = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//vaadin-notification-card[contains(., '使用过')]")));
        assertThat(refused.getText()).startsWith("操作未完成：").doesNotContain("Exception");
    }

    /** Sets a Vaadin field's value as a user's typing would, through the component's own property. */
    private void setValue(String css, String value) {
        browser.executeScript("arguments[0].value = arguments[1];"
                + "arguments[0].dispatchEvent(new CustomEvent('change', {bubbles: true}));", visible(css), value);
    }

    @Test
    void aMembersAdministratorHostsAForumFromTheForumsPage() throws Exception {
        open(1400, 1000);
        browser.get(base + "communities/chuannan-yuxi/forums");
        signIn("rongchang.admin");
        browser.get(base + "communities/chuannan-yuxi/forums");
        visible("#host-forum").click();
        visible("#forum-form-submit").click();
        WebElement refused = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//vaadin-notification-card[contains(., '必填')]")));
        assertThat(refused.getText()).startsWith("操作未完成：");
        assertThat(browser.findElements(By.id("host-dialog"))).as("the form stays open with what was typed").isNotEmpty();

        visible("#forum-form-title input").sendKeys("荣昌课博会校长论坛");
        visible("#forum-form-venue input").sendKeys("荣昌区会议中心");
        java.time.LocalDate day = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusDays(20);
        setValue("#forum-form-starts", day + "T09:00");
        setValue("#forum-form-ends", day + "T17:00");
        setValue("#forum-form-closes", day.minusDays(2) + "T18:00");
        visible("#forum-form-capacity input").sendKeys("80");
        visible("#forum-form-submit").click();

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("forum-title"), "荣昌课博会校长论坛"));
        assertThat(visible("#forum-when").getText()).contains(day + " 09:00", day + " 17:00");
        assertThat(visible("#seats-left").getText()).isEqualTo("剩余名额：80 / 80");
        assertThat(visible("#host-desk").isDisplayed()).isTrue();
    }
}
