package cn.mee.liaison.scheduler.calendar;

import cn.mee.liaison.storage.calendar.DayKind;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A year's holidays and make-up working days as a text file: one line per day, {@code date,kind,name}, kind
 * HOLIDAY (放假) or WORKDAY (调休上班; 放假/上班 are understood too); blank lines and lines starting with # are comments.
 * A file with any bad line is refused whole, naming every bad line. The file is UTF-8, or GB18030 as a spreadsheet on a
 * Chinese Windows saves it — whether uploaded or dropped into {@code <data-dir>/calendar/}.
 */
public final class CalendarFile {

    private CalendarFile() {
    }

    /** One line of the file. */
    public record Entry(LocalDate day, DayKind kind, String name) {
    }

    /** The file's text: UTF-8, or GB18030 where the bytes are no UTF-8. */
    public static String text(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, Charset.forName("GB18030"));
        }
    }

    public static List<Entry> read(InputStream in) {
        String file;
        try {
            file = text(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Entry> entries = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Set<LocalDate> seen = new HashSet<>();
        try (BufferedReader reader = new BufferedReader(new StringReader(file))) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                String text = line.strip().replace('\uFEFF', ' ').strip();
                if (text.isEmpty() || text.startsWith("#")) {
                    continue;
                }
                String[] parts = text.split("\\s*[,，]\\s*", 3);
                if (parts.length < 2) {
                    problems.add("第" + number + "行：应为\u201c日期,类型,名称\u201d");
                    continue;
                }
                LocalDate day;
                try {
                    day = LocalDate.parse(parts[0]);
                } catch (DateTimeParseException e) {
                    problems.add("第" + number + "行：日期\u201c" + parts[0] + "\u201d无效，应为 YYYY-MM-DD");
                    continue;
                }
                DayKind kind = kind(parts[1]);
                if (kind == null) {
                    problems.add("第" + number + "行：类型\u201c" + parts[1] + "\u201d无效，应为 HOLIDAY（放假）或 WORKDAY（调休上班）");
                    continue;
                }
                if (!seen.add(day)) {
                    problems.add("第" + number + "行：日期 " + day + " 重复出现");
                    continue;
                }
                entries.add(new Entry(day, kind, parts.length > 2 ? parts[2] : null));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("节假日文件未导入：" + String.join("；", problems));
        }
        return entries;
    }

    private static DayKind kind(String text) {
        String t = text.strip().toUpperCase();
        if (t.equals("HOLIDAY") || t.equals("放假") || t.equals("休")) {
            return DayKind.HOLIDAY;
        }
        if (t.equals("WORKDAY") || t.equals("上班") || t.equals("班") || t.equals("调休上班")) {
            return DayKind.WORKDAY;
        }
        return null;
    }
}
