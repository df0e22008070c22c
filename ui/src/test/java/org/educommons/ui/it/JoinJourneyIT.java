package org.educommons.ui.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;

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
 * A new member joins the same day, on screen: a county applies from a phone without an account,
 * the community's secretariat approves it at a joint council meeting, and the county's first
 * administrator sets a password from the link in the mail and signs in as a member. It joins the
 * test alliance, so that the demo community stays as other tests expect it.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class JoinJourneyIT {

    static final String COUNTY = "古蔺县教育和体育局";
    static final String CONTACT = "wang@gulin.example.cn";

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
            Files.write(shots.resolve(test.getTestMethod().map(m -> m.getName()).orElse("join-journey") + ".png"),
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

    private void click(WebElement element) {
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        wait.until(ExpectedConditions.elementToBeClickable(element)).click();
    }

    private void type(String css, String text) {
        WebElement field = visible(css);
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", field);
        field.sendKeys(text);
    }

    private WebElement notification(String text) {
        return wait.until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//vaadin-notification-card[contains(., '" + text + "')]")));
    }

    private void signIn(String username, String password) {
        // an earlier message may still cover the form for a few seconds
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.tagName("vaadin-notification-card")));
        visible("vaadin-login-form input[name='username']").sendKeys(username);
        browser.findElement(By.cssSelector("vaadin-login-form input[name='password']")).sendKeys(password);
        browser.findElement(By.cssSelector("vaadin-login-form vaadin-button[slot='submit']")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("signed-in-user")));
    }

    /** The invitation token in the approval mail to the county's contact, once the outbox has sent it. */
    private String invitationFromTheMail() throws Exception {
        Pattern link = Pattern.compile("invitation\\?token=([A-Za-z0-9_-]+)");
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            for (MimeMessage m : TestServer.smtp().getReceivedMessages()) {
                boolean toContact = Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().equals(CONTACT));
                String body = String.valueOf(m.getContent());
                Matcher token = link.matcher(body);
                if (toContact && body.contains(COUNTY) && token.find()) {
                    assertThat(body).contains("gulin.admin");
                    return token.group(1);
                }
            }
            Thread.sleep(250);
        }
        throw new AssertionError("no approval mail with an invitation link reached " + CONTACT);
    }

    @Test
    void aCountyAppliesOnItsPhoneIsApprovedAndItsAdministratorSignsInTheSameDay() throws Exception {
        // a county's clerk, on a phone, no account
        open(390, 844);
        browser.get(base + "communities/test-alliance");
        click(visible("#join-link"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("join-title"), "测试联盟"));
        click(visible("#join-submit"));
        assertThat(notification("必填").getText()).startsWith("操作未完成：").doesNotContain("Exception");
        type("#join-name input", COUNTY);
        type("#join-region input", "四川省泸州市");
        type("#join-contact-name input", "王老师");
        type("#join-contact-email input", CONTACT);
        type("#join-reason textarea", "希望与共同体成员学校结对，共享优质教育资源。");
        click(visible("#join-submit"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("join-submitted"), COUNTY));
        assertThat(visible("#join-submitted").getText()).contains("编号", CONTACT);

        // the secretariat, at its desk
        open(1400, 1000);
        browser.get(base + "login");
        signIn("secretariat", "educommons-demo");
        browser.get(base + "communities/test-alliance");
        click(visible("#join-applications-link"));
        WebElement card = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.xpath("//div[contains(@class, 'join-application') and contains(., '" + COUNTY + "')]")));
        assertThat(card.getText()).contains("待审议", "王老师", CONTACT, "希望与共同体成员学校结对");
        click(card.findElement(By.cssSelector(".approve-application")));
        type("#meeting-name input", "第十二次联席会");
        type("#new-member-slug input", "gulin");
        click(visible("#send-decision"));
        notification("已批准");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.xpath("//div[contains(@class, 'join-application') and contains(., '" + COUNTY + "')]"), "已批准"));

        // the county's first administrator, from the link in the mail
        String token = invitationFromTheMail();
        open(390, 844);
        browser.get(base + "invitation?token=" + token);
        type("#invitation-password input", "gulin-strong-password");
        type("#invitation-password-again input", "gulin-strong-passw0rd");
        click(visible("#invitation-submit"));
        assertThat(notification("不一致").getText()).startsWith("操作未完成：");
        visible("#invitation-password-again input").clear();
        type("#invitation-password-again input", "gulin-strong-password");
        click(visible("#invitation-submit"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("invitation-accepted"), "gulin.admin"));
        click(visible("#invitation-sign-in"));
        signIn("gulin.admin", "gulin-strong-password");

        browser.get(base + "communities/test-alliance");
        wait.until(d -> d.findElements(By.cssSelector("#members vaadin-grid-cell-content")).stream()
                .anyMatch(c -> c.getText().contains(COUNTY)));
        assertThat(browser.findElements(By.id("join-link"))).as("a member does not apply again").isEmpty();
        assertThat(browser.findElements(By.id("forums-link"))).as("the member's own links").isNotEmpty();

        // the link works once
        browser.get(base + "invitation?token=" + token);
        type("#invitation-password input", "another-password-1");
        type("#invitation-password-again input", "another-password-1");
        click(visible("#invitation-submit"));
        assertThat(notification("操作未完成").getText()).doesNotContain("Exception");
        List<WebElement> accepted = browser.findElements(By.id("invitation-accepted"));
        assertThat(accepted).isEmpty();
    }
}
