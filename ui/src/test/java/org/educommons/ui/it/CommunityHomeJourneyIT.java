package org.educommons.ui.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A newcomer's first minute, in a real headless Chromium: the community home, signing in as
 * 泸州's administrator, the eleven members with the seven who joined on 2023-02-20, then English.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CommunityHomeJourneyIT {

    @Deployment(testable = false)
    static WebArchive application() {
        return Deployments.application();
    }

    @ArquillianResource
    URL base;

    ChromeDriver browser;
    WebDriverWait wait;

    @BeforeEach
    void openBrowser() throws Exception {
        browser = Browser.start();
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    @AfterEach
    void closeBrowser() throws Exception {
        if (browser != null) {
            Path shots = Path.of("target", "screenshots");
            Files.createDirectories(shots);
            Files.write(shots.resolve("community-home-last.png"), browser.getScreenshotAs(OutputType.BYTES));
            browser.quit();
        }
    }

    private WebElement visible(String css) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    private List<String> gridTexts() {
        return browser.findElements(By.cssSelector("#members vaadin-grid-cell-content")).stream()
                .map(WebElement::getText).toList();
    }

    @Test
    void signInSeeTheElevenMembersSwitchToEnglishAndSignOut() throws Exception {
        browser.get(base + "communities/chuannan-yuxi");
        assertThat(visible("#community-name").getText()).isEqualTo("川南渝西教育共同体");
        assertThat(visible("#member-count").getText()).isEqualTo("共 11 个成员单位，其中创始成员 4 个");

        visible("#login-button").click();
        signIn("luzhou.admin");

        browser.get(base + "communities/chuannan-yuxi");
        visible("#members");
        wait.until(d -> gridTexts().stream().filter(t -> t.contains("2023-02-20")).count() == 7);
        List<String> cells = gridTexts();
        assertThat(cells).filteredOn(t -> t.endsWith("教育和体育局") || t.endsWith("教育委员会") || t.endsWith("教育局")).hasSize(11);
        assertThat(cells).filteredOn(t -> t.contains("2023-02-20") && t.contains("第七次联席会")).hasSize(7);
        assertThat(browser.findElements(By.cssSelector("#members .founding-member"))).hasSize(4);
        assertThat(visible("#signed-in-user").getText()).contains("luzhou.admin");

        visible("#language-switch").click();
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#member-count"), "11 members, 4 of them founding members"));
        assertThat(visible("#community-name").getText()).isEqualTo("Southern Sichuan–Western Chongqing Education Community");
        assertThat(visible("#signed-in-user").getText()).isEqualTo("Signed in: luzhou.admin");
        wait.until(d -> d.findElements(By.cssSelector("#members .founding-member")).stream()
                .allMatch(badge -> badge.getText().equals("Founding member")));
        assertThat(browser.findElements(By.cssSelector("#members .founding-member"))).hasSize(4);

        visible("#logout-button").click();
        assertThat(visible("#login-button").getText()).isEqualTo("Sign in");
        assertThat(browser.findElements(By.id("signed-in-user"))).isEmpty();
    }

    private void signIn(String username) {
        visible("vaadin-login-form input[name='username']").sendKeys(username);
        browser.findElement(By.cssSelector("vaadin-login-form input[name='password']")).sendKeys("educommons-demo");
        browser.findElement(By.cssSelector("vaadin-login-form vaadin-button[slot='submit']")).click();
        assertThat(visible("#signed-in-user").getText()).contains(username);
    }

    @Test
    void aMemberReadsTheCombinedPlanTableOfTheCommunity() {
        browser.get(base + "communities/chuannan-yuxi/plans/2023");
        signIn("yongchuan.admin"); // the table is for members: the visitor is asked to sign in first

        browser.get(base + "communities/chuannan-yuxi");
        // other tests may have published later years: pick 2023, the demo plan
        wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//*[@id='plan-links']//a[contains(., '2023')]"))).click();
        assertThat(visible("#plan-title").getText()).isEqualTo("川南渝西教育共同体 2023 年工作计划");
        assertThat(visible("#plan-count").getText()).isEqualTo("共 16 项，来自 4 个成员单位");
        wait.until(d -> d.findElements(By.cssSelector("#plan-items vaadin-grid-cell-content")).stream()
                .anyMatch(c -> c.getText().equals("组建教师教育课程资源库1.0")));
        assertThat(browser.findElements(By.cssSelector("#plan-items vaadin-grid-cell-content")).stream()
                .map(WebElement::getText).filter(t -> t.equals("举办川南渝西（泸永江荣）教育共同体高峰论坛")).count()).isOne();
        assertThat(visible("#plan-download").getAttribute("href")).contains("VAADIN/dynamic/resource");
    }

    @Test
    void aWrongPasswordKeepsTheVisitorOnTheLoginFormWithAnError() {
        browser.get(base + "login");
        visible("vaadin-login-form input[name='username']").sendKeys("luzhou.admin");
        browser.findElement(By.cssSelector("vaadin-login-form input[name='password']")).sendKeys("wrong");
        browser.findElement(By.cssSelector("vaadin-login-form vaadin-button[slot='submit']")).click();
        wait.until(d -> Boolean.TRUE.equals(((ChromeDriver) d).executeScript(
                "return document.querySelector('vaadin-login-form').error")));
        assertThat(browser.findElements(By.id("signed-in-user"))).isEmpty();
    }
}
