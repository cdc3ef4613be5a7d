package cn.mee.liaison.bot.deadline;

import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The period of a quarterly written report as people write it: {@code 2026年第四季度}, {@code 2026年4季度},
 * {@code 2026Q4}, {@code 2026年度} (the fourth quarter's report is the annual one), {@code 第三季度} or {@code 三季度}
 * (the latest such quarter that has begun), {@code 2019年前一阶段}.
 *
 * @param key   the period as the rule keys it: {@code 2026Q4}, {@code 2019STAGE}
 * @param start where it was written in the text
 * @param end   where it ends in the text
 */
public record ReportPeriod(String key, int start, int end) {

    /** A year is four digits of their own: not the end of a name such as {@code 规划院-0f855130}. */
    private static final Pattern WRITTEN = Pattern.compile(
            "(?:(?<![0-9A-Za-z_-])(\\d{4})\\s*年?\\s*)?(?:第?\\s*([1-4一二三四])\\s*季度?|[Qq]([1-4])|(年度|全年)|(前一阶段))(?:书面)?(?:工作)?(?:报告)?");

    public static Optional<ReportPeriod> find(String text, LocalDate today) {
        Matcher m = WRITTEN.matcher(text == null ? "" : text);
        while (m.find()) {
            String year = m.group(1);
            if (year == null && m.group(3) != null) {
                continue; // a bare "Q3" could be anything
            }
            if (m.group(5) != null) {
                if ("2019".equals(year)) {
                    return Optional.of(new ReportPeriod("2019STAGE", m.start(), m.end()));
                }
                continue;
            }
            if (m.group(4) != null && year == null) {
                continue;
            }
            int quarter = m.group(4) != null ? 4 : quarter(m.group(2) != null ? m.group(2) : m.group(3));
            if (m.group(2) != null && !m.group(0).contains("季")) {
                continue; // "第4" alone is not a quarter
            }
            int y = year != null ? Integer.parseInt(year) : latestYearOf(quarter, today);
            return Optional.of(new ReportPeriod(y + "Q" + quarter, m.start(), m.end()));
        }
        return Optional.empty();
    }

    private static int quarter(String digit) {
        return switch (digit) {
            case "一", "1" -> 1;
            case "二", "2" -> 2;
            case "三", "3" -> 3;
            default -> 4;
        };
    }

    /** The year of the latest such quarter that has begun by today. */
    private static int latestYearOf(int quarter, LocalDate today) {
        LocalDate start = LocalDate.of(today.getYear(), quarter * 3 - 2, 1);
        return start.isAfter(today) ? today.getYear() - 1 : today.getYear();
    }
}
