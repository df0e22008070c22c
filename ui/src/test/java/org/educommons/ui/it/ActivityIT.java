package org.educommons.ui.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
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
 * Joint activities through the API on a real server and database: proposing with other members,
 * their confirmations, who sees what when, school pairs, the outcome report, and attempts to act
 * for a member one is not.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ActivityIT {

    private static final String ACTIVITIES = "api/v1/communities/chuannan-yuxi/activities";

    @Deployment(testable = false)
    static WebArchive application() {
        return Deployments.application();
    }

    @ArquillianResource
    URL base;

    Api api;
    String luzhou;
    String rongchang;
    String yongchuan;

    @BeforeEach
    void signIn() {
        api = new Api(base);
        luzhou = api.tokenFor("luzhou.admin");
        rongchang = api.tokenFor("rongchang.admin");
        yongchuan = api.tokenFor("yongchuan.admin");
    }

    /** The id of a school of {@code tenant} in the demo community, by name. */
    private long school(String tenant, String name) {
        JsonNode schools = api.get("api/v1/communities/chuannan-yuxi/schools?tenant=" + tenant, Api.bearer(luzhou)).json().get("items");
        for (JsonNode s : schools) {
            if (s.get("name").get("zh").asText().equals(name)) {
                assertThat(s.get("tenant").asText()).isEqualTo(tenant);
                return s.get("id").asLong();
            }
        }
        throw new AssertionError("no school " + name + " in " + schools);
    }

    /** The id of a published demo plan item of {@code tenant} in 2023, by title. */
    private long planItem(String tenant, String title) {
        JsonNode plan = api.get("api/v1/communities/chuannan-yuxi/plans/2023?member=" + tenant, Api.bearer(luzhou)).json();
        for (JsonNode member : plan.get("members")) {
            for (JsonNode item : member.get("items")) {
                if (item.get("title").asText().equals(title)) {
                    return item.get("id").asLong();
                }
            }
        }
        throw new AssertionError("no plan item " + title + " in " + plan);
    }

    /** 泸州 proposes a school pairing with 荣昌: one school each, one pair, realising its own plan item. */
    private Api.Reply proposePairing(String title) {
        long supporting = school("luzhou", "四川省泸州市第二实验学校");
        long supported = school("rongchang", "重庆市荣昌区第三实验学校");
        return api.post(ACTIVITIES, """
                {"title":"%s","type":"SCHOOL_PAIRING","startsOn":"2026-03-01","endsOn":"2027-07-31",
                 "description":"一对一结对帮扶","organisers":[{"tenant":"rongchang","part":"组织受援学校教研"}],
                 "planItems":[%d],
                 "pairings":[{"supportingSchool":%d,"supportedSchool":%d,"startsOn":"2026-03-01","endsOn":"2027-07-31"}]}"""
                .formatted(title, planItem("luzhou", "开展泸永江荣结对学校研讨校校合作机制"), supporting, supported),
                Api.bearer(luzhou));
    }

    private Api.Reply answer(long id, String token, String decision, String note) {
        return api.post("api/v1/activities/" + id + "/response",
                note == null ? "{\"decision\":\"" + decision + "\"}" : "{\"decision\":\"" + decision + "\",\"note\":\"" + note + "\"}",
                Api.bearer(token));
    }

    private List<String> titlesSeenBy(String token) {
        List<String> titles = new ArrayList<>();
        api.get(ACTIVITIES + "?limit=200", Api.bearer(token)).json().get("items").forEach(a -> titles.add(a.get("title").asText()));
        return titles;
    }

    /** The subjects of the in-app notifications of the holder of {@code token}. */
    private List<String> inbox(String token) {
        List<String> subjects = new ArrayList<>();
        api.get("api/v1/me/notifications?limit=200", Api.bearer(token)).json().get("items")
                .forEach(n -> subjects.add(n.get("subject").asText()));
        return subjects;
    }

    private static List<String> fields(JsonNode problem) {
        List<String> fields = new ArrayList<>();
        problem.get("errors").forEach(e -> fields.add(e.get("field").asText()));
        return fields;
    }

    @Test
    void proposingNeedsAMembersAdminAnotherOrganiserAndValidInput() {
        assertThat(api.post(ACTIVITIES, "{}", Api.bearer(api.tokenFor("luzhou.principal1"))).status()).isEqualTo(403);
        assertThat(api.post(ACTIVITIES, "{}").status()).isEqualTo(401);

        Api.Reply empty = api.post(ACTIVITIES, "{\"organisers\":[{\"tenant\":\"xiamen\"}]}", Api.bearer(luzhou));
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.contentType()).startsWith("application/problem+json");
        assertThat(fields(empty.json())).contains("title", "type", "startsOn", "endsOn", "organisers");
        assertThat(empty.body()).contains("“xiamen”不是本共同体成员单位", "至少需要两个成员单位");

        // a school of a member that is not an organiser, a draft-free but foreign plan item, a pair within one member
        long yongchuanSchool = school("yongchuan", "重庆市永川区第一实验学校");
        long luzhouSchool1 = school("luzhou", "四川省泸州市第一实验学校");
        long luzhouSchool2 = school("luzhou", "四川省泸州市第二实验学校");
        Api.Reply wrong = api.post(ACTIVITIES, """
                {"title":"错误的结对","type":"SCHOOL_PAIRING","startsOn":"2026-03-01","endsOn":"2026-02-01",
                 "organisers":[{"tenant":"rongchang"}],"schools":[%d],"planItems":[%d],
                 "pairings":[{"supportingSchool":%d,"supportedSchool":%d,"startsOn":"2026-03-01","endsOn":"2026-06-01"}]}"""
                .formatted(yongchuanSchool, planItem("yongchuan", "中小学特色发展交流"), luzhouSchool1, luzhouSchool2),
                Api.bearer(luzhou, "Accept-Language", "en"));
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(fields(wrong.json())).contains("endsOn", "schools", "planItems", "pairings");
        assertThat(wrong.body()).contains("must not be before the start date", "a pairing is across members");

        Api.Reply pairsInAnExchange = api.post(ACTIVITIES, """
                {"title":"交流","type":"EXCHANGE","startsOn":"2026-03-01","endsOn":"2026-03-02","organisers":[{"tenant":"rongchang"}],
                 "pairings":[{"supportingSchool":%d,"supportedSchool":%d,"startsOn":"2026-03-01","endsOn":"2026-06-01"}]}"""
                .formatted(luzhouSchool1, school("rongchang", "重庆市荣昌区第一实验学校")), Api.bearer(luzhou));
        assertThat(pairsInAnExchange.status()).isEqualTo(400);
        assertThat(fields(pairsInAnExchange.json())).containsExactly("pairings");

        long rongchangSchool = school("rongchang", "重庆市荣昌区第一实验学校");
        Api.Reply twice = api.post(ACTIVITIES, """
                {"title":"重复结对","type":"SCHOOL_PAIRING","startsOn":"2026-03-01","endsOn":"2026-06-02","organisers":[{"tenant":"rongchang"}],
                 "pairings":[{"supportingSchool":%d,"supportedSchool":%d,"startsOn":"2026-03-01","endsOn":"2026-06-01"},
                             {"supportingSchool":%d,"supportedSchool":%d,"startsOn":"2026-04-01","endsOn":"2026-06-01"}]}"""
                .formatted(luzhouSchool1, rongchangSchool, luzhouSchool1, rongchangSchool), Api.bearer(luzhou));
        assertThat(twice.status()).isEqualTo(400);
        assertThat(twice.body()).contains("同一对学校只能登记一次结对");
        Api.Reply notADate = api.post(ACTIVITIES, "{\"title\":\"x\",\"type\":\"OTHER\",\"startsOn\":\"someday\"}", Api.bearer(luzhou));
        assertThat(notADate.status()).isEqualTo(400);
        assertThat(notADate.contentType()).startsWith("application/problem+json");

        assertThat(titlesSeenBy(luzhou)).doesNotContain("错误的结对", "交流", "重复结对");
    }

    @Test
    void aProposalStaysWithItsOrganisersUntilAllConfirmThenTheCommunitySeesIt() {
        Api.Reply proposed = proposePairing("泸荣结对：第二实验学校帮扶荣昌第三实验学校");
        assertThat(proposed.status()).isEqualTo(201);
        assertThat(proposed.header("Location")).endsWith("/activities/" + proposed.json().get("id").asLong());
        JsonNode activity = proposed.json();
        long id = activity.get("id").asLong();
        assertThat(activity.get("status").asText()).isEqualTo("PROPOSED");
        assertThat(activity.get("proposer").asText()).isEqualTo("luzhou");
        assertThat(activity.get("organisers").get(0).get("tenant").asText()).isEqualTo("luzhou");
        assertThat(activity.get("organisers").get(0).get("response").asText()).isEqualTo("CONFIRMED");
        assertThat(activity.get("organisers").get(1).get("tenant").asText()).isEqualTo("rongchang");
        assertThat(activity.get("organisers").get(1).get("response").asText()).isEqualTo("PENDING");
        assertThat(activity.get("organisers").get(1).get("part").asText()).isEqualTo("组织受援学校教研");
        assertThat(activity.get("schools")).hasSize(2);
        assertThat(activity.get("planItems").get(0).get("title").asText()).isEqualTo("开展泸永江荣结对学校研讨校校合作机制");
        JsonNode pair = activity.get("pairings").get(0);
        assertThat(pair.get("supporting").get("name").asText()).isEqualTo("四川省泸州市第二实验学校");
        assertThat(pair.get("supported").get("tenant").asText()).isEqualTo("rongchang");
        assertThat(pair.get("endsOn").asText()).isEqualTo("2027-07-31");

        assertThat(inbox(rongchang)).contains("联合活动邀请：泸荣结对：第二实验学校帮扶荣昌第三实验学校");
        assertThat(inbox(yongchuan)).doesNotContain("联合活动邀请：泸荣结对：第二实验学校帮扶荣昌第三实验学校");

        // proposed: the organisers see it, another member does not, not even by id
        assertThat(api.get("api/v1/activities/" + id, Api.bearer(rongchang)).status()).isEqualTo(200);
        assertThat(api.get("api/v1/activities/" + id, Api.bearer(yongchuan)).status()).isEqualTo(404);
        assertThat(titlesSeenBy(yongchuan)).doesNotContain("泸荣结对：第二实验学校帮扶荣昌第三实验学校");
        assertThat(answer(id, yongchuan, "CONFIRMED", null).status()).as("a member not asked").isEqualTo(404);
        assertThat(api.get("api/v1/communities/chuannan-yuxi/school-pairings?tenant=rongchang", Api.bearer(yongchuan)).body())
                .doesNotContain("重庆市荣昌区第三实验学校");

        // the principal of an organiser cannot answer for it; its admin can, once
        assertThat(answer(id, api.tokenFor("rongchang.principal1"), "CONFIRMED", null).status()).isEqualTo(403);
        Api.Reply confirmed = answer(id, rongchang, "CONFIRMED", null);
        assertThat(confirmed.status()).isEqualTo(200);
        assertThat(confirmed.json().get("status").asText()).isEqualTo("CONFIRMED");
        assertThat(confirmed.json().get("organisers").get(1).get("respondedBy").asText()).isEqualTo("rongchang.admin");
        assertThat(inbox(luzhou)).contains("组织单位已确认：泸荣结对：第二实验学校帮扶荣昌第三实验学校",
                "联合活动已确认：泸荣结对：第二实验学校帮扶荣昌第三实验学校");
        assertThat(inbox(rongchang)).contains("联合活动已确认：泸荣结对：第二实验学校帮扶荣昌第三实验学校");
        Api.Reply again = answer(id, rongchang, "DECLINED", "改主意了");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("type").asText()).endsWith("/activity-answered");

        // confirmed: the whole community sees it and its pair
        assertThat(api.get("api/v1/activities/" + id, Api.bearer(yongchuan)).status()).isEqualTo(200);
        assertThat(titlesSeenBy(yongchuan)).contains("泸荣结对：第二实验学校帮扶荣昌第三实验学校");
        JsonNode pairs = api.get("api/v1/communities/chuannan-yuxi/school-pairings?tenant=rongchang&activeOn=2026-12-01",
                Api.bearer(yongchuan)).json();
        assertThat(pairs.toString()).contains("四川省泸州市第二实验学校", "重庆市荣昌区第三实验学校");
        JsonNode before = api.get("api/v1/communities/chuannan-yuxi/school-pairings?tenant=rongchang&activeOn=2026-01-01",
                Api.bearer(yongchuan)).json();
        assertThat(before.toString()).doesNotContain("重庆市荣昌区第三实验学校");
        assertThat(api.get("api/v1/communities/chuannan-yuxi/school-pairings?activeOn=someday", Api.bearer(yongchuan)).status())
                .isEqualTo(400);
    }

    @Test
    void theProposerReportsTheOutcomeWithItsAttachmentsUnderOptimisticLocking() {
        long id = proposePairing("泸荣结对：成果报告").json().get("id").asLong();
        String path = "api/v1/activities/" + id;
        String report = """
                {"status":"DONE","outcome":"完成同课异构 6 次，联合教研 4 次。",
                 "attachments":[{"name":"结对帮扶总结.pdf","description":"年度总结报告"},{"name":"现场照片.zip","description":"活动照片 32 张"}]}""";

        String etag = api.get(path, Api.bearer(luzhou)).header("ETag");
        Api.Reply early = api.patch(path, report, Api.bearer(luzhou, "If-Match", etag));
        assertThat(early.status()).as("not confirmed yet").isEqualTo(409);

        answer(id, rongchang, "CONFIRMED", null);
        assertThat(api.patch(path, report, Api.bearer(luzhou)).status()).isEqualTo(428);
        assertThat(api.patch(path, report, Api.bearer(luzhou, "If-Match", etag)).status())
                .as("the confirmation changed the version").isEqualTo(412);
        etag = api.get(path, Api.bearer(luzhou)).header("ETag");
        assertThat(api.patch(path, report, Api.bearer(rongchang, "If-Match", etag)).status())
                .as("an organiser that did not propose").isEqualTo(403);
        Api.Reply noOutcome = api.patch(path, "{\"status\":\"DONE\"}", Api.bearer(luzhou, "If-Match", etag));
        assertThat(noOutcome.status()).isEqualTo(400);
        assertThat(fields(noOutcome.json())).containsExactly("outcome");

        Api.Reply done = api.patch(path, report, Api.bearer(luzhou, "If-Match", etag));
        assertThat(done.status()).isEqualTo(200);
        assertThat(done.header("ETag")).isNotEqualTo(etag);
        JsonNode activity = api.get(path, Api.bearer(yongchuan)).json();
        assertThat(activity.get("status").asText()).isEqualTo("DONE");
        assertThat(activity.get("outcome").asText()).isEqualTo("完成同课异构 6 次，联合教研 4 次。");
        assertThat(activity.hasNonNull("reportedAt")).isTrue();
        assertThat(activity.get("attachments").get(1).get("name").asText()).isEqualTo("现场照片.zip");
        assertThat(activity.get("attachments").get(1).get("description").asText()).isEqualTo("活动照片 32 张");

        Api.Reply cancel = api.patch(path, "{\"status\":\"CANCELLED\",\"reason\":\"x\"}",
                Api.bearer(luzhou, "If-Match", done.header("ETag")));
        assertThat(cancel.status()).isEqualTo(409);
        assertThat(api.get(path, Api.bearer(luzhou)).json().get("status").asText()).isEqualTo("DONE");
    }

    @Test
    void aDeclinedPartNeedsAReasonAndTheProposerMayCancel() {
        Api.Reply proposed = api.post("api/v1/communities/test-alliance/activities", """
                {"title":"测试联盟送教","type":"TRAINING_SENT","startsOn":"2026-12-01","endsOn":"2026-12-02",
                 "organisers":[{"tenant":"yongchuan","part":"安排学校"}]}""", Api.bearer(luzhou));
        assertThat(proposed.status()).isEqualTo(201);
        long id = proposed.json().get("id").asLong();

        // 荣昌 is no member of the test alliance: the activity does not exist for it
        assertThat(api.get("api/v1/activities/" + id, Api.bearer(rongchang)).status()).isEqualTo(404);
        assertThat(answer(id, rongchang, "CONFIRMED", null).status()).isEqualTo(404);
        assertThat(api.get("api/v1/communities/test-alliance/activities", Api.bearer(rongchang)).status()).isEqualTo(403);
        assertThat(api.get("api/v1/communities/test-alliance/schools", Api.bearer(rongchang)).status()).isEqualTo(403);
        assertThat(api.get("api/v1/communities/test-alliance/schools", Api.bearer(yongchuan)).body())
                .contains("四川省泸州市第一实验学校", "重庆市永川区第一实验学校").doesNotContain("荣昌");

        Api.Reply noReason = answer(id, yongchuan, "DECLINED", null);
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(fields(noReason.json())).containsExactly("note");
        Api.Reply declined = answer(id, yongchuan, "DECLINED", "十二月初有市级督导");
        assertThat(declined.status()).isEqualTo(200);
        assertThat(declined.json().get("status").asText()).isEqualTo("PROPOSED");
        assertThat(declined.json().get("organisers").get(1).get("response").asText()).isEqualTo("DECLINED");
        assertThat(declined.json().get("organisers").get(1).get("note").asText()).isEqualTo("十二月初有市级督导");
        assertThat(api.get("api/v1/me/notifications?limit=200", Api.bearer(luzhou)).body())
                .contains("组织单位婉拒：测试联盟送教", "十二月初有市级督导");

        String etag = api.get("api/v1/activities/" + id, Api.bearer(luzhou)).header("ETag");
        assertThat(api.patch("api/v1/activities/" + id, "{\"status\":\"CANCELLED\"}", Api.bearer(luzhou, "If-Match", etag)).status())
                .as("a reason is needed").isEqualTo(400);
        Api.Reply cancelled = api.patch("api/v1/activities/" + id, "{\"status\":\"CANCELLED\",\"reason\":\"改期至明年\"}",
                Api.bearer(luzhou, "If-Match", etag));
        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.json().get("status").asText()).isEqualTo("CANCELLED");
        assertThat(cancelled.json().get("cancellationReason").asText()).isEqualTo("改期至明年");
        assertThat(inbox(yongchuan)).contains("联合活动已取消：测试联盟送教");
        assertThat(api.get("api/v1/communities/test-alliance/activities?status=CANCELLED", Api.bearer(yongchuan)).body())
                .contains("测试联盟送教");
    }

    @Test
    void theDemoCommunityHasAConfirmedPairingAndAProposalAwaitingZigong() {
        JsonNode confirmed = api.get(ACTIVITIES + "?type=SCHOOL_PAIRING&status=CONFIRMED", Api.bearer(yongchuan)).json();
        assertThat(confirmed.toString()).contains("泸永荣结对学校校校合作（2023—2027）");
        assertThat(titlesSeenBy(yongchuan)).doesNotContain("乡村教育专家送教送培进自贡");
        String zigong = api.tokenFor("zigong.admin");
        assertThat(titlesSeenBy(zigong)).contains("乡村教育专家送教送培进自贡");
        JsonNode pairs = api.get("api/v1/communities/chuannan-yuxi/school-pairings?activeOn=2026-11-25", Api.bearer(zigong)).json();
        assertThat(pairs.toString()).contains("四川省泸州市第一实验学校", "重庆市荣昌区第二实验学校", "重庆市永川区第一实验学校");
        assertThat(api.get(ACTIVITIES + "?type=PARTY", Api.bearer(zigong)).status()).isEqualTo(400);
    }
}
