package org.educommons.ui.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;

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
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A district committee's clerk keeps the next year's work plan on screen: adds an item with a
 * co-organiser, publishes it to the community, moves it on with a progress note and closes the year
 * with its summary. What the screen did is checked over the API, as the other members see it.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MyPlanJourneyIT {

    static final String TITLE = "自贡市“送教下乡”乡村教师培训";

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
            Files.write(shots.resolve(test.getTestMethod().map(m -> m.getName()).orElse("my-plan") + ".png"),
                    browser.getScreenshotAs(OutputType.BYTES));
            browser.quit();
        }
    }

    private WebElement visible(String css) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    private void click(WebElement element) {
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        wait.until(ExpectedConditions.elementToBeClickable(element)).click();
    }

    private WebElement notification(String text) {
        return wait.until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//vaadin-notification-card[contains(., '" + text + "')]")));
    }

    /** Opens a Vaadin select and picks the option that reads {@code text}. */
    private void choose(String selectCss, String text) {
        click(visible(selectCss));
        WebElement option = wait.until(d -> d.findElements(By.xpath("//vaadin-select-item[normalize-space(.)='" + text + "']"))
                .stream().filter(WebElement::isDisplayed).findFirst().orElse(null));
        option.click();
        wait.until(ExpectedConditions.invisibilityOf(option));
    }

    private java.util.List<String> rowTexts() {
        return browser.findElements(By.cssSelector("#my-items vaadin-grid-cell-content")).stream().map(WebElement::getText).toList();
    }

    @Test
    void aClerkWritesPublishesMovesOnAndClosesNextYearsPlan() throws Exception {
        int year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear() + 1;
        browser = Browser.start(1400, 1000);
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class); // the grid re-renders after each save
        browser.get(base + "login");
        visible("vaadin-login-form input[name='username']").sendKeys("zigong.admin");
        browser.findElement(By.cssSelector("vaadin-login-form input[name='password']")).sendKeys("educommons-demo");
        browser.findElement(By.cssSelector("vaadin-login-form vaadin-button[slot='submit']")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("signed-in-user")));
        browser.get(base + "communities/chuannan-yuxi");
        click(visible("#my-plan-link-" + year));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("my-plan-title"), year + " 年工作计划"));
        assertThat(visible("#my-plan-count").getText()).isEqualTo("共 0 项，其中草稿 0 项");

        // an item: refused while incomplete, the dialog keeps what was typed
        click(visible("#add-item"));
        click(visible("#item-save"));
        assertThat(notification("必填").getText()).startsWith("操作未完成：");
        visible("#item-title input").sendKeys(TITLE);
        choose("#item-category", "培训");
        choose("#item-start-month", "3月");
        choose("#item-end-month", "5月");
        visible("#item-lead-unit input").sendKeys("自贡市教育科学研究所");
        WebElement coOrganisers = visible("#item-co-organisers input");
        coOrganisers.sendKeys("内江");
        WebElement neijiang = wait.until(d -> d.findElements(By.xpath("//vaadin-multi-select-combo-box-item[contains(., '内江')]"))
                .stream().filter(WebElement::isDisplayed).findFirst().orElse(null));
        neijiang.click();
        coOrganisers.sendKeys(Keys.ESCAPE);
        click(visible("#item-save"));
        notification("已保存");
        wait.until(d -> rowTexts().contains(TITLE));
        assertThat(rowTexts()).contains("培训", "3–5月");
        assertThat(rowTexts()).anyMatch(t -> t.contains("计划中") && t.contains("草稿"));
        assertThat(rowTexts()).anyMatch(t -> t.contains("内江"));

        // published: the community sees it, the co-organiser among its co-organised items
        click(visible("#publish-plan"));
        notification("已发布 1 项");
        wait.until(d -> rowTexts().stream().anyMatch(t -> t.contains("已发布")));
        assertThat(rowTexts()).noneMatch(t -> t.contains("草稿"));
        Api api = new Api(base);
        JsonNode combined = api.get("api/v1/communities/chuannan-yuxi/plans/" + year + "?member=zigong",
                Api.bearer(api.tokenFor("luzhou.admin"))).json();
        JsonNode item = combined.get("members").get(0).get("items").get(0);
        assertThat(item.get("title").asText()).isEqualTo(TITLE);
        assertThat(item.get("startMonth").asInt()).isEqualTo(3);
        assertThat(item.get("endMonth").asInt()).isEqualTo(5);
        assertThat(item.get("leadUnit").asText()).isEqualTo("自贡市教育科学研究所");
        assertThat(item.get("coOrganisers").toString()).isEqualTo("[\"neijiang\"]");
        assertThat(api.get("api/v1/communities/chuannan-yuxi/plans/" + year + "/items?coOrganised=true",
                Api.bearer(api.tokenFor("neijiang.admin"))).body()).contains(TITLE);

        // moved on: a new status needs a progress note
        click(visible(".edit-item"));
        choose("#item-status", "进行中");
        click(visible("#item-save"));
        assertThat(notification("进展说明").getText()).startsWith("操作未完成：");
        visible("#item-note textarea").sendKeys("第一批送教已在荣县完成");
        click(visible("#item-save"));
        wait.until(d -> rowTexts().stream().anyMatch(t -> t.contains("进行中")));
        JsonNode history = api.get("api/v1/plan-items/" + item.get("id").asLong() + "/history",
                Api.bearer(api.tokenFor("luzhou.admin"))).json().get("items");
        assertThat(history.get(history.size() - 1).get("note").asText()).isEqualTo("第一批送教已在荣县完成");
        assertThat(history.get(history.size() - 1).get("changedBy").asText()).isEqualTo("zigong.admin");

        // closed with the year-end summary: nothing more to change on screen
        click(visible("#close-plan"));
        visible("#summary-input textarea").sendKeys("全年送教 12 次，覆盖乡村学校 30 所。");
        click(visible("#send-summary"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("plan-summary"), "全年送教 12 次"));
        assertThat(browser.findElements(By.id("add-item"))).isEmpty();
        assertThat(browser.findElements(By.cssSelector(".edit-item"))).isEmpty();
    }
}
