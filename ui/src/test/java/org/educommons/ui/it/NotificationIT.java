package org.educommons.ui.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;

import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMailUtil;

import org.educommons.testing.TestDatabase;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Notifications through the outbox to a real SMTP server (GreenMail), including an outage. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class NotificationIT {

    @Deployment(testable = false)
    static WebArchive application() {
        return Deployments.application();
    }

    @ArquillianResource
    URL base;

    Api api;
    String luzhou;

    @BeforeEach
    void signIn() {
        api = new Api(base);
        luzhou = api.tokenFor("luzhou.admin");
    }

    private long host(String title, int capacity) {
        return api.hostForum(luzhou, title, capacity, "{}", false);
    }

    /** The mails {@code username} received about {@code forum} (other tests mail the same people about other forums). */
    private static List<MimeMessage> mailTo(String username, String forum) {
        return Arrays.stream(TestServer.smtp().getReceivedMessages())
                .filter(m -> GreenMailUtil.getAddressList(recipients(m)).contains(username + "@demo.educommons.invalid"))
                .filter(m -> subject(m).contains(forum))
                .toList();
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static jakarta.mail.Address[] recipients(MimeMessage m) {
        try {
            return m.getAllRecipients();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition not met within %s", timeout).isLessThan(deadline);
            Thread.sleep(250);
        }
    }

    @Test
    void registrationCancellationAndPromotionAreMailedToThePeopleConcerned() throws Exception {
        long forum = host("通知演练论坛", 1);
        String first = api.tokenFor("qijiang.principal1");
        var confirmed = api.post("api/v1/forums/" + forum + "/registrations", "{}", Api.bearer(first)).json();
        api.post("api/v1/forums/" + forum + "/registrations", "{}", Api.bearer(api.tokenFor("qijiang.principal2")));

        await(Duration.ofSeconds(30), () -> mailTo("qijiang.principal1", "通知演练论坛").size() == 1 && mailTo("qijiang.principal2", "通知演练论坛").size() == 1);
        MimeMessage welcome = mailTo("qijiang.principal1", "通知演练论坛").get(0);
        assertThat(welcome.getSubject()).startsWith("报名成功：通知演练论坛");
        assertThat(GreenMailUtil.getBody(welcome)).isNotBlank();
        assertThat(new String(welcome.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
                .contains(confirmed.get("checkInCode").asText());
        assertThat(mailTo("qijiang.principal2", "通知演练论坛").get(0).getSubject()).startsWith("已进入候补");

        api.delete("api/v1/forums/" + forum + "/registrations/" + confirmed.get("id").asLong(), Api.bearer(first));
        await(Duration.ofSeconds(30), () -> mailTo("qijiang.principal1", "通知演练论坛").size() == 2 && mailTo("qijiang.principal2", "通知演练论坛").size() == 2);
        assertThat(mailTo("qijiang.principal1", "通知演练论坛").get(1).getSubject()).startsWith("报名已取消");
        assertThat(mailTo("qijiang.principal2", "通知演练论坛").get(1).getSubject()).startsWith("候补转正");
    }

    /** The subjects of {@code token}'s in-app notifications about {@code forum}, newest first. */
    private List<String> inbox(String token, String forum, String... headers) {
        List<String> subjects = new java.util.ArrayList<>();
        api.get("api/v1/me/notifications?limit=200", Api.bearer(token, headers)).json().get("items").forEach(n -> {
            if (n.get("subject").asText().contains(forum)) {
                subjects.add(n.get("subject").asText());
            }
        });
        return subjects;
    }

    private long unread(String token) {
        return api.get("api/v1/me/notifications/unread-count", Api.bearer(token)).json().get("unread").asLong();
    }

    @Test
    void thePeopleConcernedAreToldInAppInTheirOwnLanguageAndMarkWhatTheyRead() {
        long forum = host("站内通知演练", 1);
        String first = api.tokenFor("wansheng.principal1");
        String second = api.tokenFor("wansheng.principal2");
        long unreadBefore = unread(second);
        var confirmed = api.post("api/v1/forums/" + forum + "/registrations", "{}", Api.bearer(first)).json();
        api.post("api/v1/forums/" + forum + "/registrations", "{}", Api.bearer(second));
        api.delete("api/v1/forums/" + forum + "/registrations/" + confirmed.get("id").asLong(), Api.bearer(first));

        // at once, no sender involved: the rows were written with the changes
        assertThat(inbox(first, "站内通知演练")).containsExactly("报名已取消：站内通知演练", "报名成功：站内通知演练");
        assertThat(inbox(second, "站内通知演练")).containsExactly("候补转正：站内通知演练", "已进入候补：站内通知演练");
        assertThat(inbox(second, "站内通知演练", "Accept-Language", "en"))
                .containsExactly("Off the waitlist: 站内通知演练", "Waitlisted: 站内通知演练");
        var newest = api.get("api/v1/me/notifications?limit=1", Api.bearer(second)).json().get("items").get(0);
        assertThat(newest.get("body").asText()).contains("有名额空出", "泸州市会议中心");
        assertThat(newest.hasNonNull("readAt")).isFalse();
        assertThat(unread(second)).isEqualTo(unreadBefore + 2);

        long id = newest.get("id").asLong();
        assertThat(api.post("api/v1/me/notifications/" + id + "/read", "", Api.bearer(first)).status())
                .as("someone else's notification").isEqualTo(404);
        assertThat(api.post("api/v1/me/notifications/" + id + "/read", "", Api.bearer(luzhou)).status())
                .as("another tenant's notification").isEqualTo(404);
        assertThat(unread(second)).isEqualTo(unreadBefore + 2);
        assertThat(api.post("api/v1/me/notifications/" + id + "/read", "", Api.bearer(second)).status()).isEqualTo(204);
        assertThat(unread(second)).isEqualTo(unreadBefore + 1);
        assertThat(api.get("api/v1/me/notifications?unread=true&limit=200", Api.bearer(second)).body())
                .doesNotContain("候补转正：站内通知演练").contains("已进入候补：站内通知演练");
        assertThat(api.post("api/v1/me/notifications/read", "", Api.bearer(second)).json().get("marked").asInt())
                .isEqualTo((int) unreadBefore + 1);
        assertThat(unread(second)).isZero();
        assertThat(api.get("api/v1/me/notifications", Api.bearer("not-a-token")).status()).isEqualTo(401);

        // reading is a write too: 万盛's admin finds it in the tenant's trail, once per change
        List<String> trail = new ArrayList<>();
        api.get("api/v1/audit?limit=50", Api.bearer(api.tokenFor("wansheng.admin"))).json().get("items")
                .forEach(e -> trail.add(e.get("actor").asText() + " " + e.get("entity").asText() + " "
                        + e.get("action").asText() + " " + e.get("entityId").asText() + " " + e.get("changes")));
        assertThat(trail).contains("wansheng.principal2 notification read " + id + " {}",
                "wansheng.principal2 notification read all {\"count\":" + (unreadBefore + 1) + "}");
        assertThat(trail).filteredOn(e -> e.startsWith("wansheng.principal2 notification read " + id)).hasSize(1);
    }

    @Test
    void aMailServerThatIsDownDelaysMailButNeverFailsTheWriteOrLosesTheMessage() throws Exception {
        long forum = host("邮件中断演练", 10);
        TestServer.stopSmtp();
        try {
            var reply = api.post("api/v1/forums/" + forum + "/registrations", "{}", Api.bearer(api.tokenFor("tongliang.principal1")));
            assertThat(reply.status()).isEqualTo(201);
            await(Duration.ofSeconds(30), () -> attemptsFor("tongliang.principal1") >= 1);
        } finally {
            TestServer.startSmtp();
        }
        await(Duration.ofSeconds(90), () -> mailTo("tongliang.principal1", "邮件中断演练").size() == 1);
        Thread.sleep(3000);
        assertThat(mailTo("tongliang.principal1", "邮件中断演练")).as("sent once").hasSize(1);
        try (Connection db = TestDatabase.owner(TestServer.settings()); Statement s = db.createStatement();
             ResultSet r = s.executeQuery("select count(*) filter (where sent_at is not null), count(*) from outbox_message "
                     + "where recipient = 'tongliang.principal1@demo.educommons.invalid' and subject like '%邮件中断演练%'")) {
            r.next();
            assertThat(r.getInt(1)).isEqualTo(1);
            assertThat(r.getInt(2)).isEqualTo(1);
        }
    }

    private static int attemptsFor(String username) {
        try (Connection db = TestDatabase.owner(TestServer.settings()); Statement s = db.createStatement();
             ResultSet r = s.executeQuery("select coalesce(max(attempts), 0) from outbox_message where recipient = '"
                     + username + "@demo.educommons.invalid' and sent_at is null")) {
            r.next();
            return r.getInt(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
