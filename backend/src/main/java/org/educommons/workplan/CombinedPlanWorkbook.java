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
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.educommons.platform.i18n.Messages;
import org.educommons.tenancy.LocalizedName;

/**
 * The combined plan table as a spreadsheet (.xlsx): one sheet, a header row, then a row per item
 * with a column per field, members in roster order. Texts in the reader's language. Written as the
 * rows arrive (POI's streaming workbook keeps a small window of rows in memory), so a table of any
 * size is exported in constant memory.
 */
public final class CombinedPlanWorkbook {

    static final List<String> COLUMNS = List.of("member", "number", "title", "category", "period", "lead-unit",
            "co-organisers", "participants", "status", "description");

    /** Rows kept in memory while writing; older ones go to a compressed temporary file. */
    private static final int WINDOW = 200;

    private CombinedPlanWorkbook() {
    }

    /** The whole table of a plan already read (a screen's). */
    public static void write(CombinedPlan plan, Locale locale, OutputStream out) throws IOException {
        Map<String, LocalizedName> names = new HashMap<>();
        plan.members().forEach(m -> names.put(m.tenant(), m.name()));
        Iterable<PlanTable.Row> rows = () -> plan.members().stream()
                .flatMap(m -> m.items().stream().map(item -> new PlanTable.Row(m.tenant(), m.name(), m.role(), item,
                        item.coOrganisers().stream().map(s -> names.getOrDefault(s, new LocalizedName(s, s))).toList())))
                .iterator();
        write(plan.year(), locale, rows, out);
    }

    /** The rows as they come, e.g. page after page of {@link WorkPlans#table}. */
    public static void write(int year, Locale locale, Iterable<PlanTable.Row> rows, OutputStream out) throws IOException {
        SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW);
        workbook.setCompressTempFiles(true);
        try {
            Sheet sheet = workbook.createSheet(Messages.get(locale, "plan.xlsx.sheet", String.valueOf(year)));
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            Row header = sheet.createRow(0);
            for (int c = 0; c < COLUMNS.size(); c++) {
                header.createCell(c).setCellValue(Messages.get(locale, "plan.xlsx." + COLUMNS.get(c)));
                header.getCell(c).setCellStyle(bold);
            }
            String separator = Messages.get(locale, "text.list-separator");
            int r = 1;
            for (PlanTable.Row line : rows) {
                PlanItemDetails item = line.item();
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(line.memberName().in(locale));
                row.createCell(1).setCellValue(item.position());
                row.createCell(2).setCellValue(item.title());
                row.createCell(3).setCellValue(Messages.get(locale, "plan.category." + item.category()));
                row.createCell(4).setCellValue(period(item, locale));
                row.createCell(5).setCellValue(nullToEmpty(item.leadUnit()));
                row.createCell(6).setCellValue(PlanTable.coOrganisers(line, locale, separator));
                row.createCell(7).setCellValue(nullToEmpty(item.targetParticipants()));
                row.createCell(8).setCellValue(Messages.get(locale, "plan.status." + item.status()));
                row.createCell(9).setCellValue(nullToEmpty(item.description()));
            }
            sheet.createFreezePane(0, 1);
            int[] widths = {28, 6, 40, 12, 12, 24, 28, 20, 10, 40};
            for (int c = 0; c < widths.length; c++) {
                sheet.setColumnWidth(c, widths[c] * 256);
            }
            workbook.write(out);
        } finally {
            workbook.close();
            workbook.dispose();
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
