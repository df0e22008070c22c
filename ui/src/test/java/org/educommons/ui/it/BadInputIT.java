package org.educommons.ui.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import org.educommons.testing.TestDatabase;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * Bad input on every write the API describes, sent by a caller allowed to make it: malformed JSON,
 * wrong types, missing and unknown fields, empty and oversized strings, invalid UTF-8, control
 * characters, unknown enum values, negative and huge numbers, dates out of range and end before
 * start, other tenants' ids. Every answer is a 4xx problem in the caller's language, never a 500,
 * and the database is unchanged afterwards. Text that is unusual but valid — emoji, rare CJK
 * characters, HTML and script, SQL metacharacters — is stored exactly and shown as text, never run.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BadInputIT {

    /** What a field may be sent as when it is wrong. */
    static final List<String> BAD_BODIES = List.of(
            "{\"title\":",                                          // malformed JSON
            "[]", "\"text\"", "42", "null",                         // not an object
            "{\"title\":123,\"capacity\":\"many\",\"startsAt\":true,\"category\":[],\"decision\":{}}", // wrong types
            "{\"title\":\"\",\"name\":\"\",\"reason\":\"\"}",       // empty strings
            "{\"title\":\"" + "长".repeat(20_000) + "\",\"name\":\"" + "长".repeat(20_000) + "\"}", // oversized strings
            "{\"title\":\"a\\u0000b\",\"name\":\"x\\u0007y\",\"venue\":\"\\u001b[31m\"}", // control characters
            "{\"category\":\"NO_SUCH_CATEGORY\",\"type\":\"NO_SUCH_TYPE\",\"kind\":\"VILLAGE\",\"decision\":\"MAYBE\","
                    + "\"status\":\"LOST\"}",                        // unknown enum values
            "{\"capacity\":-5,\"seats\":-1,\"session\":-1,\"planItem\":-7}",          // negative numbers
            "{\"capacity\":99999999999999999999999,\"session\":1e400}",               // huge numbers
            "{\"startsAt\":\"2026-13-45T99:00:00+08:00\",\"startsOn\":\"0000-00-00\",\"meetingDate\":\"yesterday\"}", // dates
            "{\"startsAt\":\"2030-06-02T09:00:00+08:00\",\"endsAt\":\"2030-06-01T09:00:00+08:00\","
                    + "\"startsOn\":\"2030-06-02\",\"endsOn\":\"2030-06-01\"}",  // end before start
            "{\"organisers\":[{\"tenant\":\"no-such-tenant\"}],\"coOrganisers\":[\"xiamen\"],\"schools\":[999999999],"
                    + "\"planItems\":[999999999],\"quotas\":{\"no-such-member\":3}}",      // other or unknown ids
            "{\"unknownField\":1,\"tenantId\":1,\"tenant_id\":1,\"id\":1,\"version\":-1}", // extra fields only
            "{\"a\":" + "[".repeat(2_000) + "]".repeat(2_000) + "}");  // deeply nested

    /** Invalid UTF-8 inside a JSON string. */
    static final byte[] INVALID_UTF8 = {'{', '"', 't', 'i', 't', 'l', 'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, '"', '}'};

    @Deployment(testable = false)
    static WebArchive application() {
        return Deployments.application();
    }

    @ArquillianResource
    URL base;

    @Test
    void everyWriteAnswersBadInputWithALocalisedProblemAndChangesNothing() throws Exception {
        Api api = new Api(base);
        OwnResources own = OwnResources.make(api, "坏输入测试", 2047, "luzhou.principal1", true).with("me/notifications/", "1");
        Map<String, String> tokens = Map.of("admin", api.tokenFor("luzhou.admin"), "secretariat", api.tokenFor("secretariat"),
                "principal", api.tokenFor("luzhou.principal1"));
        List<String> writes = OwnResources.operations(api,
                (method, operation) -> Set.of("post", "put", "patch").contains(method) && operation.has("requestBody"));

        String before = fingerprint();
        List<String> wrong = new ArrayList<>();
        int tried = 0;
        for (String write : writes) {
            String method = write.substring(0, write.indexOf(' '));
            String path = own.bind(write.substring(write.indexOf(' ') + 1));
            String token = tokens.get(callerFor(write));
            String version = currentVersion(api, path, tokens);
            List<byte[]> bodies = new ArrayList<>();
            BAD_BODIES.forEach(b -> bodies.add(b.getBytes(StandardCharsets.UTF_8)));
            bodies.add(INVALID_UTF8);
            for (byte[] body : bodies) {
                HttpResponse<String> reply = send(method, path, body, token, version);
                tried++;
                String what = write + " with " + abbreviate(new String(body, StandardCharsets.UTF_8));
                if (reply.statusCode() < 400 || reply.statusCode() >= 500) {
                    wrong.add(what + ": " + reply.statusCode() + " " + abbreviate(reply.body()));
                } else if (!reply.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")) {
                    wrong.add(what + ": not problem+json but " + reply.headers().firstValue("Content-Type").orElse("nothing"));
                } else if (!reply.headers().firstValue("Content-Language").orElse("").startsWith("en")
                        || new com.fasterxml.jackson.databind.ObjectMapper().readTree(reply.body()).path("title").asText()
                        .codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
                    wrong.add(what + ": not in the caller's language: " + abbreviate(reply.body()));
                }
            }
        }
        String after = fingerprint();
        org.educommons.testing.Proofs.report("bad-input", "Bad input: " + writes.size() + " writes x " + (BAD_BODIES.size() + 1) + " bodies = " + tried
                + " tried, " + wrong.size() + " answers not a 4xx problem in the caller's language");
        assertThat(wrong).isEmpty();
        assertThat(after).as("the database after all that").isEqualTo(before);
    }

    @Test
    void unusualButValidTextIsStoredExactlyAndShownAsTextNeverRun() throws Exception {
        Api api = new Api(base);
        String luzhou = api.tokenFor("luzhou.admin");
        String title = "𠀀𪚥𰻞😀👩‍🏫 <img src=x onerror=\"window.__xss=1\"><script>window.__xss=2</script>"
                + " '; drop table plan_item; -- \" OR 1=1 \\ %_ ${x} {{x}}";
        Api.Reply created = api.post("api/v1/communities/chuannan-yuxi/plans/2046/items",
                new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(Map.of("title", title, "category", "EXCHANGE")),
                Api.bearer(luzhou));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode read = api.get("api/v1/plan-items/" + created.json().get("id").asText(), Api.bearer(luzhou)).json();
        assertThat(read.get("title").asText()).as("round trip, code point for code point").isEqualTo(title);
        assertThat(api.post("api/v1/communities/chuannan-yuxi/plans/2046/publish", "", Api.bearer(luzhou)).status()).isEqualTo(200);

        try (Screen screen = Screen.open(base)) {
            screen.go("login");
            screen.signIn("yongchuan.admin");
            screen.go("communities/chuannan-yuxi/plans/2046");
            screen.wait.until(d -> d.findElement(By.tagName("body")).getText().contains("𠀀𪚥𰻞😀"));
            assertThat(screen.browser.findElement(By.tagName("body")).getText()).as("shown as text")
                    .contains("<img src=x onerror=\"window.__xss=1\"><script>window.__xss=2</script>");
            assertThat(screen.browser.executeScript("return window.__xss === undefined")).as("never run").isEqualTo(true);
        }
    }

    @Test
    void aTextOverItsLimitIsRefusedNamingItsField() {
        Api api = new Api(base);
        String luzhou = api.tokenFor("luzhou.admin");
        String book = "长".repeat(20_001);
        Api.Reply forum = api.post("api/v1/communities/chuannan-yuxi/forums", """
                {"title":"超长说明论坛","description":"%s","venue":"泸州","startsAt":"%s","endsAt":"%s",
                 "registrationOpensAt":"%s","registrationClosesAt":"%s","capacity":10}"""
                .formatted(book, Api.daysFromNow(10), Api.daysFromNow(11), Api.daysFromNow(-1), Api.daysFromNow(9)),
                Api.bearer(luzhou, "Accept-Language", "en"));
        assertThat(forum.status()).isEqualTo(400);
        assertThat(forum.json().get("errors").get(0).get("field").asText()).isEqualTo("description");
        assertThat(forum.json().get("errors").get(0).get("message").asText()).isEqualTo("at most 20000 characters");
        Api.Reply venue = api.post("api/v1/communities/chuannan-yuxi/forums", """
                {"title":"超长地点论坛","venue":"%s","startsAt":"%s","endsAt":"%s",
                 "registrationOpensAt":"%s","registrationClosesAt":"%s","capacity":10}"""
                .formatted("泸".repeat(201), Api.daysFromNow(10), Api.daysFromNow(11), Api.daysFromNow(-1), Api.daysFromNow(9)),
                Api.bearer(luzhou));
        assertThat(venue.status()).isEqualTo(400);
        assertThat(venue.body()).contains("\"venue\"");
        Api.Reply activity = api.post("api/v1/communities/chuannan-yuxi/activities", """
                {"title":"超长说明交流","type":"EXCHANGE","startsOn":"2048-03-01","endsOn":"2048-06-30",
                 "description":"%s","organisers":[{"tenant":"rongchang","part":"接待"}]}""".formatted(book), Api.bearer(luzhou));
        assertThat(activity.status()).isEqualTo(400);
        assertThat(activity.json().get("errors").get(0).get("field").asText()).isEqualTo("description");
        assertThat(api.get("api/v1/communities/chuannan-yuxi/forums?limit=200", Api.bearer(luzhou)).body())
                .doesNotContain("超长说明论坛", "超长地点论坛");
    }

    // --- helpers ------------------------------------------------------------------------------------

    private static String callerFor(String write) {
        if (write.contains("/join-applications/")) {
            return "secretariat";
        }
        if (write.endsWith("/registrations") || write.endsWith("/breakout")) {
            return "principal";
        }
        return "admin";
    }

    private HttpResponse<String> send(String method, String path, byte[] body, String token, String version) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("Accept-Language", "en")
                .header("Authorization", "Bearer " + token)
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        if (version != null) {
            request.header("If-Match", "\"" + version + "\"");
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The version a careful client would send in If-Match for a write on {@code path}, so that the body is what is judged. */
    private static String currentVersion(Api api, String path, Map<String, String> tokens) {
        String[] parts = path.split("/");
        if (parts.length < 4 || !Set.of("plan-items", "forums", "activities", "join-applications").contains(parts[2])) {
            return null;
        }
        if ("join-applications".equals(parts[2])) {
            for (JsonNode a : api.get("api/v1/communities/chuannan-yuxi/join-applications?limit=200",
                    Api.bearer(tokens.get("secretariat"))).json().get("items")) {
                if (a.get("id").asText().equals(parts[3])) {
                    return a.get("version").asText();
                }
            }
            return null;
        }
        String etag = api.get("api/v1/" + parts[2] + "/" + parts[3], Api.bearer(tokens.get("admin"))).header("ETag");
        return etag == null ? null : etag.replace("\"", "").replace("W/", "");
    }

    /**
     * Every table's rows, as the owner sees them, hashed; the outbox only by its rows' ids, since the
     * mail sender marks what it sends while the test runs.
     */
    private static String fingerprint() throws Exception {
        StringBuilder all = new StringBuilder();
        try (Connection c = TestDatabase.owner(TestServer.settings()); Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet r = s.executeQuery("select tablename from pg_tables where schemaname = 'public' order by 1")) {
                while (r.next()) {
                    tables.add(r.getString(1));
                }
            }
            for (String table : tables) {
                String rows = switch (table) {
                    case "outbox_message" -> "t.id::text";
                    case "flyway_schema_history" -> "null";
                    default -> "t::text";
                };
                try (ResultSet r = s.executeQuery("select count(*), md5(coalesce(string_agg(" + rows + ", '|' order by "
                        + rows + "), '')) from " + table + " t")) {
                    r.next();
                    all.append(table).append('=').append(r.getLong(1)).append(':').append(r.getString(2)).append('\n');
                }
            }
        }
        return all.toString();
    }

    private static String abbreviate(String text) {
        return text.length() <= 120 ? text : text.substring(0, 120) + "…";
    }
}
