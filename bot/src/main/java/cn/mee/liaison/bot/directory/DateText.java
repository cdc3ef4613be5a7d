package cn.mee.liaison.bot.directory;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Dates as people type them in a cell: 2026-11-01, 2026/11/1, 2026.11.1, 2026年11月1日, 20261101. */
final class DateText {

    private static final Pattern SEPARATED =
            Pattern.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?");
    private static final Pattern COMPACT = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");

    private DateText() {
    }

    /** The date as {@code YYYY-MM-DD}, or the text unchanged when it is not a date (the validator names it). */
    static String iso(String text) {
        if (text == null) {
            return null;
        }
        Matcher matcher = SEPARATED.matcher(text);
        if (!matcher.matches()) {
            matcher = COMPACT.matcher(text);
            if (!matcher.matches()) {
                return text;
            }
        }
        try {
            return LocalDate.of(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)),
                    Integer.parseInt(matcher.group(3))).toString();
        } catch (DateTimeException e) {
            return text;
        }
    }
}
