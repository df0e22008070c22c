package org.educommons.workplan;

import java.io.IOException;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.educommons.platform.i18n.Messages;

/**
 * The combined plan table as a spreadsheet (.xlsx): one sheet, a header row, then a row per item
 * with a column per field, members in roster order. Texts in the reader's language.
 */
public final class CombinedPlanWorkbook {

    static final List<String> COLUMNS = List.of("member", "number", "title", "category", "period", "lead-unit",
            "co-organisers", "participants", "status", "description");

    private CombinedPlanWorkbook() {
    }

    public static void write(CombinedPlan plan, Locale locale, OutputStream out) throws IOException {
        Map<String, String> names = new HashMap<>();
        plan.members().forEach(m -> names.put(m.tenant(), m.name().in(locale)));
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet(Messages.get(locale, "plan.xlsx.sheet", String.valueOf(plan.year())));
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            Row header = sheet.createRow(0);
            for (int c = 0; c < COLUMNS.size(); c++) {
                header.createCell(c).setCellValue(Messages.get(locale, "plan.xlsx." + COLUMNS.get(c)));
                header.getCell(c).setCellStyle(bold);
            }
            int r = 1;
            for (CombinedPlan.MemberPlan member : plan.members()) {
                for (PlanItemDetails item : member.items()) {
                    Row row = sheet.createRow(r++);
                    row.createCell(0).setCellValue(member.name().in(locale));
                    row.createCell(1).setCellValue(item.position());
                    row.createCell(2).setCellValue(item.title());
                    row.createCell(3).setCellValue(Messages.get(locale, "plan.category." + item.category()));
                    row.createCell(4).setCellValue(period(item, locale));
                    row.createCell(5).setCellValue(nullToEmpty(item.leadUnit()));
                    row.createCell(6).setCellValue(String.join(Messages.get(locale, "text.list-separator"), item.coOrganisers().stream()
                            .map(s -> names.getOrDefault(s, s)).toList()));
                    row.createCell(7).setCellValue(nullToEmpty(item.targetParticipants()));
                    row.createCell(8).setCellValue(Messages.get(locale, "plan.status." + item.status()));
                    row.createCell(9).setCellValue(nullToEmpty(item.description()));
                }
            }
            sheet.createFreezePane(0, 1);
            int[] widths = {28, 6, 40, 12, 12, 24, 28, 20, 10, 40};
            for (int c = 0; c < widths.length; c++) {
                sheet.setColumnWidth(c, widths[c] * 256);
            }
            workbook.write(out);
        }
    }

    /** "3–5月", "6月" or "全年" (and the English equivalents). */
    public static String period(PlanItemDetails item, Locale locale) {
        if (item.startMonth() == null) {
            return Messages.get(locale, "plan.period.year");
        }
        if (item.startMonth().equals(item.endMonth())) {
            return Messages.get(locale, "plan.period.month", item.startMonth());
        }
        return Messages.get(locale, "plan.period.months", item.startMonth(), item.endMonth());
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
