package cn.mee.liaison.bot.dispatch;

import cn.mee.liaison.bot.audit.AuditTrail;
import cn.mee.liaison.bot.classify.FieldKind;
import cn.mee.liaison.bot.classify.FieldSpec;
import cn.mee.liaison.bot.security.Viewer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.http.ContentDisposition;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * A day or a range of the dispatch as an Excel workbook in Chinese: every group on every day with its status, time
 * and figures; each day summed up per city; the units and the groups ranked. Every export is audited.
 */
@Service
public class DispatchExport {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final DispatchBoard board;
    private final AuditTrail audit;
    private final Clock clock;

    DispatchExport(DispatchBoard board, AuditTrail audit, Clock clock) {
        this.board = board;
        this.audit = audit;
        this.clock = clock;
    }

    static String disposition(LocalDate from, LocalDate to) {
        String name = "工作调度_" + from + (from.equals(to) ? "" : "_" + to) + ".xlsx";
        return ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString();
    }

    /** @return how many group-days were written */
    public int write(LocalDate from, LocalDate to, Predicate<BoardRow> scope, Viewer viewer, OutputStream out) {
        if (!viewer.mayExport()) {
            throw new AccessDeniedException("viewers may not export");
        }
        List<BoardDay> days = board.between(from, to, scope.and(r -> viewer.seesUnit(r.group().unitId())));
        List<FieldSpec> items = items(days);
        int written = 0;
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
            CellStyle bold = bold(workbook);
            written = details(workbook.createSheet("调度明细"), bold, days, items);
            dailySummaries(workbook.createSheet("每日汇总"), bold, days, items);
            DispatchRange range = DispatchRange.of(from, to, days);
            standings(workbook.createSheet("包保单位排名"), bold, range.units(), false);
            standings(workbook.createSheet("工作组排名"), bold, range.groups(), true);
            workbook.write(out);
            workbook.dispose();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        audit.record(viewer.username(), AuditTrail.EXPORT, "工作调度",
                from + (from.equals(to) ? "" : " 至 " + to) + "；共 " + written + " 行");
        return written;
    }

    /** The items of the plans in use, in plan order, each once. */
    static List<FieldSpec> items(List<BoardDay> days) {
        Map<String, FieldSpec> items = new LinkedHashMap<>();
        days.forEach(d -> d.rows().forEach(r -> r.plan().fields().forEach(f -> items.putIfAbsent(f.code(), f))));
        return List.copyOf(items.values());
    }

    private int details(Sheet sheet, CellStyle bold, List<BoardDay> days, List<FieldSpec> items) {
        List<String> headers = new ArrayList<>(List.of("日期", "日期类型", "城市", "包保单位", "工作组", "组别", "状态",
                "报送时间", "报送人"));
        items.forEach(f -> headers.add(f.label()));
        headers.add("缺项");
        header(sheet, bold, headers);
        int r = 1;
        for (BoardDay day : days) {
            for (BoardRow row : day.rows()) {
                List<Object> cells = new ArrayList<>(List.of(day.day().toString(), day.dayKind(), text(row.city()),
                        text(row.unit()), row.group().name(), row.group().kind().label(),
                        row.status().label() + (row.expected() ? "" : "（非调度日）"),
                        row.submittedAt().map(at -> TIME.format(at.atZone(clock.getZone()))).orElse(""),
                        row.report().map(p -> text(p.reporterName() == null ? p.reporterId() : p.reporterName()))
                                .orElse("")));
                items.forEach(f -> cells.add(row.fields().get(f.code())));
                cells.add(DispatchTexts.labels(row.missing()));
                cells(sheet.createRow(r++), cells);
            }
        }
        return r - 1;
    }

    private static void dailySummaries(Sheet sheet, CellStyle bold, List<BoardDay> days, List<FieldSpec> items) {
        List<FieldSpec> counts = items.stream().filter(f -> f.kind() == FieldKind.NUMBER)
                .toList();
        List<String> headers = new ArrayList<>(List.of("日期", "日期类型", "城市", "应报", "按时", "迟报", "未报", "缺项", "报送率(%)"));
        counts.forEach(f -> headers.add(f.label()));
        header(sheet, bold, headers);
        int r = 1;
        for (BoardDay day : days) {
            DaySummary summary = DaySummary.of(day);
            List<DaySummary.Tally> lines = new ArrayList<>(summary.byCity());
            lines.add(summary.total());
            for (DaySummary.Tally tally : lines) {
                List<Object> cells = new ArrayList<>(List.of(day.day().toString(), day.dayKind(), tally.name(),
                        tally.expected(), tally.onTime(), tally.late(), tally.missing(), tally.incomplete(),
                        tally.completionPercent()));
                counts.forEach(f -> cells.add(tally.totals().getOrDefault(f.code(), 0L)));
                cells(sheet.createRow(r++), cells);
            }
        }
    }

    private static void standings(Sheet sheet, CellStyle bold, List<Standing> standings, boolean groups) {
        List<String> headers = new ArrayList<>(List.of("名次"));
        headers.addAll(groups ? List.of("工作组", "城市", "包保单位") : List.of("包保单位"));
        headers.addAll(List.of("应报", "按时", "迟报", "未报", "缺项", "完整率(%)", "及时率(%)"));
        header(sheet, bold, headers);
        int r = 1;
        for (Standing s : standings) {
            List<Object> cells = new ArrayList<>(List.of(r));
            cells.addAll(groups ? List.of(s.name(), s.city(), s.unit()) : List.of(s.name()));
            cells.addAll(List.of(s.expected(), s.onTime(), s.late(), s.missing(), s.incomplete(), s.completeness(),
                    s.punctuality()));
            cells(sheet.createRow(r++), cells);
        }
    }

    private static CellStyle bold(SXSSFWorkbook workbook) {
        CellStyle bold = workbook.createCellStyle();
        Font font = workbook.createFont();
        font.setBold(true);
        bold.setFont(font);
        return bold;
    }

    private static void header(Sheet sheet, CellStyle bold, List<String> headers) {
        Row row = sheet.createRow(0);
        for (int i = 0; i < headers.size(); i++) {
            row.createCell(i).setCellValue(headers.get(i));
            row.getCell(i).setCellStyle(bold);
            sheet.setColumnWidth(i, Math.max(10, headers.get(i).length() * 2 + 4) * 256);
        }
        sheet.createFreezePane(0, 1);
    }

    private static void cells(Row row, List<Object> values) {
        for (int i = 0; i < values.size(); i++) {
            Object value = values.get(i);
            if (value instanceof Number number) {
                row.createCell(i).setCellValue(number.doubleValue());
            } else if (value != null) {
                String text = String.valueOf(value);
                row.createCell(i).setCellValue(text.length() <= 32_000 ? text : text.substring(0, 32_000) + "…");
            }
        }
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
