package org.educommons.forum;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.educommons.platform.i18n.BeijingTime;
import org.educommons.platform.i18n.Messages;

/**
 * A forum's registrants as a spreadsheet (.xlsx): one sheet, grouped by member tenant, a row per
 * registration with its status, check-in and breakout group.
 */
public final class RegistrantsWorkbook {

    static final List<String> COLUMNS = List.of("tenant", "person", "name", "status", "position", "registered-by",
            "checked-in", "breakout");

    private RegistrantsWorkbook() {
    }

    public static void write(ForumDetails forum, List<RegistrationDetails> registrations, Locale locale, OutputStream out)
            throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet(Messages.get(locale, "forum.xlsx.sheet"));
            Row title = sheet.createRow(0);
            title.createCell(0).setCellValue(forum.title());
            Row header = sheet.createRow(1);
            for (int c = 0; c < COLUMNS.size(); c++) {
                header.createCell(c).setCellValue(Messages.get(locale, "forum.xlsx." + COLUMNS.get(c)));
            }
            java.util.Map<Long, String> groups = new java.util.HashMap<>();
            forum.agenda().forEach(session -> groups.put(session.id(), session.title()));
            int r = 2;
            for (RegistrationDetails reg : registrations.stream()
                    .sorted(Comparator.comparing(RegistrationDetails::tenant).thenComparing(RegistrationDetails::id)).toList()) {
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(reg.tenant());
                row.createCell(1).setCellValue(reg.person());
                row.createCell(2).setCellValue(reg.displayName());
                row.createCell(3).setCellValue(Messages.get(locale, "forum.status." + reg.status()));
                row.createCell(4).setCellValue(reg.position() == null ? "" : String.valueOf(reg.position()));
                row.createCell(5).setCellValue(reg.registeredBy());
                row.createCell(6).setCellValue(BeijingTime.seconds(reg.checkedInAt()));
                row.createCell(7).setCellValue(reg.breakout() == null ? "" : groups.getOrDefault(reg.breakout(), ""));
            }
            sheet.createFreezePane(0, 2);
            workbook.write(out);
        }
    }
}
