package org.educommons.ui.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;

import org.educommons.testing.TestDatabase;
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
import org.openqa.selenium.Cookie;

/**
 * What each proof of identity opens, tried as an attacker would: a calendar token opens its feeds
 * and nothing else, no API call makes or honours a session, a page on another site cannot act through
 * a signed-in browser, guessing passwords is throttled per account and per address (the right password
 * included), old password hashes are upgraded, and the limits on what a request may carry hold.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AccessSecurityIT {

    private static final String COMMUNITY = "api/v1/communities/chuannan-yuxi/";

    @Deployment(testable = false)
    static WebArchive application() {
        return Deployments.application();
    }

    @ArquillianResource
    URL base;

    Api api;

    @BeforeEach
    void client() {
        api = new Api(base);
    }

    @AfterEach
    void forgetThrottling() throws Exception {
        // this class fails sign-ins on purpose; other classes sign in from the same address
        try (Connection c = TestDatabase.owner(TestServer.settings()); Statement s = c.createStatement()) {
            s.executeUpdate("delete from throttle_event");
        }
    }

    @Test
    void aCalendarTokenOpensItsFeedsAndNothingElseAndMakesNoSession() {
        String feedToken = api.post("api/v1/me/calendar-token", "", Api.bearer(api.tokenFor("luzhou.admin")))
                .json().get("accessToken").asText();

        Api.Reply feed = api.get(COMMUNITY + "calendar.ics?token=" + feedToken);
        assertThat(feed.status()).isEqualTo(200);
        assertThat(feed.headers().allValues("Set-Cookie")).as("a feed makes no session").isEmpty();

        for (String elsewhere : List.of("api/v1/audit", "api/v1/me", "api/v1/audit;feed.ics", "api/v1/audit;x=calendar.ics",
                "api/v1/accounts/calendar.ics", COMMUNITY + "calendar.ics/../../../audit", "api/v1/audit%3Bcalendar.ics")) {
            Api.Reply reply = api.get(elsewhere + "?token=" + feedToken);
            assertThat(reply.status()).as(elsewhere).isIn(401, 404);
            assertThat(reply.body()).as(elsewhere).doesNotContain("token-issued", "luzhou.admin");
        }
        assertThat(api.post(COMMUNITY + "plans/2041/publish?token=" + feedToken, "").status())
                .as("a feed token never writes").isEqualTo(401);
    }

    @Test
    void noApiCallMakesASessionAndASessionCookieOpensNoApi() throws Exception {
        Api.Reply me = api.get("api/v1/me", Api.bearer(api.tokenFor("luzhou.admin")));
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.headers().allValues("Set-Cookie")).as("a bearer call makes no session").isEmpty();

        String setCookie = api.get("").headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID=")).findFirst().orElseThrow();
        assertThat(setCookie).as("the screens' session cookie as the server writes it").containsIgnoringCase("HttpOnly")
                .containsIgnoringCase("SameSite=Lax").doesNotContainIgnoringCase("Secure");
        Cookie session = signedInSessionCookie("luzhou.admin");
        assertThat(session.isHttpOnly()).isTrue();
        Api.Reply audit = api.get("api/v1/audit", "Cookie", "JSESSIONID=" + session.getValue());
        assertThat(audit.status()).as("the sign-in form's session is for the screens only").isEqualTo(401);
        assertThat(audit.body()).doesNotContain("token-issued");
    }

    @Test
    void aPageOnAnotherSiteCannotPublishAPlanThroughASignedInBrowser() throws Exception {
        String dazu = api.tokenFor("dazu.admin");
        assertThat(api.post(COMMUNITY + "plans/2041/items", "{\"title\":\"大足区石刻研学课程开发\",\"category\":\"EXCHANGE\"}",
                Api.bearer(dazu)).status()).isEqualTo(201);
        HttpServer attacker = HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        String target = base + COMMUNITY + "plans/2041/publish";
        byte[] page = ("<html><body><form method='post' action='" + target + "' enctype='text/plain'>"
                + "<input name='{\"a\":\"' value='\"}'></form><script>document.forms[0].submit()</script></body></html>")
                .getBytes(StandardCharsets.UTF_8);
        attacker.createContext("/", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        attacker.start();
        try (Screen screen = Screen.open(base)) {
            screen.go("login");
            screen.signIn("dazu.admin");
            screen.browser.get("http://127.0.0.1:" + attacker.getAddress().getPort() + "/prize.html");
            screen.wait.until(d -> d.getCurrentUrl().startsWith(target));
            assertThat(screen.browser.getPageSource()).doesNotContain("PUBLISHED");
        } finally {
            attacker.stop(0);
        }
        assertThat(titlesOf("dazu", "2041")).as("the draft stays a draft").isEmpty();
        // the same request with the member's own token does publish: the check above could fail
        assertThat(api.post(COMMUNITY + "plans/2041/publish", "", Api.bearer(dazu)).status()).isEqualTo(200);
        assertThat(titlesOf("dazu", "2041")).containsExactly("大足区石刻研学课程开发");
    }

    @Test
    void aPersonListsAndRevokesTheirCalendarTokensAndARevokedFeedStopsAtOnce() {
        String zigong = api.tokenFor("zigong.principal1");
        String feedToken = api.post("api/v1/me/calendar-token", "", Api.bearer(zigong)).json().get("accessToken").asText();
        assertThat(api.get(COMMUNITY + "calendar.ics?token=" + feedToken).status()).isEqualTo(200);

        JsonNode tokens = api.get("api/v1/me/calendar-tokens", Api.bearer(zigong)).json();
        assertThat(tokens.size()).isPositive();
        assertThat(tokens.toString()).doesNotContain(feedToken);
        long id = tokens.get(0).get("id").asLong();
        assertThat(api.delete("api/v1/me/calendar-tokens/" + id, Api.bearer(api.tokenFor("zigong.principal2"))).status())
                .as("another person's token").isEqualTo(404);
        assertThat(api.get(COMMUNITY + "calendar.ics?token=" + feedToken).status()).isEqualTo(200);

        assertThat(api.delete("api/v1/me/calendar-tokens/" + id, Api.bearer(zigong)).status()).isEqualTo(204);

        assertThat(api.get(COMMUNITY + "calendar.ics?token=" + feedToken).status()).isEqualTo(401);
        List<Long> left = new ArrayList<>();
        api.get("api/v1/me/calendar-tokens", Api.bearer(zigong)).json().forEach(t -> left.add(t.get("id").asLong()));
        assertThat(left).doesNotContain(id);
    }

    @Test
    void onAPhoneAPersonMakesACalendarLinkThatWorksAndRevokesItOnScreen() throws Exception {
        try (Screen screen = Screen.open(base, 390, 844)) {
            screen.go("me/calendar-links");
            screen.signIn("neijiang.principal1");
            screen.go("me/calendar-links");
            screen.visible("#calendar-links");
            assertThat(screen.browser.findElements(By.cssSelector(".calendar-token"))).isEmpty();

            screen.click("#create-calendar-link");
            String link = screen.visible("#new-calendar-links .calendar-link input").getAttribute("value");
            assertThat(link).as("the community's feed, with the new token").startsWith(base + COMMUNITY + "calendar.ics?token=");
            String path = link.substring(base.toString().length());
            Api.Reply feed = api.get(path);
            assertThat(feed.status()).isEqualTo(200);
            assertThat(feed.body()).contains("BEGIN:VCALENDAR");
            assertThat(api.get("api/v1/me", "Authorization", "Bearer " + path.replaceAll(".*token=", "")).status())
                    .as("the link opens the feed, not the account").isEqualTo(401);
            screen.visible(".calendar-token");
            assertThat(screen.browser.findElements(By.cssSelector(".calendar-token"))).hasSize(1);

            // gone from the screen once left: the token is shown once, only its digest is kept
            screen.go("me/calendar-links");
            screen.visible("#calendar-links .calendar-token");
            assertThat(screen.browser.findElements(By.cssSelector("#new-calendar-links .calendar-link"))).isEmpty();

            screen.click(".calendar-token .revoke-calendar-link");
            screen.click("#confirm-revoke");
            screen.wait.until(d -> d.findElements(By.cssSelector(".calendar-token")).isEmpty());
            assertThat(api.get(path).status()).as("a revoked link stops at once").isEqualTo(401);
            assertThat((Boolean) screen.browser.executeScript(
                    "return document.documentElement.scrollWidth <= window.innerWidth")).as("no sideways scrolling").isTrue();
        }
    }

    @Test
    void whatEndsATokenInTheDatabaseEndsItOnThisNodeWithinMillisecondsThoughItHadVerifiedIt() throws Exception {
        // a token deleted where this node does not see it happen (another node's sign-out, an operator)
        String deleted = verifiedToken("neijiang.principal3");
        execute("delete from access_token where token_hash = ?", org.educommons.identity.Secrets.digest(deleted));
        long afterDelete = millisUntilRefused(deleted);

        // an account disabled: every token of it ends
        String disabled = verifiedToken("wansheng.principal3");
        try {
            execute("update account set enabled = false where username = ?", "wansheng.principal3");
            long afterDisable = millisUntilRefused(disabled);

            // the node's listening connection cut: once it listens again, the same holds
            String before = value("select coalesce(string_agg(pid::text, ','), '') from pg_stat_activity where application_name = ?",
                    org.educommons.platform.database.DatabaseNotifications.APPLICATION_NAME);
            assertThat(before).as("the node listens").isNotEmpty();
            execute("select pg_terminate_backend(pid) from pg_stat_activity where application_name = ?",
                    org.educommons.platform.database.DatabaseNotifications.APPLICATION_NAME);
            String after = "";
            for (int i = 0; i < 300 && (after.isEmpty() || after.equals(before)); i++) {
                Thread.sleep(100);
                after = value("select coalesce(string_agg(pid::text, ','), '') from pg_stat_activity where application_name = ?",
                        org.educommons.platform.database.DatabaseNotifications.APPLICATION_NAME);
            }
            assertThat(after).as("listening again on a new connection").isNotEmpty().isNotEqualTo(before);
            String third = verifiedToken("neijiang.principal2");
            execute("delete from access_token where token_hash = ?", org.educommons.identity.Secrets.digest(third));
            long afterReconnect = millisUntilRefused(third);
            System.out.printf("Tokens refused %d ms after deletion, %d ms after the account was disabled, %d ms after"
                    + " deletion once listening again%n", afterDelete, afterDisable, afterReconnect);
        } finally {
            execute("update account set enabled = true where username = ?", "wansheng.principal3");
        }
    }

    /** A fresh token of {@code username}, used a few times so that this node has verified it. */
    private String verifiedToken(String username) {
        String token = api.newTokenFor(username);
        for (int i = 0; i < 3; i++) {
            assertThat(api.get("api/v1/me", Api.bearer(token)).status()).isEqualTo(200);
        }
        return token;
    }

    /** How long until the API refuses {@code token}: within two seconds, or the test fails. */
    private long millisUntilRefused(String token) throws InterruptedException {
        long started = System.nanoTime();
        while (System.nanoTime() - started < 2_000_000_000L) {
            Api.Reply reply = api.get("api/v1/me", Api.bearer(token));
            if (reply.status() == 401) {
                return (System.nanoTime() - started) / 1_000_000;
            }
            assertThat(reply.status()).isEqualTo(200);
            Thread.sleep(5);
        }
        throw new AssertionError("the token still opened the API two seconds after it ended in the database");
    }

    private static void execute(String sql, String arg) {
        try (Connection c = TestDatabase.owner(TestServer.settings()); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, arg);
            s.execute();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void signingOutOfTheApiEndsItsTokenAtOnce() {
        String token = api.newTokenFor("neijiang.principal2");
        assertThat(api.get("api/v1/me", Api.bearer(token)).status()).isEqualTo(200);

        assertThat(api.post("api/v1/auth/sign-out", "", Api.bearer(token)).status()).isEqualTo(204);

        Api.Reply after = api.get("api/v1/me", Api.bearer(token));
        assertThat(after.status()).isEqualTo(401);
        assertThat(after.contentType()).startsWith("application/problem+json");
    }

    @Test
    void repeatedWrongPasswordsLockTheAccountForAWhileEvenAgainstTheRightPassword() {
        List<Integer> answers = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            answers.add(signIn("qijiang.principal3", "wrong-password-" + i).status());
        }
        assertThat(answers.subList(0, 5)).containsOnly(401);
        assertThat(answers.subList(5, 30)).containsOnly(429);

        Api.Reply right = signIn("qijiang.principal3", Screen.DEMO_PASSWORD);
        assertThat(right.status()).isEqualTo(429);
        assertThat(right.contentType()).startsWith("application/problem+json");
        assertThat(right.json().get("type").asText()).endsWith("/too-many-sign-ins");
        assertThat(Long.parseLong(right.header("Retry-After"))).isBetween(1L, 15 * 60L);
        assertThat(signIn("qijiang.principal2", Screen.DEMO_PASSWORD).status()).as("another account").isEqualTo(200);

        // every failure counted is in the tenant's audit trail, never with the password tried
        JsonNode trail = api.get("api/v1/audit?limit=200", Api.bearer(api.tokenFor("qijiang.admin"))).json();
        long qijiang3 = accountId("qijiang.principal3");
        List<String> failures = new ArrayList<>();
        trail.get("items").forEach(e -> {
            if ("sign-in-failed".equals(e.get("action").asText()) && e.get("entityId").asLong() == qijiang3) {
                failures.add(e.toString());
            }
        });
        assertThat(failures).hasSize(5).noneMatch(e -> e.contains("wrong-password"));
    }

    @Test
    void oneAddressGuessingManyAccountsIsThrottledWhileOthersSignIn() throws Exception {
        int port = base.getPort();
        for (int i = 0; i < 20; i++) {
            RawHttp.Reply guess = RawHttp.post("127.0.0.2", port, "/api/v1/auth/token",
                    "{\"username\":\"guess" + i + "\",\"password\":\"123456789012\"}");
            assertThat(guess.status()).isEqualTo(401);
        }
        RawHttp.Reply throttled = RawHttp.post("127.0.0.2", port, "/api/v1/auth/token",
                "{\"username\":\"tongliang.principal1\",\"password\":\"" + Screen.DEMO_PASSWORD + "\"}");
        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.header("Retry-After")).isNotNull();

        assertThat(RawHttp.post("127.0.0.3", port, "/api/v1/auth/token",
                "{\"username\":\"tongliang.principal1\",\"password\":\"" + Screen.DEMO_PASSWORD + "\"}").status())
                .as("the same person from elsewhere").isEqualTo(200);
        assertThat(RawHttp.post("127.0.0.2", port, "/api/v1/auth/token",
                "{\"username\":\"tongliang.principal1\",\"password\":\"" + Screen.DEMO_PASSWORD + "\"}",
                "X-Forwarded-For", "198.51.100.7").status())
                .as("a client cannot choose its address").isEqualTo(429);
    }

    @Test
    void aPasswordHashFromAnOlderWorkFactorIsUpgradedAtTheNextSignIn() throws Exception {
        byte[] salt = new byte[32];
        new SecureRandom().nextBytes(salt);
        byte[] key = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                .generateSecret(new PBEKeySpec(Screen.DEMO_PASSWORD.toCharArray(), salt, 2048, 256)).getEncoded();
        String old = "PBKDF2WithHmacSHA256:2048:" + Base64.getEncoder().encodeToString(salt) + ":"
                + Base64.getEncoder().encodeToString(key);
        try (Connection c = TestDatabase.owner(TestServer.settings());
             PreparedStatement s = c.prepareStatement("update account set password_hash = ? where username = 'wansheng.principal2'")) {
            s.setString(1, old);
            assertThat(s.executeUpdate()).isOne();
        }

        assertThat(signIn("wansheng.principal2", Screen.DEMO_PASSWORD).status()).isEqualTo(200);

        String upgraded = storedHash("wansheng.principal2");
        assertThat(upgraded).startsWith("PBKDF2WithHmacSHA256:600000:").isNotEqualTo(old);
        assertThat(signIn("wansheng.principal2", Screen.DEMO_PASSWORD).status()).isEqualTo(200);
        assertThat(storedHash("wansheng.principal2")).as("upgraded once").isEqualTo(upgraded);
    }

    @Test
    void everyResponseCarriesSecurityHeaders() {
        Api.Reply screen = api.get("");
        assertThat(screen.header("Content-Security-Policy")).contains("default-src 'self'", "frame-ancestors 'none'",
                "object-src 'none'", "form-action 'self'");
        Api.Reply apiReply = api.get("api/v1/communities");
        assertThat(apiReply.header("Content-Security-Policy")).startsWith("default-src 'none'");
        for (Api.Reply reply : List.of(screen, apiReply)) {
            assertThat(reply.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(reply.header("Referrer-Policy")).isEqualTo("strict-origin-when-cross-origin");
            assertThat(reply.header("Strict-Transport-Security")).as("plain http here").isNull();
        }
    }

    @Test
    void aBodyOverTheLimitIsRefusedBeforeItIsReadAndChangesNothing() throws Exception {
        String token = api.tokenFor("jiangjin.admin");
        String path = "/" + COMMUNITY + "plans/2042/items";
        String head = "POST " + path + " HTTP/1.1\r\nContent-Type: application/json\r\nAuthorization: Bearer " + token + "\r\n";

        // 20 MB announced, a few bytes sent: the answer comes without the rest
        RawHttp.Reply announced = RawHttp.send("127.0.0.1", base.getPort(), head + "Content-Length: 20000000\r\n",
                "{\"title\":\"".getBytes(StandardCharsets.UTF_8));
        assertThat(announced.status()).isEqualTo(413);
        assertThat(announced.header("Content-Type")).startsWith("application/problem+json");
        assertThat(announced.body()).contains("1024 KB");

        // a body that does not announce its length is read up to the limit, not further
        byte[] json = ("{\"title\":\"" + "长".repeat(400_000) + "\",\"category\":\"EXCHANGE\"}").getBytes(StandardCharsets.UTF_8);
        java.io.ByteArrayOutputStream chunks = new java.io.ByteArrayOutputStream();
        for (int at = 0; at < json.length; at += 8192) {
            int size = Math.min(8192, json.length - at);
            chunks.write((Integer.toHexString(size) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            chunks.write(json, at, size);
            chunks.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        chunks.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        RawHttp.Reply chunked = RawHttp.send("127.0.0.1", base.getPort(), head + "Transfer-Encoding: chunked\r\n",
                chunks.toByteArray());
        assertThat(chunked.status()).as(chunked.body()).isEqualTo(413);
        assertThat(chunked.header("Content-Type")).startsWith("application/problem+json");

        assertThat(api.get(COMMUNITY + "plans/2042/items", Api.bearer(token)).json().get("items").size()).isZero();
    }

    @Test
    void aContactAddressNamesExactlyOneMailbox() {
        for (String address : List.of("root,x@evil.example", "a@b.example, c@d.example", "x@evil.example\r\nBcc: y@evil.example",
                "\"Boss\" <boss@evil.example>", "x@localhost")) {
            Api.Reply reply = api.post(COMMUNITY + "join-applications", """
                    {"name":"邮件测试县教育局","kind":"DISTRICT","region":"四川省","contactName":"测试",
                     "contactEmail":%s,"reason":"测试"}""".formatted(new com.fasterxml.jackson.databind.node.TextNode(address)));
            assertThat(reply.status()).as(address).isEqualTo(400);
            assertThat(reply.body()).as(address).contains("contactEmail");
        }
    }

    @Test
    void anonymousJoinApplicationsAreLimitedPerAddress() throws Exception {
        int port = base.getPort();
        List<Integer> answers = new ArrayList<>();
        RawHttp.Reply last = null;
        for (int i = 0; i < 31; i++) {
            last = RawHttp.post("127.0.0.4", port, "/api/v1/communities/test-alliance/join-applications", """
                    {"name":"限流测试县%d教育局","kind":"DISTRICT","region":"四川省","contactName":"测试",
                     "contactEmail":"flood@example.cn","reason":"测试"}""".formatted(i));
            answers.add(last.status());
        }
        assertThat(answers.subList(0, 30)).containsOnly(201);
        assertThat(answers.get(30)).isEqualTo(429);
        assertThat(last.header("Retry-After")).isNotNull();
        assertThat(RawHttp.post("127.0.0.5", port, "/api/v1/communities/test-alliance/join-applications", """
                {"name":"限流测试县他处教育局","kind":"DISTRICT","region":"四川省","contactName":"测试",
                 "contactEmail":"elsewhere@example.cn","reason":"测试"}""").status()).isEqualTo(201);
    }

    // --- helpers ------------------------------------------------------------------------------------

    private Api.Reply signIn(String username, String password) {
        return api.post("api/v1/auth/token", "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}");
    }

    private Cookie signedInSessionCookie(String username) throws Exception {
        try (Screen screen = Screen.open(base)) {
            screen.go("login");
            screen.signIn(username);
            return screen.browser.manage().getCookieNamed("JSESSIONID");
        }
    }

    private List<String> titlesOf(String member, String year) {
        JsonNode combined = api.get(COMMUNITY + "plans/" + year, Api.bearer(api.tokenFor("luzhou.admin"))).json();
        List<String> titles = new ArrayList<>();
        combined.get("members").forEach(m -> {
            if (member.equals(m.get("tenant").asText())) {
                m.get("items").forEach(i -> titles.add(i.get("title").asText()));
            }
        });
        return titles;
    }

    private static long accountId(String username) {
        return Long.parseLong(value("select id::text from account where username = ?", username));
    }

    private static String storedHash(String username) {
        return value("select password_hash from account where username = ?", username);
    }

    private static String value(String sql, String arg) {
        try (Connection c = TestDatabase.owner(TestServer.settings()); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, arg);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getString(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
