package org.educommons.ui.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.util.ArrayList;
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

/**
 * Every screen opened by its address, in a real Chromium, by someone it is not for: an anonymous
 * visitor is asked to sign in and sees none of the data, and another member's administrator gets
 * "not found" or "not allowed" for what only its owners may see — never the data itself.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ScreensByUrlIT {

    private static final String COMMUNITY = "communities/chuannan-yuxi/";
    private static final String ACTIVITY = "按地址访问测试：泸荣教研交流";
    private static final String APPLICANT = "按地址访问测试县教育局";
    private static final String DRAFT = "按地址访问测试：泸州草稿事项";

    @Deployment(testable = false)
    static WebArchive application() {
        return Deployments.application();
    }

    @ArquillianResource
    URL base;

    Api api;
    Screen screen;
    long activity;
    long forum;

    @BeforeEach
    void privateThingsOfLuzhou() throws Exception {
        api = new Api(base);
        String luzhou = api.tokenFor("luzhou.admin");
        Api.Reply proposed = api.post("api/v1/" + COMMUNITY + "activities", """
                {"title":"%s","type":"EXCHANGE","startsOn":"2045-03-01","endsOn":"2045-06-30",
                 "description":"互派交流","organisers":[{"tenant":"rongchang","part":"接待"}]}""".formatted(ACTIVITY),
                Api.bearer(luzhou));
        assertThat(proposed.status()).as(proposed.body()).isEqualTo(201);
        activity = proposed.json().get("id").asLong();
        api.post("api/v1/" + COMMUNITY + "join-applications", """
                {"name":"%s","kind":"DISTRICT","region":"四川省","contactName":"测试","contactEmail":"byurl@example.cn",
                 "reason":"测试"}""".formatted(APPLICANT));
        api.post("api/v1/" + COMMUNITY + "plans/2045/items", "{\"title\":\"" + DRAFT + "\",\"category\":\"EXCHANGE\"}",
                Api.bearer(luzhou));
        forum = api.hostForum(luzhou, "按地址访问测试论坛", 10, "{}", false);
        screen = Screen.open(base);
    }

    @AfterEach
    void closeBrowser() {
        if (screen != null) {
            screen.close();
        }
    }

    private List<String> membersScreens() {
        return List.of(COMMUNITY + "activities", "activities/" + activity, "me/notifications", "me/calendar-links",
                COMMUNITY + "join-applications",
                COMMUNITY + "plans/2045/mine", COMMUNITY + "plans/2023", "forums/" + forum, COMMUNITY + "forums");
    }

    @Test
    void anAnonymousVisitorIsAskedToSignInOnEveryMembersScreenAndSeesNoData() {
        List<String> leaks = new ArrayList<>();
        for (String address : membersScreens()) {
            screen.go(address);
            screen.visible("vaadin-login-form");
            String page = screen.browser.findElement(By.tagName("body")).getText();
            for (String secret : List.of(ACTIVITY, APPLICANT, DRAFT, "按地址访问测试论坛", "组建教师教育课程资源库", "luzhou.principal")) {
                if (page.contains(secret)) {
                    leaks.add(address + " shows " + secret);
                }
            }
        }
        org.educommons.testing.Proofs.report("screens-by-url-anonymous", "Screens by URL, anonymous: " + membersScreens().size() + " screens, " + leaks.size() + " leaks");
        assertThat(leaks).isEmpty();
    }

    @Test
    void anotherMembersAdministratorGetsNotFoundOrNotAllowedNeverTheData() {
        screen.go("login");
        screen.signIn("yongchuan.admin");

        screen.go("activities/" + activity);
        assertThat(screen.visible("h2").getText()).as("an activity under proposal between others").isEqualTo("未找到");
        assertThat(body()).doesNotContain(ACTIVITY);

        screen.go(COMMUNITY + "join-applications");
        assertThat(screen.visible("h2").getText()).as("the secretariat's desk").isEqualTo("无权操作");
        assertThat(body()).doesNotContain(APPLICANT);

        screen.go(COMMUNITY + "plans/2045/mine");
        screen.visible("h2");
        assertThat(body()).as("永川's own plan, never 泸州's draft").doesNotContain(DRAFT);

        screen.go(COMMUNITY + "plans/2045");
        screen.visible("h2");
        assertThat(body()).as("a draft is not in the combined table").doesNotContain(DRAFT);

        for (String unknown : List.of("activities/999999999", "forums/999999999", "communities/no-such-community/forums",
                "activities/not-a-number")) {
            screen.go(unknown);
            assertThat(screen.visible("h2").getText()).as(unknown).isEqualTo("未找到");
        }
        System.out.println("Screens by URL, another member's administrator: 8 addresses, none showed another's data");
    }

    @Test
    void anAddressWithNoScreenIsNotFoundInTheUsersLanguageWithTheWayBack() {
        screen.go("no-such-screen/at-all");
        assertThat(screen.visible("h2").getText()).isEqualTo("未找到");
        assertThat(body()).contains("没有这个地址。").doesNotContain("Could not navigate").doesNotContain("no-such-screen");
        assertThat(screen.visible("#not-found-home").getText()).isEqualTo("返回首页");

        screen.visible("#language-switch").click();
        screen.wait.until(d -> screen.visible("h2").getText().equals("Not found"));
        assertThat(body()).contains("There is nothing at this address.").doesNotContain("Could not navigate");
        screen.visible("#not-found-home").click();
        screen.visible("#language-switch"); // the start page, in the frame
        assertThat(screen.browser.getCurrentUrl()).doesNotContain("no-such-screen");
    }

    private String body() {
        return screen.browser.findElement(By.tagName("body")).getText();
    }
}
