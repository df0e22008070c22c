package org.educommons.ui.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A small HTTP client for the API under test: JSON in, status, headers and JSON out. */
final class Api {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    Api(URL deployment) {
        this.base = URI.create(deployment.toString());
    }

    /** A response: status, content type and body parsed as JSON when it is JSON. */
    record Reply(int status, String contentType, String contentLanguage, String body, byte[] bytes,
                 java.net.http.HttpHeaders headers) {
        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("Not JSON: " + body, e);
            }
        }
    }

    Reply get(String path, String... headers) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET(), headers);
    }

    Reply delete(String path, String... headers) {
        return send(HttpRequest.newBuilder(base.resolve(path)).DELETE(), headers);
    }

    Reply patch(String path, String json, String... headers) {
        return send(HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json)), headers);
    }

    Reply put(String path, String json, String... headers) {
        return send(HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)), headers);
    }

    Reply post(String path, String json, String... headers) {
        return send(HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)), headers);
    }

    /** Tokens already issued for this test class's database, per server and username (they live an hour). */
    private static final java.util.Map<String, String> TOKENS = new java.util.concurrent.ConcurrentHashMap<>();

    /** Forgets the tokens issued so far (a new database knows none of them). */
    static void forgetTokens() {
        TOKENS.clear();
    }

    /**
     * A bearer token for {@code username} with the demo password, issued once per test class: each sign-in
     * costs a password hash at today's work factor, by design.
     */
    String tokenFor(String username) {
        return TOKENS.computeIfAbsent(base + " " + username, key -> newTokenFor(username));
    }

    /** A token of its own for {@code username} (for a test that ends it). */
    String newTokenFor(String username) {
        Reply reply = post("api/v1/auth/token",
                "{\"username\":\"" + username + "\",\"password\":\"educommons-demo\"}");
        if (reply.status() != 200) {
            throw new IllegalStateException("Sign-in of " + username + " failed: " + reply);
        }
        return reply.json().get("accessToken").asText();
    }

    /** A time {@code days} from now, in Beijing time, as the API takes it. */
    static String daysFromNow(long days) {
        return java.time.OffsetDateTime.now(java.time.ZoneOffset.ofHours(8)).plusDays(days)
                .truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
    }

    /**
     * A forum the holder of {@code token} hosts in the demo community: in ten days, registration open
     * from yesterday for nine days; returns its id.
     */
    long hostForum(String token, String title, int capacity, String quotasJson, boolean approval) {
        Reply reply = post("api/v1/communities/chuannan-yuxi/forums", """
                {"title":"%s","venue":"泸州市会议中心","startsAt":"%s","endsAt":"%s","registrationOpensAt":"%s",
                 "registrationClosesAt":"%s","capacity":%d,"quotas":%s,"approvalRequired":%s}"""
                .formatted(title, daysFromNow(10), daysFromNow(11), daysFromNow(-1), daysFromNow(9), capacity, quotasJson,
                        approval), bearer(token));
        if (reply.status() != 201) {
            throw new IllegalStateException("Hosting " + title + " failed: " + reply.body());
        }
        return reply.json().get("id").asLong();
    }

    static String[] bearer(String token) {
        return new String[] {"Authorization", "Bearer " + token};
    }

    /** {@code headers} plus a bearer token. */
    static String[] bearer(String token, String... headers) {
        String[] all = java.util.Arrays.copyOf(headers, headers.length + 2);
        all[headers.length] = "Authorization";
        all[headers.length + 1] = "Bearer " + token;
        return all;
    }

    private Reply send(HttpRequest.Builder request, String... headers) {
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<byte[]> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Content-Language").orElse(""),
                    new String(response.body(), java.nio.charset.StandardCharsets.UTF_8), response.body(), response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
