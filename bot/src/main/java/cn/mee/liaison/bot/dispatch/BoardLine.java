package cn.mee.liaison.bot.dispatch;

import cn.mee.liaison.bot.classify.FieldSpec;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * One group on the console's board, as shown.
 *
 * @param submittedAt the report's time as the API gives it (ISO with offset), or null
 * @param time        the same for people: 17:40, or 10月14日 09:10 when it came on another day
 * @param figures     the values of the board's columns, in their order (empty where the group has none)
 * @param historyUrl  where the group's reports of the day are listed (历次报送), null when it has none
 */
record BoardLine(String group, String chatId, String city, String unit, String kind, String kindLabel,
                 String status, String statusLabel, boolean expected, String submittedAt, String time,
                 String reporter, List<String> figures, String missing, String historyUrl) {

    private static final DateTimeFormatter SAME_DAY = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter OTHER_DAY = DateTimeFormatter.ofPattern("M月d日 HH:mm");

    static BoardLine of(BoardRow row, List<FieldSpec> columns, ZoneId zone) {
        ZonedDateTime at = row.submittedAt().map(i -> i.atZone(zone)).orElse(null);
        String time = at == null ? "" : (at.toLocalDate().equals(row.report().orElseThrow().reportDate())
                ? SAME_DAY : OTHER_DAY).format(at);
        return new BoardLine(row.group().name(), row.chatId(), text(row.city()), text(row.unit()),
                row.group().kind().name(), row.group().kind().label(), row.status().name(), row.status().label(),
                row.expected(), at == null ? null : at.toOffsetDateTime().toString(), time,
                row.report().map(r -> r.reporterName() == null ? r.reporterId() : r.reporterName()).orElse(""),
                columns.stream().map(f -> value(row.fields().get(f.code()))).toList(),
                DispatchTexts.labels(row.missing()), row.report().map(r -> "/dispatch/history?date=" + r.reportDate()
                        + "&group=" + row.group().id()).orElse(null));
    }

    private static String value(Object value) {
        return value == null ? "" : String.valueOf(value);
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
