package cn.mee.liaison.bot.records;

import cn.mee.liaison.bot.audit.AuditTrail;
import cn.mee.liaison.bot.directory.DirectoryCache;
import cn.mee.liaison.bot.directory.DirectorySnapshot;
import cn.mee.liaison.bot.security.Viewer;
import cn.mee.liaison.storage.message.FiledMessage;
import cn.mee.liaison.storage.message.FiledMessageMapper;
import cn.mee.liaison.storage.message.MessageQuery;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.Iterator;
import org.apache.ibatis.cursor.Cursor;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The filtered records as an Excel workbook in Chinese, streamed row by row from the database (a few hundred rows
 * in memory at a time), at most {@value #MAX_ROWS} rows. Every export is audited.
 */
@Service
public class RecordExport {

    public static final int MAX_ROWS = 200_000;
    private static final String[] HEADERS = {"编号", "接收时间", "记录类型", "工作组", "包保单位", "城市", "轮次", "发送人",
            "发送人账号", "渠道", "群ID", "消息内容", "解析字段", "平台消息ID"};
    private static final int[] WIDTHS = {8, 18, 12, 18, 22, 10, 14, 10, 14, 14, 16, 60, 60, 24};
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final FiledMessageMapper messages;
    private final DirectoryCache directory;
    private final AuditTrail audit;
    private final Clock clock;

    RecordExport(FiledMessageMapper messages, DirectoryCache directory, AuditTrail audit, Clock clock) {
        this.messages = messages;
        this.directory = directory;
        this.audit = audit;
        this.clock = clock;
    }

    /** Refuses, before anything is written, an export this viewer may not make or a filter that is invalid. */
    public MessageQuery check(RecordFilter filter, Viewer viewer) {
        if (!viewer.mayExport()) {
            throw new AccessDeniedException("viewers may not export");
        }
        return filter.toQuery(clock.getZone(), viewer.unitScope(), 0, 1);
    }

    /** Streams inside one transaction (the cursor needs it), which also writes the audit entry. */
    @Transactional
    public int export(RecordFilter filter, Viewer viewer, OutputStream out) {
        MessageQuery query = check(filter, viewer);
        DirectorySnapshot names = directory.snapshot();
        int written = 0;
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(200);
             Cursor<FiledMessage> rows = messages.stream(query)) {
            SXSSFSheet sheet = workbook.createSheet("消息记录");
            header(workbook, sheet);
            Iterator<FiledMessage> it = rows.iterator();
            while (it.hasNext() && written < MAX_ROWS) {
                row(sheet.createRow(written + 1), it.next(), names);
                written++;
            }
            if (it.hasNext()) {
                sheet.createRow(written + 2).createCell(0)
                        .setCellValue("仅导出前 " + MAX_ROWS + " 条，请缩小筛选范围后分批导出。");
            }
            workbook.write(out);
            workbook.dispose();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        audit.record(viewer.username(), AuditTrail.EXPORT, "消息记录", describe(filter) + "；共 " + written + " 条");
        return written;
    }

    private static void header(SXSSFWorkbook workbook, Sheet sheet) {
        CellStyle bold = workbook.createCellStyle();
        Font font = workbook.createFont();
        font.setBold(true);
        bold.setFont(font);
        Row header = sheet.createRow(0);
        for (int i = 0; i < HEADERS.length; i++) {
            header.createCell(i).setCellValue(HEADERS[i]);
            header.getCell(i).setCellStyle(bold);
            sheet.setColumnWidth(i, WIDTHS[i] * 256);
        }
        sheet.createFreezePane(0, 1);
    }

    private void row(Row row, FiledMessage m, DirectorySnapshot names) {
        int c = 0;
        row.createCell(c++).setCellValue(m.id());
        row.createCell(c++).setCellValue(TIME.format(m.receivedAt().atZone(clock.getZone())));
        row.createCell(c++).setCellValue(m.recordType().label());
        row.createCell(c++).setCellValue(orEmpty(names.groupName(m.workGroupId())));
        row.createCell(c++).setCellValue(orEmpty(names.unitName(m.unitId())));
        row.createCell(c++).setCellValue(orEmpty(names.cityName(m.cityId())));
        row.createCell(c++).setCellValue(orEmpty(names.roundName(m.roundId())));
        row.createCell(c++).setCellValue(orEmpty(m.senderName()));
        row.createCell(c++).setCellValue(orEmpty(m.senderId()));
        row.createCell(c++).setCellValue(m.channel().name());
        row.createCell(c++).setCellValue(m.chatId());
        row.createCell(c++).setCellValue(cellText(m.text()));
        row.createCell(c++).setCellValue(cellText(FieldsText.oneLine(m.recordType(), m.fields())));
        row.createCell(c).setCellValue(m.externalId());
    }

    /** Excel holds at most 32,767 characters in a cell. */
    private static String cellText(String value) {
        if (value == null) {
            return "";
        }
        return value.length() <= 32_000 ? value : value.substring(0, 32_000) + "…（已截断）";
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    static String describe(RecordFilter f) {
        StringBuilder out = new StringBuilder("筛选：");
        append(out, "群", f.chatId());
        append(out, "类型", f.type());
        append(out, "从", f.from());
        append(out, "到", f.to());
        append(out, "关键词", f.q());
        append(out, "工作组", f.groupId());
        append(out, "单位", f.unitId());
        append(out, "城市", f.cityId());
        append(out, "轮次", f.roundId());
        append(out, "发送人", f.senderId());
        return out.toString();
    }

    private static void append(StringBuilder out, String label, Object value) {
        if (value != null && !String.valueOf(value).isBlank()) {
            out.append(label).append('=').append(value).append(' ');
        }
    }
}
