package org.educommons.ui.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Resources of 泸州 in the demo community that a test makes for itself — a plan item of a year no
 * other test uses, a forum with a breakout group and a registration, a joint activity under
 * proposal with 荣昌, a join application — and the operations of {@code /openapi} bound to them.
 */
final class OwnResources {

    private final Map<String, String> ids = new LinkedHashMap<>();

    private OwnResources() {
    }

    /**
     * Makes the resources, named after {@code label}, in {@code year}; {@code registrant} takes the
     * forum's registration; {@code approval} makes the forum one that needs the host's approval.
     */
    static OwnResources make(Api api, String label, int year, String registrant, boolean approval) {
        String luzhou = api.tokenFor("luzhou.admin");
        OwnResources own = new OwnResources();
        own.ids.put("year", String.valueOf(year));
        Api.Reply item = api.post("api/v1/communities/chuannan-yuxi/plans/" + year + "/items",
                "{\"title\":\"" + label + "事项\",\"category\":\"EXCHANGE\"}", Api.bearer(luzhou));
        assertThat(item.status()).as(item.body()).isEqualTo(201);
        own.ids.put("plan-items/", item.json().get("id").asText());
        long forum = api.hostForum(luzhou, label + "论坛", 10, "{}", approval);
        own.ids.put("forums/", String.valueOf(forum));
        Api.Reply session = api.post("api/v1/forums/" + forum + "/agenda", """
                {"kind":"BREAKOUT","title":"%s分组","startsAt":"%s","endsAt":"%s","capacity":5}"""
                .formatted(label, Api.daysFromNow(10), OffsetDateTime.parse(Api.daysFromNow(10)).plusHours(1)),
                Api.bearer(luzhou));
        assertThat(session.status()).as(session.body()).isEqualTo(201);
        own.ids.put("session", session.json().get("id").asText());
        Api.Reply registration = api.post("api/v1/forums/" + forum + "/registrations", "{}",
                Api.bearer(api.tokenFor(registrant)));
        assertThat(registration.status()).as(registration.body()).isEqualTo(201);
        own.ids.put("registration", registration.json().get("id").asText());
        Api.Reply activity = api.post("api/v1/communities/chuannan-yuxi/activities", """
                {"title":"%s交流","type":"EXCHANGE","startsOn":"%d-03-01","endsOn":"%d-06-30",
                 "description":"互派交流","organisers":[{"tenant":"rongchang","part":"接待"}]}""".formatted(label, year, year),
                Api.bearer(luzhou));
        assertThat(activity.status()).as(activity.body()).isEqualTo(201);
        own.ids.put("activities/", activity.json().get("id").asText());
        Api.Reply application = api.post("api/v1/communities/chuannan-yuxi/join-applications", """
                {"name":"%s县教育局","kind":"DISTRICT","region":"四川省","contactName":"测试",
                 "contactEmail":"own-resources@example.cn","reason":"测试"}""".formatted(label));
        assertThat(application.status()).as(application.body()).isEqualTo(201);
        own.ids.put("join-applications/", application.json().get("id").asText());
        return own;
    }

    /** Names {@code id} as the resource a path under {@code prefix} (e.g. {@code accounts/}) stands for. */
    OwnResources with(String prefix, String id) {
        ids.put(prefix, id);
        return this;
    }

    String id(String key) {
        return ids.get(key);
    }

    /** A path of {@code /openapi} with its parameters bound to these resources, relative to the server root. */
    String bind(String template) {
        String p = template.substring(1);
        if (p.startsWith("api/v1/tenants/")) {
            p = p.replace("{slug}", "luzhou");
        }
        p = p.replace("{slug}", "chuannan-yuxi").replace("{community}", "chuannan-yuxi").replace("{year}", ids.get("year"));
        for (Map.Entry<String, String> id : ids.entrySet()) {
            if (id.getKey().endsWith("/") && p.startsWith("api/v1/" + id.getKey())) {
                p = p.replaceFirst("\\{id}", id.getValue());
            }
        }
        return p.replace("{registrationId}", ids.get("registration")).replace("{sessionId}", ids.get("session"));
    }

    /** The operations of {@code /openapi} ("METHOD /path") that {@code which} accepts (method, operation). */
    static List<String> operations(Api api, BiPredicate<String, JsonNode> which) {
        JsonNode openapi = api.get("openapi", "Accept", "application/json").json();
        List<String> operations = new ArrayList<>();
        openapi.get("paths").fields().forEachRemaining(p -> p.getValue().fields().forEachRemaining(m -> {
            if (which.test(m.getKey(), m.getValue())) {
                operations.add(m.getKey().toUpperCase() + " " + p.getKey());
            }
        }));
        return operations;
    }
}
