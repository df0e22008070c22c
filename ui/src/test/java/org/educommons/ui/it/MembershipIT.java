package org.educommons.ui.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A new city joins: it applies, the secretariat decides, the approved tenant is working the same day.
 * Works on the test community {@code test-alliance} (see TestServer), so the demo community
 * other tests count stays as it is.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MembershipIT {

    private static final String APPLICATIONS = "api/v1/communities/test-alliance/join-applications";

    @Deployment(testable = false)
    static WebArchive application() {
        return Deployments.application();
    }

    @ArquillianResource
    URL base;

    Api api;
    String secretariat;

    @BeforeEach
    void client() {
        api = new Api(base);
        secretariat = api.tokenFor("secretariat");
    }

    private long apply(String name) {
        return apply(name, null);
    }

    /** Applies as a district, under {@code parent} (a slug) when given. */
    private long apply(String name, String parent) {
        Api.Reply reply = api.post(APPLICATIONS, """
                {"name":"%s","kind":"DISTRICT","region":"四川省","contactName":"张老师",
                 "contactEmail":"zhang@example.cn","reason":"希望加入共同体，共享优质教育资源。"%s}""".formatted(name,
                parent == null ? "" : ",\"parent\":\"" + parent + "\""));
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        assertThat(reply.json().get("status").asText()).isEqualTo("PENDING");
        return reply.json().get("id").asLong();
    }

    @Test
    void anyoneMayApplyOnceAndBadApplicationsAreRefusedWithEveryFieldNamed() {
        apply("叙永县教育和体育局");
        Api.Reply duplicate = api.post(APPLICATIONS, """
                {"name":"叙永县教育和体育局","kind":"DISTRICT","region":"四川省","contactName":"李老师",
                 "contactEmail":"li@example.cn","reason":"再次申请"}""", "Accept-Language", "en");
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.json().get("type").asText()).endsWith("/problems/duplicate-application");

        Api.Reply invalid = api.post(APPLICATIONS, "{\"name\":\"\",\"kind\":\"VILLAGE\",\"contactEmail\":\"nope\"}");
        assertThat(invalid.status()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        invalid.json().get("errors").forEach(e -> fields.add(e.get("field").asText()));
        assertThat(fields).containsExactlyInAnyOrder("name", "kind", "region", "contactName", "contactEmail", "reason");

        // a pasted address with a tab or line break after it is what the applicant meant, not a failure
        Api.Reply pasted = api.post(APPLICATIONS, """
                {"name":"叙州区教育和体育局\\n","kind":"DISTRICT","region":"四川省","contactName":"赵老师",
                 "contactEmail":"zhao@example.cn\\t","reason":"希望加入共同体。\\n"}""");
        assertThat(pasted.status()).as(pasted.body()).isEqualTo(201);
        long pastedId = pasted.json().get("id").asLong();
        JsonNode stored = null;
        for (JsonNode a : api.get(APPLICATIONS + "?limit=200", Api.bearer(secretariat)).json().get("items")) {
            if (a.get("id").asLong() == pastedId) {
                stored = a;
            }
        }
        assertThat(stored).isNotNull();
        assertThat(stored.get("name").asText()).isEqualTo("叙州区教育和体育局");
        assertThat(stored.get("contactEmail").asText()).isEqualTo("zhao@example.cn");
    }

    @Test
    void onlyTheSecretariatSeesApplications() {
        long id = apply("古蔺县教育和体育局");
        assertThat(api.get(APPLICATIONS).status()).isEqualTo(401);
        assertThat(api.get(APPLICATIONS, Api.bearer(api.tokenFor("luzhou.admin"))).status()).isEqualTo(403);
        List<Long> ids = new ArrayList<>();
        api.get(APPLICATIONS + "?limit=200", Api.bearer(secretariat)).json().get("items").forEach(a -> ids.add(a.get("id").asLong()));
        assertThat(ids).contains(id);
        assertThat(api.post("api/v1/join-applications/" + id + "/decision", "{\"decision\":\"APPROVED\"}",
                Api.bearer(api.tokenFor("yongchuan.admin"))).status()).isEqualTo(403);
    }

    @Test
    void theSecretariatPutsAnApplicationOnAMeetingsAgendaAndDecidesThere() throws Exception {
        long id = apply("纳溪区教育局");
        String schedule = "api/v1/join-applications/" + id + "/meeting";
        String meeting = "{\"meeting\":\"第十二次联席会\",\"meetingDate\":\"2027-03-01\"}";
        String version = "\"" + versionOf(id) + "\"";
        assertThat(api.post(schedule, meeting, Api.bearer(api.tokenFor("luzhou.admin"), "If-Match", version)).status())
                .isEqualTo(403);
        assertThat(api.post(schedule, meeting, Api.bearer(secretariat)).status()).as("no If-Match").isEqualTo(428);
        Api.Reply incomplete = api.post(schedule, "{\"meeting\":\" \"}", Api.bearer(secretariat, "If-Match", version));
        assertThat(incomplete.status()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        incomplete.json().get("errors").forEach(e -> fields.add(e.get("field").asText()));
        assertThat(fields).containsExactly("meeting", "meetingDate");

        Api.Reply scheduled = api.post(schedule, meeting, Api.bearer(secretariat, "If-Match", version));
        assertThat(scheduled.status()).isEqualTo(200);
        assertThat(scheduled.json().get("status").asText()).isEqualTo("PENDING");
        assertThat(scheduled.json().get("meeting").asText()).isEqualTo("第十二次联席会");
        assertThat(scheduled.header("ETag")).isNotEqualTo(version);
        assertThat(api.post(schedule, "{\"meeting\":\"第十三次联席会\",\"meetingDate\":\"2027-09-01\"}",
                Api.bearer(secretariat, "If-Match", version)).status()).as("a stale version").isEqualTo(412);

        JsonNode pending = api.get(APPLICATIONS + "?status=PENDING&limit=200", Api.bearer(secretariat)).json().get("items");
        List<String> onAgenda = new ArrayList<>();
        pending.forEach(a -> onAgenda.add(a.get("name").asText() + "@" + a.path("meeting").asText() + " " + a.path("meetingDate").asText()));
        assertThat(onAgenda).contains("纳溪区教育局@第十二次联席会 2027-03-01");
        pending.forEach(a -> assertThat(a.get("status").asText()).isEqualTo("PENDING"));
        assertThat(api.get(APPLICATIONS + "?status=LOST", Api.bearer(secretariat)).status()).isEqualTo(400);
        try (java.sql.Connection db = org.educommons.testing.TestDatabase.owner(TestServer.settings());
             java.sql.Statement s = db.createStatement();
             java.sql.ResultSet r = s.executeQuery("select count(*) from outbox_message where recipient = 'zhang@example.cn' "
                     + "and body like '%纳溪区教育局%第十二次联席会（2027-03-01）%'")) {
            r.next();
            assertThat(r.getInt(1)).as("the applicant is told").isOne();
        }

        // decided at the meeting it was scheduled for, without naming it again
        Api.Reply rejected = api.post("api/v1/join-applications/" + id + "/decision",
                "{\"decision\":\"REJECTED\",\"reason\":\"本轮名额已满\"}", Api.bearer(secretariat));
        assertThat(rejected.status()).isEqualTo(200);
        assertThat(rejected.json().get("meeting").asText()).isEqualTo("第十二次联席会");
        assertThat(rejected.json().get("meetingDate").asText()).isEqualTo("2027-03-01");
        assertThat(api.post(schedule, "{\"meeting\":\"第十三次联席会\",\"meetingDate\":\"2027-09-01\"}",
                Api.bearer(secretariat, "If-Match", scheduled.header("ETag"))).status()).as("decided already").isEqualTo(409);
    }

    /** The version of application {@code id} as the secretariat lists it. */
    private int versionOf(long id) {
        for (JsonNode a : api.get(APPLICATIONS + "?limit=200", Api.bearer(secretariat)).json().get("items")) {
            if (a.get("id").asLong() == id) {
                return a.get("version").asInt();
            }
        }
        throw new AssertionError("no application " + id);
    }

    @Test
    void aStaleDecisionIsRefusedWhenItSaysWhichVersionItSaw() {
        long id = apply("龙马潭区教育局");
        String stale = "\"" + (versionOf(id) + 1) + "\"";
        Api.Reply refused = api.post("api/v1/join-applications/" + id + "/decision",
                "{\"decision\":\"REJECTED\",\"reason\":\"材料不全\"}", Api.bearer(secretariat, "If-Match", stale));
        assertThat(refused.status()).isEqualTo(412);
        assertThat(versionOf(id)).as("nothing changed").isEqualTo(Integer.parseInt(stale.replace("\"", "")) - 1);
    }

    @Test
    void aNewMembersSlugLeavesRoomForItsAdministratorsUsername() {
        long id = apply("江阳区教育和体育局");
        String tooLong = "j".repeat(58);
        Api.Reply refused = api.post("api/v1/join-applications/" + id + "/decision", """
                {"decision":"APPROVED","meeting":"第十一次联席会","meetingDate":"2026-11-20","slug":"%s"}""".formatted(tooLong),
                Api.bearer(secretariat));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("最长 57 位");
        List<String> pending = new ArrayList<>();
        api.get(APPLICATIONS + "?status=PENDING&limit=200", Api.bearer(secretariat)).json().get("items")
                .forEach(a -> pending.add(a.get("name").asText()));
        assertThat(pending).as("nothing was decided").contains("江阳区教育和体育局");
    }

    @Test
    void anApplicationNamesTheTenantItBelongsUnderWhichMustExistAndStandAboveIt() {
        Api.Reply unknown = api.post(APPLICATIONS, """
                {"name":"泸州市古宋教育办公室","kind":"DISTRICT","region":"四川省","contactName":"张老师",
                 "contactEmail":"zhang@example.cn","reason":"希望加入","parent":"guizhou"}""", "Accept-Language", "en");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("errors").get(0).get("field").asText()).isEqualTo("parent");
        assertThat(unknown.json().get("errors").get(0).get("message").asText()).isEqualTo("there is no member 'guizhou'");

        Api.Reply level = api.post(APPLICATIONS, """
                {"name":"泸州市古宋教育办公室","kind":"CITY","region":"四川省","contactName":"张老师",
                 "contactEmail":"zhang@example.cn","reason":"希望加入","parent":"yongchuan"}""");
        assertThat(level.status()).isEqualTo(400);
        assertThat(level.json().get("errors").get(0).get("field").asText()).isEqualTo("parent");
        assertThat(level.json().get("errors").get(0).get("message").asText()).contains("永川区教育委员会").doesNotContain("Exception");

        List<String> names = new ArrayList<>();
        api.get(APPLICATIONS + "?limit=200", Api.bearer(secretariat)).json().get("items")
                .forEach(a -> names.add(a.get("name").asText()));
        assertThat(names).as("a refused application is not kept").doesNotContain("泸州市古宋教育办公室");

        long id = apply("泸州市古宋教育办公室", "luzhou");
        List<String> parents = new ArrayList<>();
        api.get(APPLICATIONS + "?limit=200", Api.bearer(secretariat)).json().get("items").forEach(a -> {
            if (a.get("id").asLong() == id) {
                parents.add(a.get("parent").asText());
            }
        });
        assertThat(parents).as("the secretariat sees where it belongs").containsExactly("luzhou");
    }

    @Test
    void aRejectionNeedsAReasonAndIsFinal() {
        long id = apply("合江县教育和体育局");
        assertThat(api.post("api/v1/join-applications/" + id + "/decision", "{\"decision\":\"REJECTED\"}", Api.bearer(secretariat))
                .status()).isEqualTo(400);
        Api.Reply rejected = api.post("api/v1/join-applications/" + id + "/decision",
                "{\"decision\":\"REJECTED\",\"reason\":\"材料不全，请补充后再申请。\",\"meeting\":\"第十次联席会\",\"meetingDate\":\"2026-06-01\"}",
                Api.bearer(secretariat));
        assertThat(rejected.status()).isEqualTo(200);
        assertThat(rejected.json().get("status").asText()).isEqualTo("REJECTED");
        assertThat(rejected.json().get("rejectionReason").asText()).isEqualTo("材料不全，请补充后再申请。");
        assertThat(api.post("api/v1/join-applications/" + id + "/decision", "{\"decision\":\"APPROVED\",\"meeting\":\"x\","
                + "\"meetingDate\":\"2026-06-01\"}", Api.bearer(secretariat)).status()).isEqualTo(409);
    }

    @Test
    void anApprovedCityIsProvisionedAndItsAdminSignsInAndPostsAPlanTheSameDay() throws Exception {
        long id = apply("泸县教育和体育局", "luzhou");

        Api.Reply approved = api.post("api/v1/join-applications/" + id + "/decision", """
                {"decision":"APPROVED","meeting":"第十一次联席会","meetingDate":"2026-11-20","slug":"luxian",
                 "nameEn":"Luxian County Bureau of Education and Sports"}""", Api.bearer(secretariat));
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.json().get("adminUsername").asText()).isEqualTo("luxian.admin");
        assertThat(approved.json().get("application").get("tenant").asText()).isEqualTo("luxian");
        // the secretariat learns where the invitation went, never the invitation itself
        assertThat(approved.json().get("invitationSentTo").asText()).isEqualTo("zhang@example.cn");
        assertThat(approved.json().has("invitationToken")).isFalse();
        String invitation = Mailbox.invitationToken("zhang@example.cn", "泸县教育和体育局");
        assertThat(approved.body()).doesNotContain(invitation);
        assertThat(trail(api.tokenFor("luzhou.admin"))).noneMatch(e -> e.contains(invitation));
        // once sent, the stored mail no longer holds the link
        assertThat(storedMailBodies("zhang@example.cn")).isNotEmpty().noneMatch(body -> body.contains(invitation))
                .anyMatch(body -> body.contains("erased after sending"));
        Api.Reply weak = api.post("api/v1/invitations/accept", "{\"token\":\"" + invitation + "\",\"password\":\"1234567890\"}");
        assertThat(weak.status()).as("a password from the top of every breach list").isEqualTo(400);
        assertThat(weak.body()).contains("password");

        JsonNode community = api.get("api/v1/communities/test-alliance").json();
        JsonNode last = community.get("members").get(community.get("members").size() - 1);
        assertThat(last.get("tenant").asText()).isEqualTo("luxian");
        assertThat(last.get("joinedOn").asText()).isEqualTo("2026-11-20");
        assertThat(last.get("joinedAtMeeting").asText()).isEqualTo("第十一次联席会");

        Path file = TestServer.tenantConfig().resolve("tenants/luxian.yaml");
        assertThat(Files.readString(file)).contains("slug: luxian", "泸县教育和体育局", "luxian.admin", "第十一次联席会",
                "parent: luzhou");
        // placed in the tenant tree under the city it named
        assertThat(api.get("api/v1/tenants/luxian").json().get("ancestors").findValuesAsText("slug"))
                .containsExactly("sichuan", "luzhou");
        assertThat(api.get("api/v1/tenants/luzhou").json().get("children").findValuesAsText("slug")).containsExactly("luxian");

        assertThat(api.post("api/v1/auth/token", "{\"username\":\"luxian.admin\",\"password\":\"anything-at-all\"}").status())
                .isEqualTo(401);
        Api.Reply accepted = api.post("api/v1/invitations/accept",
                "{\"token\":\"" + invitation + "\",\"password\":\"luxian-strong-password\"}");
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        assertThat(accepted.json().get("username").asText()).isEqualTo("luxian.admin");
        assertThat(api.post("api/v1/invitations/accept", "{\"token\":\"" + invitation + "\",\"password\":\"another-password\"}")
                .status()).isEqualTo(404);

        Api.Reply signIn = api.post("api/v1/auth/token", "{\"username\":\"luxian.admin\",\"password\":\"luxian-strong-password\"}");
        assertThat(signIn.status()).isEqualTo(200);
        String luxian = signIn.json().get("accessToken").asText();
        Api.Reply item = api.post("api/v1/communities/test-alliance/plans/2027/items",
                "{\"title\":\"泸县乡村学校结对帮扶\",\"category\":\"EXCHANGE\",\"coOrganisers\":[\"luzhou\"]}", Api.bearer(luxian));
        assertThat(item.status()).as(item.body()).isEqualTo(201);
        api.post("api/v1/communities/test-alliance/plans/2027/publish", "", Api.bearer(luxian));
        JsonNode combined = api.get("api/v1/communities/test-alliance/plans/2027", Api.bearer(api.tokenFor("luzhou.admin"))).json();
        JsonNode luxianPart = combined.get("members").get(combined.get("members").size() - 1);
        assertThat(luxianPart.get("tenant").asText()).isEqualTo("luxian");
        assertThat(luxianPart.get("items").get(0).get("title").asText()).isEqualTo("泸县乡村学校结对帮扶");

        // the writes made before anyone was signed in are in the trail of the tenant they concern
        assertThat(trail(luxian)).containsSubsequence(
                "luxian.admin account accept-invitation", "luxian.admin account token-issued",
                "luxian.admin plan-item create", "luxian.admin work-plan publish");
        // the test alliance's secretariat is 泸州's: its tenant admin reads the application in 泸州's trail
        assertThat(trail(api.tokenFor("luzhou.admin"))).containsSubsequence(
                "applicant:zhang@example.cn join-application apply " + id, "secretariat join-application approve " + id);
        assertThat(trail(api.tokenFor("yongchuan.admin"))).noneMatch(e -> e.contains("join-application"));
    }

    /** The bodies of the mail queued for {@code recipient}, as stored in the outbox. */
    private static List<String> storedMailBodies(String recipient) throws Exception {
        List<String> bodies = new ArrayList<>();
        try (java.sql.Connection c = org.educommons.testing.TestDatabase.owner(TestServer.settings());
             java.sql.PreparedStatement s = c.prepareStatement(
                     "select body from outbox_message where recipient = ? and sent_at is not null order by id")) {
            s.setString(1, recipient);
            try (java.sql.ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    bodies.add(r.getString(1));
                }
            }
        }
        return bodies;
    }

    /** The caller's tenant's audit trail, oldest first, as "actor entity action [entityId]". */
    private List<String> trail(String token) {
        Api.Reply reply = api.get("api/v1/audit?limit=200", Api.bearer(token));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        List<String> entries = new ArrayList<>();
        reply.json().get("items").forEach(e -> entries.add(0, e.get("actor").asText() + " " + e.get("entity").asText()
                + " " + e.get("action").asText() + ("join-application".equals(e.get("entity").asText())
                ? " " + e.get("entityId").asText() : "")));
        return entries;
    }
}
