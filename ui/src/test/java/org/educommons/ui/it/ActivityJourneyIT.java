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
 * A joint activity on screen: 泸州 proposes training sent to 大足's schools (over the API); 大足's
 * administrator finds it marked as awaiting their answer and confirms; 泸州's administrator then
 * reports the outcome. Headless Chromium, real server, real database.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ActivityJourneyIT {

    @Deployment(testable = false)
    static WebArchive application() {
        return Deployments.application();
    }

    @ArquillianResource
    URL base;

    ChromeDriver browser;
    WebDriverWait wait;

    @AfterEach
    void closeBrowser() throws Exception {
        if (browser != null) {
            Path shots = Path.of("target", "screenshots");
            Files.createDirectories(shots);
            Files.write(shots.resolve("activity-journey-last.png"), browser.getScreenshotAs(OutputType.BYTES));
            browser.quit();
        }
    }

    private void open() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        browser = Browser.start();
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    private WebElement visible(String css) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    private void signIn(String username) {
        browser.get(base + "login");
        visible("vaadin-login-form input[name='username']").sendKeys(username);
        browser.findElement(By.cssSelector("vaadin-login-form input[name='password']")).sendKeys("educommons-demo");
        browser.findElement(By.cssSelector("vaadin-login-form vaadin-button[slot='submit']")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("signed-in-user")));
    }

    @Test
    void anOrganiserConfirmsItsPartOnScreenAndTheProposerReportsTheOutcome() throws Exception {
        Api api = new Api(base);
        Api.Reply proposed = api.post("api/v1/communities/chuannan-yuxi/activities", """
                {"title":"送教到大足：乡村课堂示范","type":"TRAINING_SENT","startsOn":"2026-12-14","endsOn":"2026-12-15",
                 "organisers":[{"tenant":"dazu","part":"安排两所乡村学校承接送教"}]}""",
                Api.bearer(api.tokenFor("luzhou.admin")));
        assertThat(proposed.status()).isEqualTo(201);
        long id = proposed.json().get("id").asLong();

        open();
        signIn("dazu.admin");
        browser.get(base + "communities/chuannan-yuxi");
        visible("#activities-link").click();
        visible("#activities-title");
        WebElement card = wait.until(d -> d.findElements(By.cssSelector(".activity-card")).stream()
                .filter(c -> c.getText().contains("送教到大足：乡村课堂示范")).findFirst().orElse(null));
        assertThat(card.findElements(By.cssSelector(".awaiting-us"))).hasSize(1);
        card.findElement(By.cssSelector(".activity-link")).click();

        assertThat(visible("#activity-title").getText()).isEqualTo("送教到大足：乡村课堂示范");
        assertThat(visible("#organisers").getText()).contains("待确认", "安排两所乡村学校承接送教");
        visible("#confirm-part").click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("activity-status"), "已确认"));
        assertThat(browser.findElements(By.id("confirm-part"))).isEmpty();
        assertThat(api.get("api/v1/activities/" + id, Api.bearer(api.tokenFor("yongchuan.admin"))).status())
                .as("now the whole community sees it").isEqualTo(200);

        open();
        signIn("luzhou.admin");
        browser.get(base + "activities/" + id);
        visible("#outcome-input textarea").sendKeys("两天送教 6 节示范课，培训乡村教师 120 人次。");
        visible("#save-outcome").click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("activity-status"), "已完成"));
        assertThat(visible("#outcome").getText()).isEqualTo("两天送教 6 节示范课，培训乡村教师 120 人次。");
    }

    /** Opens a Vaadin select and picks the option that starts with {@code text}. */
    private void choose(String selectCss, String text) {
        WebElement select = visible(selectCss);
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", select);
        select.click();
        WebElement option = wait.until(d -> d.findElements(By.xpath("//vaadin-select-item[starts-with(normalize-space(.), '" + text + "')]"))
                .stream().filter(WebElement::isDisplayed).findFirst().orElse(null));
        option.click();
        wait.until(ExpectedConditions.invisibilityOf(option));
    }

    /** Sets a Vaadin date field as a user's typing would, through the component's own property. */
    private void setDate(String css, String isoDate) {
        browser.executeScript("arguments[0].value = arguments[1];"
                + "arguments[0].dispatchEvent(new CustomEvent('change', {bubbles: true}));", visible(css), isoDate);
    }

    @Test
    void anAdministratorProposesASchoolPairingOnScreenAndThePartnerIsAsked() throws Exception {
        String title = "永江结对：同课异构（界面发起）";
        open();
        signIn("yongchuan.admin");
        browser.get(base + "communities/chuannan-yuxi/activities");
        visible("#propose-activity").click();
        visible("#activity-form-title input").sendKeys(title);
        choose("#activity-form-type", "结对帮扶");
        setDate("#activity-form-starts", "2026-12-01");
        setDate("#activity-form-ends", "2027-06-30");
        WebElement organisers = visible("#activity-form-organisers input");
        organisers.sendKeys("江津");
        wait.until(d -> d.findElements(By.xpath("//vaadin-multi-select-combo-box-item[contains(., '江津')]"))
                .stream().filter(WebElement::isDisplayed).findFirst().orElse(null)).click();
        organisers.sendKeys(org.openqa.selenium.Keys.ESCAPE);
        visible("#activity-form-part input").sendKeys("安排受援学校参加联合教研");
        choose("#activity-form-supporting", "重庆市永川区第一实验学校");
        choose("#activity-form-supported", "重庆市江津区第二实验学校");
        visible("#activity-form-add-pair").click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("activity-form-pairs"),
                "重庆市永川区第一实验学校 帮扶 重庆市江津区第二实验学校"));
        visible("#activity-form-submit").click();

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("activity-title"), title));
        assertThat(visible("#activity-status").getText()).isEqualTo("待确认");
        assertThat(visible("#organisers").getText()).contains("江津", "安排受援学校参加联合教研");
        assertThat(visible("#pairings").getText()).contains("重庆市永川区第一实验学校", "重庆市江津区第二实验学校", "2026-12-01");

        // the partner is asked; the rest of the community does not see it yet
        Api api = new Api(base);
        String jiangjin = api.tokenFor("jiangjin.admin");
        JsonNode mine = null;
        for (JsonNode a : api.get("api/v1/communities/chuannan-yuxi/activities?limit=200", Api.bearer(jiangjin)).json().get("items")) {
            if (a.get("title").asText().equals(title)) {
                mine = a;
            }
        }
        assertThat(mine).as("江津 sees the proposal").isNotNull();
        assertThat(mine.get("type").asText()).isEqualTo("SCHOOL_PAIRING");
        assertThat(mine.get("schools").toString()).contains("重庆市永川区第一实验学校", "重庆市江津区第二实验学校");
        assertThat(api.get("api/v1/communities/chuannan-yuxi/activities?limit=200", Api.bearer(api.tokenFor("zigong.admin")))
                .body()).doesNotContain(title);
        assertThat(api.get("api/v1/me/notifications?limit=50", Api.bearer(jiangjin)).body()).contains(title);
    }
}
