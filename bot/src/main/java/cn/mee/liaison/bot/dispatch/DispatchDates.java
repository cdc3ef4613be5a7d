package cn.mee.liaison.bot.dispatch;

import cn.mee.liaison.bot.web.BadRequest;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/** Days as the API and the console name them: {@code YYYY-MM-DD} or {@code today}; ranges of at most a year. */
final class DispatchDates {

    private DispatchDates() {
    }

    static LocalDate parse(String field, String value, Clock clock) {
        if (value == null || value.isBlank() || "today".equalsIgnoreCase(value.strip())) {
            return LocalDate.now(clock);
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new BadRequest("invalid_request", field + "：\u201c" + value + "\u201d不是有效日期，应为 YYYY-MM-DD 或 today");
        }
    }

    /** Checks that a day may be reminded of now: not one still to come. */
    static void checkRemindable(LocalDate day, Clock clock) {
        if (day.isAfter(LocalDate.now(clock))) {
            throw new BadRequest("invalid_request", "date：不能提醒尚未到来的日期 " + day);
        }
    }

    /** Checks a range: not reversed, at most {@link DispatchRange#MAX_DAYS} days. */
    static void checkRange(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw new BadRequest("invalid_request", "to：结束日期不能早于开始日期");
        }
        if (ChronoUnit.DAYS.between(from, to) + 1 > DispatchRange.MAX_DAYS) {
            throw new BadRequest("invalid_request", "from/to：一次最多查询 " + DispatchRange.MAX_DAYS + " 天");
        }
    }
}
