package cn.mee.liaison.bot.records;

import cn.mee.liaison.bot.web.BadRequest;
import cn.mee.liaison.storage.message.MessageQuery;
import cn.mee.liaison.storage.message.RecordType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The filters a user gives, as text (query parameters or console form fields), checked and turned into a query.
 * Dates may be a day ({@code 2026-11-29}: from its start, to its end inclusive) or a time with or without offset.
 */
public record RecordFilter(String chatId, Long groupId, Long unitId, Long cityId, Long roundId, String type,
                           String senderId, String from, String to, String q) {

    public static final int MAX_PAGE_SIZE = 200;

    public static RecordFilter none() {
        return new RecordFilter(null, null, null, null, null, null, null, null, null, null);
    }

    /** The same filter for another sender. */
    public RecordFilter withSenderId(String sender) {
        return new RecordFilter(chatId, groupId, unitId, cityId, roundId, type, sender, from, to, q);
    }

    public MessageQuery toQuery(ZoneId zone, List<Long> unitScope, int page, int size) {
        if (page < 0) {
            throw new BadRequest("invalid_parameter", "参数 page 不能小于 0（第一页为 0）");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new BadRequest("invalid_parameter", "参数 size 应在 1 到 " + MAX_PAGE_SIZE + " 之间");
        }
        Instant fromTime = time("from", from, zone, false);
        Instant toTime = time("to", to, zone, true);
        if (fromTime != null && toTime != null && toTime.isBefore(fromTime)) {
            throw new BadRequest("invalid_parameter", "参数 to 早于 from");
        }
        String text = blank(q) ? null : q.strip();
        if (text != null && text.length() > 100) {
            throw new BadRequest("invalid_parameter", "参数 q 过长（不超过 100 个字）");
        }
        return new MessageQuery(blank(chatId) ? null : chatId.strip(), groupId, unitId, cityId, roundId,
                recordType(), blank(senderId) ? null : senderId.strip(), fromTime, toTime, text, unitScope,
                Math.multiplyExact(page, size), size);
    }

    public RecordType recordType() {
        if (blank(type)) {
            return null;
        }
        try {
            return RecordType.valueOf(type.strip().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw new BadRequest("invalid_parameter", "参数 type 的值\u201c" + type + "\u201d不是记录类型，应为 "
                    + String.join("、", java.util.Arrays.stream(RecordType.values()).map(Enum::name).toList()));
        }
    }

    private static Instant time(String name, String value, ZoneId zone, boolean endOfDay) {
        if (blank(value)) {
            return null;
        }
        String v = value.strip();
        try {
            if (v.length() == 10) {
                LocalDate day = LocalDate.parse(v);
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay(zone).toInstant();
            }
            if (v.endsWith("Z") || v.matches(".*[+-]\\d\\d:\\d\\d$")) {
                return OffsetDateTime.parse(v).toInstant();
            }
            return LocalDateTime.parse(v.replace(' ', 'T')).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw new BadRequest("invalid_parameter", "参数 " + name + " 的值\u201c" + value
                    + "\u201d不是有效的日期或时间，例如 2026-11-29 或 2026-11-29T08:00:00+08:00");
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
