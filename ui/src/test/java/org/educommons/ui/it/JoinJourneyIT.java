package org.educommons.ui.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.util.List;

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
 * A new member joins the same day, on screen: a county applies from a phone without an account,
 * the community's secretariat approves it at a joint council meeting, and the county's first
 * administrator sets a password from the link in the mail and signs in as a member. It joins the
 * test alliance, so that the demo community stays as other tests expect it.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class JoinJourneyIT {

    static final String COUNTY = "赤水市教育局";
    static final String CONTACT = "wang@chishui.example.cn";

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
            screen.screenshot("join-journey-last");
            screen.close();
        }
    }

    private void open(int width, int height) throws Exception {
        if (screen != null) {
            screen.close();
        }
        screen = Screen.open(base, width, height);
    }

    private WebElement card() {
        return screen.wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.xpath("//div[contains(@class, 'join-application') and contains(., '" + COUNTY + "')]")));
    }

    @Test
    void aCountyAppliesOnItsPhoneIsApprovedAndItsAdministratorSignsInTheSameDay() throws Exception {
        // a county's clerk, on a phone, no account
        open(390, 844);
        screen.go("communities/test-alliance");
        screen.click("#join-link");
        screen.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("join-title"), "测试联盟"));
        screen.click("#join-submit");
        assertThat(screen.notification("必填").getText()).startsWith("操作未完成：").doesNotContain("Exception");
        screen.type("#join-name input", COUNTY);
        screen.type("#join-region input", "贵州省遵义市");
        // the unit above it is optional and looked up by name (遵义 is not on the platform: none is chosen)
        screen.type("#join-parent input", "四川");
        List<String> offered = screen.wait.until(d -> {
            List<String> items = d.findElements(By.cssSelector("vaadin-combo-box-item")).stream()
                    .filter(WebElement::isDisplayed).map(WebElement::getText).filter(t -> !t.isBlank()).toList();
            return items.isEmpty() ? null : items;
        });
        assertThat(offered).containsExactly("四川省教育厅（省）");
        screen.visible("#join-parent input").sendKeys(org.openqa.selenium.Keys.ESCAPE);
        screen.visible("#join-parent input").clear();
        screen.type("#join-contact-name input", "王老师");
        screen.type("#join-contact-email input", CONTACT);
        screen.type("#join-reason textarea", "希望与共同体成员学校结对，共享优质教育资源。");
        screen.click("#join-submit");
        screen.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("join-submitted"), COUNTY));
        assertThat(screen.visible("#join-submitted").getText()).contains("编号", CONTACT);

        // the secretariat, at its desk
        open(1400, 1000);
        screen.go("login");
        screen.signIn("secretariat", "educommons-demo");
        screen.go("communities/test-alliance");
        screen.click("#join-applications-link");
        assertThat(card().getText()).contains("待审议", "王老师", CONTACT, "希望与共同体成员学校结对");
        screen.click(card().findElement(By.cssSelector(".approve-application")));
        screen.type("#meeting-name input", "第十二次联席会");
        screen.type("#new-member-slug input", "chishui");
        screen.click("#send-decision");
        screen.notification("已批准");
        screen.wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.xpath("//div[contains(@class, 'join-application') and contains(., '" + COUNTY + "')]"), "已批准"));

        // the county's first administrator, from the link in the mail
        String token = Mailbox.invitationToken(CONTACT, COUNTY);
        open(390, 844);
        screen.go("invitation?token=" + token);
        screen.type("#invitation-password input", "chishui-strong-password");
        screen.type("#invitation-password-again input", "chishui-strong-passw0rd");
        screen.click("#invitation-submit");
        assertThat(screen.notification("不一致").getText()).startsWith("操作未完成：");
        screen.visible("#invitation-password-again input").clear();
        screen.type("#invitation-password-again input", "chishui-strong-password");
        screen.click("#invitation-submit");
        screen.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("invitation-accepted"), "chishui.admin"));
        screen.click("#invitation-sign-in");
        screen.signIn("chishui.admin", "chishui-strong-password");

        screen.go("communities/test-alliance");
        screen.wait.until(d -> d.findElements(By.cssSelector("#members vaadin-grid-cell-content")).stream()
                .anyMatch(c -> c.getText().contains(COUNTY)));
        assertThat(screen.browser.findElements(By.id("join-link"))).as("a member does not apply again").isEmpty();
        assertThat(screen.browser.findElements(By.id("forums-link"))).as("the member's own links").isNotEmpty();

        // the link works once
        screen.go("invitation?token=" + token);
        screen.type("#invitation-password input", "another-password-1");
        screen.type("#invitation-password-again input", "another-password-1");
        screen.click("#invitation-submit");
        assertThat(screen.notification("操作未完成").getText()).doesNotContain("Exception");
        List<WebElement> accepted = screen.browser.findElements(By.id("invitation-accepted"));
        assertThat(accepted).isEmpty();
    }
}
