package cn.mee.liaison.bot.dispatch;

import cn.mee.liaison.bot.classify.ChatText;
import cn.mee.liaison.bot.classify.ChineseDates;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which day a report is for: the day it arrives, unless its first line names an earlier day of the past week as
 * the report's own ({@code 11月28日日报}, {@code 昨日工作调度}, {@code 【调度】11.28}) — a report made up for later.
 */
final class ReportDay {

    static final int MAX_DAYS_BACK = 7;
    private static final int MAX_HEADING = 30;
    /** What may follow the date in a heading: the report's name, or nothing much. */
    private static final Pattern HEADING_AFTER_DATE = Pattern.compile(
            "^\\s*(?:[的]?\\s*(?:工作)?\\s*(?:日报|调度|报送|情况|工作)|[\\s:：】\\])）]*$)");

    private ReportDay() {
    }

    static LocalDate of(String body, LocalDate arrived) {
        return named(body, arrived).orElse(arrived);
    }

    static Optional<LocalDate> named(String body, LocalDate arrived) {
        String text = ChatText.normalize(body == null ? "" : body);
        int end = text.indexOf('\n');
        String heading = end < 0 ? text : text.substring(0, end);
        if (heading.length() > MAX_HEADING) {
            heading = heading.substring(0, MAX_HEADING);
        }
        String first = heading;
        return ChineseDates.findAll(first, arrived).stream()
                .filter(m -> m.date().isBefore(arrived) && !m.date().isBefore(arrived.minusDays(MAX_DAYS_BACK)))
                .filter(m -> HEADING_AFTER_DATE.matcher(first.substring(m.end())).find())
                .map(ChineseDates.DateMatch::date)
                .findFirst();
    }
}
