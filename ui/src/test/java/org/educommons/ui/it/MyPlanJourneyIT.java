package org.educommons.ui.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

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

    Screen screen;

    @AfterEach
    void closeBrowser() throws Exception {
        if (screen != null) {
            screen.screenshot("my-plan-journey-last");
            screen.close();
        }
    }

    private java.util.List<String> rowTexts() {
        return screen.browser.findElements(By.cssSelector("#my-items vaadin-grid-cell-content")).stream()
                .map(WebElement::getText).toList();
    }

    @Test
    void aClerkWritesPublishesMovesOnAndClosesNextYearsPlan() throws Exception {
        int year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear() + 1;
        screen = Screen.open(base);
        screen.go("login");
        screen.signIn("zigong.admin");
        screen.go("communities/chuannan-yuxi");
        screen.click(screen.visible("#my-plan-link-" + year));
        screen.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("my-plan-title"), year + " 年工作计划"));
        assertThat(screen.visible("#my-plan-count").getText()).isEqualTo("共 0 项，其中草稿 0 项");

        // an item: refused while incomplete, the dialog keeps what was typed
        screen.click("#add-item");
        screen.click("#item-save");
        assertThat(screen.notification("必填").getText()).startsWith("操作未完成：");
        screen.visible("#item-title input").sendKeys(TITLE);
        screen.choose("#item-category", "培训");
        screen.choose("#item-start-month", "3月");
        screen.choose("#item-end-month", "5月");
        screen.visible("#item-lead-unit input").sendKeys("自贡市教育科学研究所");
        screen.pick("#item-co-organisers", "内江");
        screen.click("#item-save");
        screen.notification("已保存");
        screen.wait.until(d -> rowTexts().contains(TITLE));
        assertThat(rowTexts()).contains("培训", "3–5月");
        assertThat(rowTexts()).anyMatch(t -> t.contains("计划中") && t.contains("草稿"));
        assertThat(rowTexts()).anyMatch(t -> t.contains("内江"));

        // published: the community sees it, the co-organiser among its co-organised items
        screen.click("#publish-plan");
        screen.notification("已发布 1 项");
        screen.wait.until(d -> rowTexts().stream().anyMatch(t -> t.contains("已发布")));
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
        screen.click(".edit-item");
        screen.choose("#item-status", "进行中");
        screen.click("#item-save");
        assertThat(screen.notification("进展说明").getText()).startsWith("操作未完成：");
        screen.visible("#item-note textarea").sendKeys("第一批送教已在荣县完成");
        screen.click("#item-save");
        screen.wait.until(d -> rowTexts().stream().anyMatch(t -> t.contains("进行中")));
        JsonNode history = api.get("api/v1/plan-items/" + item.get("id").asLong() + "/history",
                Api.bearer(api.tokenFor("luzhou.admin"))).json().get("items");
        assertThat(history.get(history.size() - 1).get("note").asText()).isEqualTo("第一批送教已在荣县完成");
        assertThat(history.get(history.size() - 1).get("changedBy").asText()).isEqualTo("zigong.admin");

        // closed with the year-end summary: nothing more to change on screen
        screen.click("#close-plan");
        screen.visible("#prompt-input textarea").sendKeys("全年送教 12 次，覆盖乡村学校 30 所。");
        screen.click("#prompt-send");
        screen.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("plan-summary"), "全年送教 12 次"));
        assertThat(screen.browser.findElements(By.id("add-item"))).isEmpty();
        assertThat(screen.browser.findElements(By.cssSelector(".edit-item"))).isEmpty();
    }
}
