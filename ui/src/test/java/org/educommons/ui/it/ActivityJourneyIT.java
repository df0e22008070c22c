package org.educommons.ui.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;

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

    Screen screen;

    @AfterEach
    void closeBrowser() throws Exception {
        if (screen != null) {
            screen.screenshot("activity-journey-last");
            screen.close();
        }
    }

    private void open() throws Exception {
        if (screen != null) {
            screen.close();
        }
        screen = Screen.open(base);
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
        screen.go("login");
        screen.signIn("dazu.admin");
        screen.go("communities/chuannan-yuxi");
        screen.visible("#activities-link").click();
        screen.visible("#activities-title");
        WebElement card = screen.wait.until(d -> d.findElements(By.cssSelector(".activity-card")).stream()
                .filter(c -> c.getText().contains("送教到大足：乡村课堂示范")).findFirst().orElse(null));
        assertThat(card.findElements(By.cssSelector(".awaiting-us"))).hasSize(1);
        card.findElement(By.cssSelector(".activity-link")).click();

        assertThat(screen.visible("#activity-title").getText()).isEqualTo("送教到大足：乡村课堂示范");
        assertThat(screen.visible("#organisers").getText()).contains("待确认", "安排两所乡村学校承接送教");
        screen.visible("#confirm-part").click();
        screen.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("activity-status"), "已确认"));
        assertThat(screen.browser.findElements(By.id("confirm-part"))).isEmpty();
        assertThat(api.get("api/v1/activities/" + id, Api.bearer(api.tokenFor("yongchuan.admin"))).status())
                .as("now the whole community sees it").isEqualTo(200);

        open();
        screen.go("login");
        screen.signIn("luzhou.admin");
        screen.go("activities/" + id);
        screen.visible("#outcome-input textarea").sendKeys("两天送教 6 节示范课，培训乡村教师 120 人次。");
        screen.visible("#save-outcome").click();
        screen.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("activity-status"), "已完成"));
        assertThat(screen.visible("#outcome").getText()).isEqualTo("两天送教 6 节示范课，培训乡村教师 120 人次。");
    }

    @Test
    void anAdministratorProposesASchoolPairingOnScreenAndThePartnerIsAsked() throws Exception {
        String title = "永江结对：同课异构（界面发起）";
        open();
        screen.go("login");
        screen.signIn("yongchuan.admin");
        screen.go("communities/chuannan-yuxi/activities");
        screen.visible("#propose-activity").click();
        screen.visible("#activity-form-title input").sendKeys(title);
        screen.choose("#activity-form-type", "结对帮扶");
        screen.setValue("#activity-form-starts", "2026-12-01");
        screen.setValue("#activity-form-ends", "2027-06-30");
        screen.pick("#activity-form-organisers", "江津");
        screen.visible("#activity-form-part input").sendKeys("安排受援学校参加联合教研");
        screen.choose("#activity-form-supporting", "重庆市永川区第一实验学校");
        screen.choose("#activity-form-supported", "重庆市江津区第二实验学校");
        screen.visible("#activity-form-add-pair").click();
        screen.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("activity-form-pairs"),
                "重庆市永川区第一实验学校 帮扶 重庆市江津区第二实验学校"));
        screen.visible("#activity-form-submit").click();

        screen.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("activity-title"), title));
        assertThat(screen.visible("#activity-status").getText()).isEqualTo("待确认");
        assertThat(screen.visible("#organisers").getText()).contains("江津", "安排受援学校参加联合教研");
        assertThat(screen.visible("#pairings").getText()).contains("重庆市永川区第一实验学校", "重庆市江津区第二实验学校", "2026-12-01");

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
