package org.educommons.ui.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Annual work plans through the API on a real server: drafting, publishing, the combined table and
 * its spreadsheet, history, optimistic locking, cross-tenant attempts and the audit trail. Each test
 * works in a year of its own, so they do not depend on each other.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class WorkPlanIT {

    private static final String COMMUNITY = "api/v1/communities/chuannan-yuxi/";

    @Deployment(testable = false)
    static WebArchive application() {
        return Deployments.application();
    }

    @ArquillianResource
    URL base;

    Api api;
    String luzhou;
    String yongchuan;

    @BeforeEach
    void signIn() {
        api = new Api(base);
        luzhou = api.tokenFor("luzhou.admin");
        yongchuan = api.tokenFor("yongchuan.admin");
    }

    private JsonNode addItem(String token, int year, String json) {
        Api.Reply reply = api.post(COMMUNITY + "plans/" + year + "/items", json, Api.bearer(token));
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        assertThat(reply.header("ETag")).isNotBlank();
        assertThat(reply.header("Location")).endsWith("/api/v1/plan-items/" + reply.json().get("id").asLong());
        return reply.json();
    }

    private static List<String> titlesOf(JsonNode combined, String member) {
        List<String> titles = new ArrayList<>();
        combined.get("members").forEach(m -> {
            if (m.get("tenant").asText().equals(member)) {
                m.get("items").forEach(i -> titles.add(i.get("title").asText()));
            }
        });
        return titles;
    }

    @Test
    void theDemoCombinedPlanOf2023ListsEveryMembersPublishedItemsInRosterOrder() {
        JsonNode combined = api.get(COMMUNITY + "plans/2023", Api.bearer(api.tokenFor("wansheng.principal1"))).json();

        List<String> members = new ArrayList<>();
        combined.get("members").forEach(m -> members.add(m.get("tenant").asText()));
        assertThat(members).startsWith("luzhou", "yongchuan", "jiangjin", "rongchang").hasSize(11);
        assertThat(titlesOf(combined, "luzhou")).containsExactly("组建教师教育课程资源库1.0",
                "开展泸永江荣结对学校研讨校校合作机制", "举办乡村教育振兴校长论坛", "乡村教育专家培养对象培训", "“五育融合”试点学校领航培训");
        assertThat(titlesOf(combined, "rongchang")).hasSize(4).contains("第三届课博会");
        assertThat(titlesOf(combined, "wansheng")).isEmpty();
        assertThat(combined.get("members").get(1).get("items").get(3).get("coOrganisers").toString())
                .isEqualTo("[\"luzhou\",\"jiangjin\",\"rongchang\"]");

        assertThat(api.get(COMMUNITY + "plans/2023").status()).isEqualTo(401);
    }

    @Test
    void filtersNarrowTheCombinedTable() {
        JsonNode forums = api.get(COMMUNITY + "plans/2023?category=FORUM", Api.bearer(yongchuan)).json();
        assertThat(titlesOf(forums, "luzhou")).containsExactly("举办乡村教育振兴校长论坛");
        assertThat(titlesOf(forums, "rongchang")).containsExactly("重庆四川“10+20”教育论坛");
        assertThat(titlesOf(forums, "jiangjin")).isEmpty();

        JsonNode rongchang = api.get(COMMUNITY + "plans/2023?member=rongchang&month=7", Api.bearer(yongchuan)).json();
        assertThat(rongchang.get("members")).hasSize(1);
        assertThat(titlesOf(rongchang, "rongchang")).hasSize(4);

        Api.Reply bad = api.get(COMMUNITY + "plans/2023?category=PICNIC&month=13", Api.bearer(yongchuan));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.contentType()).startsWith("application/problem+json");
    }

    /** Every row of the paged table from the first page on, as "member:id", following the cursors. */
    private List<String> allRows(String query, String token, int limit) {
        List<String> rows = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = api.get(COMMUNITY + "plans/2023/rows?limit=" + limit + query
                    + (cursor == null ? "" : "&cursor=" + cursor), Api.bearer(token)).json();
            assertThat(page.get("items").size()).isLessThanOrEqualTo(limit);
            page.get("items").forEach(r -> {
                assertThat(r.get("item").get("tenant").asText()).isEqualTo(r.get("member").asText());
                rows.add(r.get("member").asText() + ":" + r.get("item").get("id").asLong());
            });
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
            assertThat(++pages).as("pages end").isLessThan(100);
        } while (cursor != null);
        return rows;
    }

    private static List<String> groupedRows(JsonNode combined) {
        List<String> rows = new ArrayList<>();
        combined.get("members").forEach(m -> m.get("items").forEach(i -> rows.add(m.get("tenant").asText() + ":" + i.get("id").asLong())));
        return rows;
    }

    @Test
    void theTableReadsPageByPageInRosterOrderWithTheSameFiltersAsTheWholeTable() {
        List<String> whole = groupedRows(api.get(COMMUNITY + "plans/2023", Api.bearer(yongchuan)).json());
        assertThat(whole).hasSize(16);
        assertThat(allRows("", yongchuan, 3)).as("pages of 3, in order, nobody twice, nothing missing").isEqualTo(whole);
        assertThat(allRows("", yongchuan, 200)).isEqualTo(whole);

        for (String query : List.of("&category=FORUM", "&month=7", "&member=rongchang", "&status=PLANNED",
                "&category=TRAINING&month=3&status=PLANNED")) {
            List<String> narrowed = groupedRows(api.get(COMMUNITY + "plans/2023?" + query.substring(1), Api.bearer(yongchuan)).json());
            assertThat(allRows(query, yongchuan, 2)).as(query).isEqualTo(narrowed).isNotEmpty();
        }
        assertThat(allRows("&category=FORUM", yongchuan, 2)).hasSize(3);
        assertThat(allRows("&member=rongchang", yongchuan, 2)).hasSize(4).allMatch(r -> r.startsWith("rongchang:"));
        assertThat(allRows("&status=DONE", yongchuan, 2)).isEmpty();
        assertThat(allRows("&member=nowhere", yongchuan, 2)).isEmpty();

        JsonNode first = api.get(COMMUNITY + "plans/2023/rows?limit=2", Api.bearer(yongchuan)).json();
        assertThat(first.get("items").get(1).get("item").get("coOrganisers").toString())
                .isEqualTo("[\"yongchuan\",\"jiangjin\",\"rongchang\"]");
        assertThat(first.get("items").get(1).get("coOrganiserNames").get(0).get("zh").asText()).isEqualTo("重庆市永川区教育委员会");
        assertThat(first.get("items").get(0).get("memberName").get("en").asText()).isEqualTo("Luzhou Municipal Bureau of Education and Sports");

        for (String bad : List.of("cursor=1.2.3", "cursor=x.1.1.1", "status=FINISHED", "category=PICNIC", "month=0")) {
            Api.Reply reply = api.get(COMMUNITY + "plans/2023/rows?" + bad, Api.bearer(yongchuan));
            assertThat(reply.status()).as(bad).isEqualTo(400);
            assertThat(reply.contentType()).startsWith("application/problem+json");
        }
        assertThat(api.get("api/v1/communities/nowhere/plans/2023/rows", Api.bearer(yongchuan)).status()).isEqualTo(404);
    }

    @Test
    void aDraftIsARowOfItsOwnTenantsTableOnly() {
        long draft = addItem(luzhou, 2034, "{\"title\":\"草稿事项\",\"category\":\"OTHER\"}").get("id").asLong();
        JsonNode own = api.get(COMMUNITY + "plans/2034/rows", Api.bearer(luzhou)).json();
        assertThat(own.get("items")).hasSize(1);
        assertThat(own.get("items").get(0).get("item").get("id").asLong()).isEqualTo(draft);
        assertThat(own.get("items").get(0).get("item").get("published").asBoolean()).isFalse();
        assertThat(api.get(COMMUNITY + "plans/2034/rows", Api.bearer(yongchuan)).json().get("items")).isEmpty();
        assertThat(api.get(COMMUNITY + "plans/2034/rows?member=luzhou", Api.bearer(yongchuan)).json().get("items")).isEmpty();
    }

    @Test
    void draftsStayInsideTheTenantUntilPublished() {
        JsonNode draft = addItem(luzhou, 2026, """
                {"title":"泸州市乡村教师培训","category":"TRAINING","startMonth":3,"endMonth":5,
                 "leadUnit":"泸州市教师发展中心","coOrganisers":["yongchuan"],"targetParticipants":"乡村教师"}""");
        assertThat(draft.get("published").asBoolean()).isFalse();
        long id = draft.get("id").asLong();

        assertThat(titlesOf(api.get(COMMUNITY + "plans/2026", Api.bearer(luzhou)).json(), "luzhou")).containsExactly("泸州市乡村教师培训");
        assertThat(titlesOf(api.get(COMMUNITY + "plans/2026", Api.bearer(yongchuan)).json(), "luzhou")).isEmpty();
        assertThat(api.get("api/v1/plan-items/" + id, Api.bearer(yongchuan)).status()).isEqualTo(404);
        assertThat(api.get(COMMUNITY + "plans/2026/items?coOrganised=true", Api.bearer(yongchuan)).body())
                .doesNotContain("泸州市乡村教师培训");

        Api.Reply published = api.post(COMMUNITY + "plans/2026/publish", "", Api.bearer(luzhou));
        assertThat(published.json().get("published").asInt()).isEqualTo(1);

        assertThat(titlesOf(api.get(COMMUNITY + "plans/2026", Api.bearer(yongchuan)).json(), "luzhou")).containsExactly("泸州市乡村教师培训");
        assertThat(api.get("api/v1/plan-items/" + id, Api.bearer(yongchuan)).json().get("coOrganisers").get(0).asText())
                .isEqualTo("yongchuan");
        // the co-organiser finds it in its own view, the other members do not
        JsonNode coOrganised = api.get(COMMUNITY + "plans/2026/items?coOrganised=true", Api.bearer(yongchuan)).json().get("items");
        assertThat(coOrganised.toString()).contains("泸州市乡村教师培训");
        coOrganised.forEach(i -> assertThat(i.get("coOrganisers").toString()).contains("yongchuan"));
        assertThat(api.get(COMMUNITY + "plans/2026/items?coOrganised=true", Api.bearer(api.tokenFor("jiangjin.admin"))).body())
                .doesNotContain("泸州市乡村教师培训");
    }

    @Test
    void onlyTheOwningTenantsAdminsWriteItsPlan() {
        long id = addItem(luzhou, 2027, "{\"title\":\"督导评估交流\",\"category\":\"INSPECTION\"}").get("id").asLong();
        api.post(COMMUNITY + "plans/2027/publish", "", Api.bearer(luzhou));

        Api.Reply principal = api.post(COMMUNITY + "plans/2027/items", "{\"title\":\"x\",\"category\":\"OTHER\"}",
                Api.bearer(api.tokenFor("luzhou.principal1")));
        assertThat(principal.status()).isEqualTo(403);

        Api.Reply intruder = api.patch("api/v1/plan-items/" + id, "{\"title\":\"hijacked\"}", Api.bearer(yongchuan, "If-Match", "\"0\""));
        assertThat(intruder.status()).isEqualTo(404);
        assertThat(api.get("api/v1/plan-items/" + id, Api.bearer(luzhou)).json().get("title").asText()).isEqualTo("督导评估交流");

        Api.Reply outsider = api.get("api/v1/communities/nowhere/plans/2027", Api.bearer(yongchuan));
        assertThat(outsider.status()).isEqualTo(404);
    }

    @Test
    void aStaleWriteIsRefusedAndNothingIsLost() {
        JsonNode item = addItem(luzhou, 2028, "{\"title\":\"资源库建设\",\"category\":\"RESOURCE_BUILDING\"}");
        long id = item.get("id").asLong();
        String etag = api.get("api/v1/plan-items/" + id, Api.bearer(luzhou)).header("ETag");

        assertThat(api.patch("api/v1/plan-items/" + id, "{\"title\":\"没有版本\"}", Api.bearer(luzhou)).status()).isEqualTo(428);

        Api.Reply first = api.patch("api/v1/plan-items/" + id, "{\"title\":\"资源库建设（一期）\"}", Api.bearer(luzhou, "If-Match", etag));
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.header("ETag")).isNotEqualTo(etag);

        Api.Reply stale = api.patch("api/v1/plan-items/" + id, "{\"title\":\"资源库建设（旧版）\"}", Api.bearer(luzhou, "If-Match", etag));
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.json().get("type").asText()).endsWith("/problems/precondition-failed");
        assertThat(api.get("api/v1/plan-items/" + id, Api.bearer(luzhou)).json().get("title").asText()).isEqualTo("资源库建设（一期）");
    }

    @Test
    void statusChangesNeedAProgressNoteAndPublishedItemsKeepTheirHistory() {
        long id = addItem(luzhou, 2029, "{\"title\":\"送教下乡\",\"category\":\"TRAINING\"}").get("id").asLong();
        api.post(COMMUNITY + "plans/2029/publish", "", Api.bearer(luzhou));
        String etag = api.get("api/v1/plan-items/" + id, Api.bearer(luzhou)).header("ETag");

        Api.Reply noNote = api.patch("api/v1/plan-items/" + id, "{\"status\":\"IN_PROGRESS\"}",
                Api.bearer(luzhou, "If-Match", etag, "Accept-Language", "en"));
        assertThat(noNote.status()).isEqualTo(400);
        assertThat(noNote.json().get("errors").get(0).get("field").asText()).isEqualTo("note");

        Api.Reply started = api.patch("api/v1/plan-items/" + id, "{\"status\":\"IN_PROGRESS\",\"note\":\"首批3所学校已开展\"}",
                Api.bearer(luzhou, "If-Match", etag));
        assertThat(started.status()).isEqualTo(200);
        Api.Reply done = api.patch("api/v1/plan-items/" + id, "{\"status\":\"DONE\",\"note\":\"全部完成\"}",
                Api.bearer(luzhou, "If-Match", started.header("ETag")));
        assertThat(done.json().get("status").asText()).isEqualTo("DONE");
        Api.Reply reopened = api.patch("api/v1/plan-items/" + id, "{\"status\":\"PLANNED\",\"note\":\"重来\"}",
                Api.bearer(luzhou, "If-Match", done.header("ETag")));
        assertThat(reopened.status()).isEqualTo(409);

        JsonNode history = api.get("api/v1/plan-items/" + id + "/history", Api.bearer(yongchuan)).json().get("items");
        assertThat(history).hasSize(2);
        assertThat(history.get(0).get("changedBy").asText()).isEqualTo("luzhou.admin");
        assertThat(history.get(0).get("note").asText()).isEqualTo("首批3所学校已开展");
        assertThat(history.get(0).get("changes").get("status").toString()).isEqualTo("[\"PLANNED\",\"IN_PROGRESS\"]");
    }

    @Test
    void invalidItemsAreRefusedWithEveryFieldNamedAndNothingSaved() {
        int before = api.get(COMMUNITY + "plans/2031/items", Api.bearer(luzhou)).json().get("items").size();
        Api.Reply reply = api.post(COMMUNITY + "plans/2031/items", """
                {"title":" ","category":"PICNIC","startMonth":9,"endMonth":4,"coOrganisers":["atlantis","luzhou"]}""",
                Api.bearer(luzhou, "Accept-Language", "en"));
        assertThat(reply.status()).isEqualTo(400);
        List<String> errors = new ArrayList<>();
        reply.json().get("errors").forEach(e -> errors.add(e.get("field").asText() + ": " + e.get("message").asText()));
        assertThat(errors).containsExactlyInAnyOrder("title: required", "category: must be one of [TRAINING, FORUM, EXCHANGE, "
                        + "RESEARCH, RESOURCE_BUILDING, INSPECTION, PARTY_BUILDING, OTHER]",
                "endMonth: the end month cannot be before the start month",
                "coOrganisers: 'atlantis' is not a member of this community",
                "coOrganisers: your own tenant cannot co-organise its item");
        assertThat(api.get(COMMUNITY + "plans/2031/items", Api.bearer(luzhou)).json().get("items")).hasSize(before);

        assertThat(api.post(COMMUNITY + "plans/2031/items", "{nope", Api.bearer(luzhou)).status()).isEqualTo(400);
    }

    @Test
    void aClosedPlanNoLongerChanges() {
        long id = addItem(luzhou, 2030, "{\"title\":\"年度交流\",\"category\":\"EXCHANGE\"}").get("id").asLong();
        assertThat(api.post(COMMUNITY + "plans/2030/close", "{\"summary\":\"全年完成交流活动12场。\"}", Api.bearer(luzhou)).status())
                .isEqualTo(204);

        assertThat(api.post(COMMUNITY + "plans/2030/items", "{\"title\":\"追加\",\"category\":\"OTHER\"}", Api.bearer(luzhou)).status())
                .isEqualTo(409);
        String etag = api.get("api/v1/plan-items/" + id, Api.bearer(luzhou)).header("ETag");
        assertThat(api.patch("api/v1/plan-items/" + id, "{\"title\":\"改\"}", Api.bearer(luzhou, "If-Match", etag)).status())
                .isEqualTo(409);
        // closing publishes: the community sees the year's items
        assertThat(titlesOf(api.get(COMMUNITY + "plans/2030", Api.bearer(yongchuan)).json(), "luzhou")).containsExactly("年度交流");
    }

    @Test
    void ownItemsArePagedWithACursor() {
        for (int i = 1; i <= 3; i++) {
            addItem(yongchuan, 2032, "{\"title\":\"事项" + i + "\",\"category\":\"OTHER\"}");
        }
        JsonNode first = api.get(COMMUNITY + "plans/2032/items?limit=2", Api.bearer(yongchuan)).json();
        assertThat(first.get("items")).hasSize(2);
        String cursor = first.get("nextCursor").asText();
        JsonNode second = api.get(COMMUNITY + "plans/2032/items?limit=2&cursor=" + cursor, Api.bearer(yongchuan)).json();
        assertThat(second.get("items")).hasSize(1);
        assertThat(second.get("items").get(0).get("title").asText()).isEqualTo("事项3");
        assertThat(second.get("nextCursor").isNull()).isTrue();
    }

    @Test
    void theCombinedTableDownloadsAsASpreadsheetWithAColumnPerField() throws Exception {
        Api.Reply reply = api.get(COMMUNITY + "plans/2023?format=xlsx", Api.bearer(api.tokenFor("jiangjin.admin")));
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.contentType()).startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(reply.bytes()))) {
            assertThat(workbook.getNumberOfSheets()).isOne();
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getSheetName()).isEqualTo("2023年工作计划");
            assertThat(cells(sheet.getRow(0))).containsExactly("成员单位", "序号", "事项", "类别", "计划时间", "牵头单位",
                    "协办单位", "参与对象", "状态", "说明");
            assertThat(sheet.getLastRowNum()).isEqualTo(16);
            assertThat(cells(sheet.getRow(1))).containsExactly("泸州市教育和体育局", "1", "组建教师教育课程资源库1.0", "资源建设",
                    "全年", "泸州市教育和体育局", "", "", "计划中", "");
            assertThat(cells(sheet.getRow(2)).get(6)).isEqualTo("重庆市永川区教育委员会、重庆市江津区教育委员会、重庆市荣昌区教育委员会");
            assertThat(cells(sheet.getRow(16))).startsWith("重庆市荣昌区教育委员会", "4", "重庆四川“10+20”教育论坛", "论坛");
        }

        Api.Reply byAccept = api.get(COMMUNITY + "plans/2023", Api.bearer(luzhou, "Accept",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Accept-Language", "en"));
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(byAccept.bytes()))) {
            assertThat(workbook.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).isEqualTo("Member");
            assertThat(workbook.getSheetAt(0).getRow(1).getCell(0).getStringCellValue())
                    .isEqualTo("Luzhou Municipal Bureau of Education and Sports");
        }
    }

    @Test
    void everyWriteIsAuditedAndEachTenantReadsOnlyItsOwnTrail() {
        long id = addItem(luzhou, 2033, "{\"title\":\"审计用事项\",\"category\":\"OTHER\"}").get("id").asLong();
        api.post(COMMUNITY + "plans/2033/publish", "", Api.bearer(luzhou));

        JsonNode trail = api.get("api/v1/audit?limit=200", Api.bearer(luzhou)).json().get("items");
        List<String> entries = new ArrayList<>();
        trail.forEach(e -> entries.add(e.get("actor").asText() + " " + e.get("entity").asText() + " " + e.get("action").asText()
                + " " + e.get("entityId").asText()));
        assertThat(entries).contains("luzhou.admin plan-item create " + id);
        assertThat(entries).anyMatch(e -> e.startsWith("luzhou.admin work-plan publish"));

        JsonNode others = api.get("api/v1/audit?limit=200", Api.bearer(yongchuan)).json().get("items");
        others.forEach(e -> assertThat(e.get("actor").asText()).isNotEqualTo("luzhou.admin"));
        assertThat(api.get("api/v1/audit", Api.bearer(api.tokenFor("luzhou.principal1"))).status()).isEqualTo(403);
    }

    private static List<String> cells(Row row) {
        List<String> values = new ArrayList<>();
        row.forEach(cell -> values.add(switch (cell.getCellType()) {
            case NUMERIC -> String.valueOf((long) cell.getNumericCellValue());
            default -> cell.getStringCellValue();
        }));
        return values;
    }
}
