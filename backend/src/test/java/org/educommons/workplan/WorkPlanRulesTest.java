package org.educommons.workplan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.educommons.platform.problem.ProblemException.FieldError;
import org.educommons.tenancy.LocalizedName;
import org.educommons.tenancy.MembershipRole;
import org.junit.jupiter.api.Test;

/** The work plan's rules that need no database: what a plan item must say, how it moves, the spreadsheet. */
class WorkPlanRulesTest {

    private static PlanItemInput item(String title, String category, Integer from, Integer to) {
        return new PlanItemInput(title, category, from, to, null, null, null, null);
    }

    private static List<String> fields(PlanItemInput input) {
        return input.errors().stream().map(e -> e.field() + ":" + e.messageKey()).toList();
    }

    @Test
    void aPlanItemNeedsATitleAndOneOfTheCategories() {
        assertThat(fields(item("送教下乡", "TRAINING", 3, 5))).isEmpty();
        assertThat(fields(item(" ", null, null, null)))
                .containsExactly("title:validation.required", "category:validation.required");
        assertThat(fields(item("x".repeat(PlanItemInput.TITLE_MAX + 1), "PICNIC", null, null)))
                .containsExactly("title:validation.too-long", "category:validation.one-of");
        assertThat(fields(item(" " + "x".repeat(PlanItemInput.TITLE_MAX) + " ", " FORUM ", null, null)))
                .as("surrounding blanks do not count").isEmpty();
    }

    @Test
    void plannedMonthsComeInPairsWithinTheYearAndInOrder() {
        assertThat(fields(item("t", "FORUM", 6, 6))).isEmpty();
        assertThat(fields(item("t", "FORUM", 3, null))).containsExactly("endMonth:validation.months-pair");
        assertThat(fields(item("t", "FORUM", null, 4))).containsExactly("startMonth:validation.months-pair");
        assertThat(fields(item("t", "FORUM", 0, 13)))
                .containsExactly("startMonth:validation.month", "endMonth:validation.month");
        assertThat(fields(item("t", "FORUM", 9, 3))).containsExactly("endMonth:validation.month-order");
    }

    @Test
    void longTextsAreRefusedFieldByField() {
        String tooLong = "字".repeat(PlanItemInput.TEXT_MAX + 1);
        PlanItemInput input = new PlanItemInput("t", "OTHER", null, null, tooLong, List.of(), "校长", tooLong);
        assertThat(input.errors()).extracting(FieldError::field).containsExactly("leadUnit", "description");
    }

    @Test
    void blankOptionalTextsAreStoredAsNothing() {
        PlanItemContent content = new PlanItemInput("  乡村教师培训  ", "TRAINING", null, null, " ", null, "", "说明")
                .toContent(java.util.Set.of());
        assertThat(content.title()).isEqualTo("乡村教师培训");
        assertThat(content.leadUnit()).isNull();
        assertThat(content.targetParticipants()).isNull();
        assertThat(content.description()).isEqualTo("说明");
    }

    @Test
    void finishedItemsStayFinishedAndOpenOnesMoveFreely() {
        for (ItemStatus from : ItemStatus.values()) {
            for (ItemStatus to : ItemStatus.values()) {
                boolean finished = from == ItemStatus.DONE || from == ItemStatus.CANCELLED;
                assertThat(from.canMoveTo(to)).as(from + " → " + to).isEqualTo(!finished || from == to);
            }
        }
    }

    private static PlanItemView view(int position, String title, PlanCategory category, Integer from, Integer to,
                                     List<String> coOrganisers, ItemStatus status) {
        return new PlanItemView(position, "luzhou", "chuannan-yuxi", 2023, position, title, category, from, to, "泸州市教科所",
                coOrganisers, "乡村校长", "说明" + position, status, true, 0);
    }

    private static List<List<String>> rows(byte[] xlsx) throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(workbook.getNumberOfSheets()).isOne();
            Sheet sheet = workbook.getSheetAt(0);
            List<List<String>> rows = new ArrayList<>();
            rows.add(List.of(sheet.getSheetName()));
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                row.forEach(c -> cells.add(c.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC
                        ? String.valueOf((int) c.getNumericCellValue()) : c.getStringCellValue()));
                rows.add(cells);
            }
            return rows;
        }
    }

    @Test
    void theCombinedPlanSpreadsheetHasARowPerItemAndAColumnPerFieldInTheReadersLanguage() throws Exception {
        LocalizedName luzhou = new LocalizedName("泸州市教育和体育局", "Luzhou Bureau of Education");
        LocalizedName yongchuan = new LocalizedName("永川区教育委员会", "Yongchuan Education Commission");
        CombinedPlan plan = new CombinedPlan("chuannan-yuxi", new LocalizedName("川南渝西教育共同体", "Community"), 2023, List.of(
                new CombinedPlan.MemberPlan("luzhou", luzhou, MembershipRole.FOUNDING_MEMBER, List.of(
                        view(1, "举办乡村教育振兴校长论坛", PlanCategory.FORUM, 10, 10, List.of("yongchuan"), ItemStatus.PLANNED),
                        view(2, "送教下乡", PlanCategory.TRAINING, 3, 5, List.of(), ItemStatus.DONE))),
                new CombinedPlan.MemberPlan("yongchuan", yongchuan, MembershipRole.FOUNDING_MEMBER, List.of(
                        view(1, "全年教研活动", PlanCategory.RESEARCH, null, null, List.of("luzhou", "unknown"), ItemStatus.IN_PROGRESS)))));

        ByteArrayOutputStream zh = new ByteArrayOutputStream();
        CombinedPlanWorkbook.write(plan, Locale.SIMPLIFIED_CHINESE, zh);
        assertThat(rows(zh.toByteArray())).containsExactly(
                List.of("2023年工作计划"),
                List.of("成员单位", "序号", "事项", "类别", "计划时间", "牵头单位", "协办单位", "参与对象", "状态", "说明"),
                List.of("泸州市教育和体育局", "1", "举办乡村教育振兴校长论坛", "论坛", "10月", "泸州市教科所", "永川区教育委员会", "乡村校长", "计划中", "说明1"),
                List.of("泸州市教育和体育局", "2", "送教下乡", "培训", "3–5月", "泸州市教科所", "", "乡村校长", "已完成", "说明2"),
                List.of("永川区教育委员会", "1", "全年教研活动", "教研", "全年", "泸州市教科所", "泸州市教育和体育局、unknown", "乡村校长",
                        "进行中", "说明1"));

        ByteArrayOutputStream en = new ByteArrayOutputStream();
        CombinedPlanWorkbook.write(plan, Locale.ENGLISH, en);
        List<List<String>> english = rows(en.toByteArray());
        assertThat(english.get(1).get(0)).isEqualTo("Member");
        assertThat(english.get(2)).startsWith("Luzhou Bureau of Education", "1", "举办乡村教育振兴校长论坛");
        assertThat(english.get(2).get(6)).isEqualTo("Yongchuan Education Commission");
    }
}
