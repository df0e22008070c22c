package org.educommons.workplan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.educommons.platform.api.Page;
import org.educommons.platform.i18n.Messages;
import org.educommons.platform.problem.ProblemException;
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
                .toContent(Set.of());
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

    @Test
    void aMonthOutsideTheYearIsNamedButNotAlsoComparedWithTheOther() {
        assertThat(fields(item("t", "FORUM", 13, 5))).containsExactly("startMonth:validation.month");
        assertThat(fields(item("t", "FORUM", 5, 0))).containsExactly("endMonth:validation.month");
        assertThat(fields(item("t", "FORUM", 1, 12))).isEmpty();
        assertThat(fields(item("t", "forum", 1, 12))).as("a category is named exactly, in capitals")
                .containsExactly("category:validation.one-of");
    }

    @Test
    void theLongestTextsAllowedAreAccepted() {
        String longest = "字".repeat(PlanItemInput.TEXT_MAX);
        assertThat(new PlanItemInput("字".repeat(PlanItemInput.TITLE_MAX), "OTHER", null, null, longest, null, longest, longest)
                .errors()).isEmpty();
    }

    @Test
    void aStatusMoveIsReportedAsBeforeAndAfterAndAMoveToTheSameStatusIsNoChange() {
        PlanItem item = new PlanItem();
        assertThat(item.status()).as("a new item is planned").isEqualTo(ItemStatus.PLANNED);

        assertThat(item.moveTo(ItemStatus.IN_PROGRESS).asMap())
                .containsExactly(entry("status", List.of(ItemStatus.PLANNED, ItemStatus.IN_PROGRESS)));
        assertThat(item.status()).isEqualTo(ItemStatus.IN_PROGRESS);
        assertThat(item.moveTo(ItemStatus.IN_PROGRESS).isEmpty()).isTrue();

        assertThat(item.moveTo(ItemStatus.DONE).asMap()).containsExactly(entry("status", List.of(ItemStatus.IN_PROGRESS, ItemStatus.DONE)));
        assertThat(item.status().canMoveTo(ItemStatus.IN_PROGRESS)).as("the service refuses this move (409)").isFalse();
        assertThat(item.status().canMoveTo(ItemStatus.DONE)).as("staying done is no move").isTrue();
    }

    @Test
    void applyingContentReportsEveryChangedFieldOnceAndNothingWhenAllIsTheSame() {
        PlanItem item = new PlanItem();
        PlanItemContent first = new PlanItemContent("送教下乡", PlanCategory.TRAINING, 3, 5, "泸州市教科所", Set.of(7L, 3L), null, "说明");
        Map<String, List<Object>> created = item.apply(first).asMap();
        assertThat(created.keySet())
                .containsExactly("title", "category", "startMonth", "endMonth", "leadUnit", "description", "coOrganisers");
        assertThat(created.get("coOrganisers")).as("co-organisers in id order").containsExactly(List.of(), List.of(3L, 7L));
        assertThat(item.content()).isEqualTo(first);
        assertThat(item.apply(first).isEmpty()).isTrue();

        PlanItemContent wholeYear = new PlanItemContent("送教下乡", PlanCategory.TRAINING, null, null, null, Set.of(3L), "乡村教师", "说明");
        Map<String, List<Object>> changes = item.apply(wholeYear).asMap();
        assertThat(changes).containsExactly(
                entry("startMonth", Arrays.asList(3, null)),
                entry("endMonth", Arrays.asList(5, null)),
                entry("leadUnit", Arrays.asList("泸州市教科所", null)),
                entry("targetParticipants", Arrays.asList(null, "乡村教师")),
                entry("coOrganisers", List.of(List.of(3L, 7L), List.of(3L))));
        assertThat(item.content()).isEqualTo(wholeYear);
    }

    private static final PlanItemContent CURRENT = new PlanItemContent("送教下乡", PlanCategory.TRAINING, 3, 5, "泸州市教科所",
            Set.of(2L), "乡村教师", "说明");
    private static final Map<Long, String> SLUGS = Map.of(1L, "luzhou", 2L, "yongchuan");

    private static PlanItemEdit edit(String title, Integer startMonth, Integer endMonth, String leadUnit, List<String> coOrganisers,
                                     String targetParticipants) {
        return new PlanItemEdit(title, null, startMonth, endMonth, leadUnit, coOrganisers, targetParticipants, null, null, null);
    }

    @Test
    void anEditKeepsWhatItLeavesOutAndAnEmptyTextClearsIt() {
        PlanItemInput untouched = edit(null, null, null, null, null, null).merge(CURRENT, SLUGS);
        assertThat(untouched).isEqualTo(new PlanItemInput("送教下乡", "TRAINING", 3, 5, "泸州市教科所", List.of("yongchuan"),
                "乡村教师", "说明"));
        assertThat(untouched.errors()).isEmpty();
        assertThat(untouched.toContent(CURRENT.coOrganiserIds())).isEqualTo(CURRENT);

        PlanItemContent cleared = edit("  新标题 ", null, null, "", List.of(), " ").merge(CURRENT, SLUGS).toContent(Set.of());
        assertThat(cleared).isEqualTo(new PlanItemContent("新标题", PlanCategory.TRAINING, 3, 5, null, Set.of(), null, "说明"));
    }

    @Test
    void anEditGivesTheMonthsAsAPair() {
        assertThat(edit(null, 6, 8, null, null, null).merge(CURRENT, SLUGS))
                .extracting(PlanItemInput::startMonth, PlanItemInput::endMonth).containsExactly(6, 8);
        assertThat(fields(edit(null, 6, null, null, null, null).merge(CURRENT, SLUGS)))
                .as("one month alone does not borrow the other").containsExactly("endMonth:validation.months-pair");
        assertThat(fields(edit(null, null, 2, null, null, null).merge(CURRENT, SLUGS)))
                .containsExactly("startMonth:validation.months-pair");
    }

    @Test
    void aNewStatusIsReadByNameAndAnUnknownOneIsRefusedAsInvalidInput() {
        assertThat(new PlanItemEdit(null, null, null, null, null, null, null, null, null, null).parsedStatus()).isNull();
        assertThat(new PlanItemEdit(null, null, null, null, null, null, null, null, " DONE ", "办完了").parsedStatus())
                .isEqualTo(ItemStatus.DONE);
        assertThatThrownBy(() -> new PlanItemEdit(null, null, null, null, null, null, null, null, "FINISHED", "x").parsedStatus())
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.type()).isEqualTo("invalid-input");
                    assertThat(e.fieldErrors()).extracting(FieldError::field, FieldError::messageKey)
                            .containsExactly(tuple("status", "validation.one-of"));
                });
    }

    @Test
    void aWholeYearItemCoversEveryMonthAndAnotherOnlyItsOwn() {
        PlanItemContent wholeYear = new PlanItemContent("全年", PlanCategory.RESEARCH, null, null, null, null, null, null);
        PlanItemContent spring = new PlanItemContent("春季", PlanCategory.TRAINING, 3, 5, null, null, null, null);
        for (int month = 1; month <= 12; month++) {
            assertThat(wholeYear.coversMonth(month)).isTrue();
            assertThat(spring.coversMonth(month)).as("month " + month).isEqualTo(month >= 3 && month <= 5);
        }
        assertThat(wholeYear.coOrganiserIds()).isEmpty();
    }

    @Test
    void aPlanTableCursorNamesTheLastRowAndAnythingElseIsRefusedAsInput() {
        PlanTable.Key key = new PlanTable.Key(1, 2_800, 30, 84_000L);
        assertThat(PlanTable.Key.parse(key.cursor())).isEqualTo(key);
        assertThat(PlanTable.Key.parse(null)).isEqualTo(PlanTable.Key.START);
        assertThat(PlanTable.Key.parse(" ")).isEqualTo(PlanTable.Key.START);
        for (String bad : List.of("1.2.3", "1.2.3.4.5", "a.b.c.d", "1.2.3.99999999999999999999", "1;2;3;4")) {
            assertThatThrownBy(() -> PlanTable.Key.parse(bad)).as(bad).isInstanceOfSatisfying(ProblemException.class,
                    p -> assertThat(p.status()).isEqualTo(400));
        }
    }

    @Test
    void pagesAreReadOnlyWhenTheRowsBeforeThemHaveBeenConsumed() {
        LocalizedName name = new LocalizedName("泸州", "Luzhou");
        java.util.function.Function<Integer, PlanTable.Row> row = n -> new PlanTable.Row("luzhou", name,
                MembershipRole.MEMBER, view(n, "事项" + n, PlanCategory.OTHER, null, null, List.of(), ItemStatus.PLANNED), List.of());
        List<String> asked = new ArrayList<>();
        Iterable<PlanTable.Row> rows = PlanTable.rows(new Page<>(List.of(row.apply(1), row.apply(2)), "p2"), cursor -> {
            asked.add(cursor);
            return cursor.equals("p2") ? new Page<>(List.of(), "p3") : new Page<>(List.of(row.apply(3)), null);
        });
        java.util.Iterator<PlanTable.Row> it = rows.iterator();
        assertThat(it.next().item().position()).isEqualTo(1);
        assertThat(it.next().item().position()).isEqualTo(2);
        assertThat(asked).as("nothing read ahead").isEmpty();
        assertThat(it.next().item().position()).as("an empty page in between is skipped").isEqualTo(3);
        assertThat(asked).containsExactly("p2", "p3");
        assertThat(it.hasNext()).isFalse();
    }

    private static PlanItemDetails view(int position, String title, PlanCategory category, Integer from, Integer to,
                                     List<String> coOrganisers, ItemStatus status) {
        return new PlanItemDetails(position, "luzhou", "chuannan-yuxi", 2023, position, title, category, from, to, "泸州市教科所",
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
    @Test
    void everyCategoryStatusAndPeriodHasItsOwnTextInBothLanguages() throws Exception {
        List<PlanItemDetails> items = new ArrayList<>();
        int position = 1;
        for (PlanCategory category : PlanCategory.values()) {
            for (ItemStatus status : ItemStatus.values()) {
                items.add(view(position++, "事项", category, null, null, List.of(), status));
            }
        }
        CombinedPlan plan = new CombinedPlan("chuannan-yuxi", new LocalizedName("川南渝西教育共同体", "Community"), 2024, List.of(
                new CombinedPlan.MemberPlan("luzhou", new LocalizedName("泸州市教育和体育局", "Luzhou"), MembershipRole.MEMBER, items)));
        assertThat(plan.itemCount()).isEqualTo(PlanCategory.values().length * ItemStatus.values().length);
        for (Locale locale : Messages.SUPPORTED) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            CombinedPlanWorkbook.write(plan, locale, out);
            List<List<String>> rows = rows(out.toByteArray());
            assertThat(rows).hasSize(2 + plan.itemCount());
            assertThat(rows.get(1)).hasSize(CombinedPlanWorkbook.COLUMNS.size()).doesNotContain("").allSatisfy(
                    header -> assertThat(header).as("no message key in place of a text").doesNotStartWith("plan."));
            List<List<String>> data = rows.subList(2, rows.size());
            assertThat(data.stream().map(r -> r.get(3)).distinct()).as("one text per category")
                    .hasSize(PlanCategory.values().length).noneMatch(t -> t.isBlank() || t.startsWith("plan."));
            assertThat(data.stream().map(r -> r.get(8)).distinct()).as("one text per status")
                    .hasSize(ItemStatus.values().length).noneMatch(t -> t.isBlank() || t.startsWith("plan."));
            assertThat(data).extracting(r -> r.get(4)).as("whole year").containsOnly(Messages.get(locale, "plan.period.year"));
        }
    }

    @Test
    void theEnglishSpreadsheetNamesTheYearSheetAndPeriodsInEnglish() throws Exception {
        CombinedPlan plan = new CombinedPlan("chuannan-yuxi", new LocalizedName("川南渝西教育共同体", "Community"), 2025, List.of(
                new CombinedPlan.MemberPlan("luzhou", new LocalizedName("泸州市教育和体育局", "Luzhou"), MembershipRole.MEMBER, List.of(
                        view(1, "Spring training", PlanCategory.TRAINING, 3, 5, List.of(), ItemStatus.CANCELLED),
                        view(2, "October forum", PlanCategory.FORUM, 10, 10, List.of(), ItemStatus.IN_PROGRESS),
                        view(3, "Research", PlanCategory.RESOURCE_BUILDING, null, null, List.of(), ItemStatus.PLANNED)))));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CombinedPlanWorkbook.write(plan, Locale.ENGLISH, out);
        List<List<String>> rows = rows(out.toByteArray());
        assertThat(rows.get(0)).containsExactly("2025 work plan");
        assertThat(rows.get(1)).containsExactly("Member", "No.", "Item", "Category", "When", "Lead unit", "Co-organisers",
                "Participants", "Status", "Description");
        assertThat(rows.subList(2, 5)).extracting(r -> r.get(3) + " | " + r.get(4) + " | " + r.get(8)).containsExactly(
                "Training | months 3–5 | cancelled",
                "Forum | month 10 | in progress",
                "Resource building | whole year | planned");
    }

    @Test
    void aPlanWithoutItemsIsJustTheHeader() throws Exception {
        CombinedPlan empty = new CombinedPlan("chuannan-yuxi", new LocalizedName("川南渝西教育共同体", "Community"), 2026, List.of(
                new CombinedPlan.MemberPlan("luzhou", new LocalizedName("泸州市教育和体育局", "Luzhou"), MembershipRole.MEMBER, List.of())));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CombinedPlanWorkbook.write(empty, Locale.SIMPLIFIED_CHINESE, out);
        assertThat(empty.itemCount()).isZero();
        assertThat(rows(out.toByteArray())).hasSize(2).first().isEqualTo(List.of("2026年工作计划"));
    }
}
