package cn.mee.liaison.bot.classify;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates as people write them in chat, resolved against the day the message arrived: {@code 今天}/{@code 今日},
 * {@code 昨天}/{@code 昨日}, {@code 前天}, {@code 明天}, {@code 11月28日}, {@code 十一月二十八日}, {@code 11.28},
 * {@code 11-28}, {@code 11/28}, {@code 2026年11月28日}, {@code 2026-11-28}, {@code 2026/11/28}, {@code 2026.11.28}.
 *
 * <p>A date without a year takes the year that puts it nearest to {@code today}, so {@code 12月30日} read on
 * 2 January is the December just gone.
 */
public final class ChineseDates {

    /** A date found in a text, with where it stands ({@code start} inclusive, {@code end} exclusive). */
    public record DateMatch(LocalDate date, int start, int end) {
    }

    private static final String CN_SMALL = "[一二三四五六七八九十]{1,3}";
    private static final String CN_YEAR = "[〇零一二三四五六七八九]{4}";
    private static final Pattern FULL_CHINESE = Pattern.compile(
            "(\\d{4}|" + CN_YEAR + ")\\s*年\\s*(\\d{1,2}|" + CN_SMALL + ")\\s*月\\s*(\\d{1,2}|" + CN_SMALL
                    + ")(?:\\s*[日号])?(?!\\d)");
    private static final Pattern FULL_NUMERIC = Pattern.compile(
            "(?<![\\d.\\-/])(\\d{4})([-/.])(\\d{1,2})\\2(\\d{1,2})(?![\\d.\\-/])(?:\\s*[日号])?");
    private static final Pattern MONTH_DAY_CHINESE = Pattern.compile(
            "(?<![\\d年])(\\d{1,2}|" + CN_SMALL + ")\\s*月\\s*(\\d{1,2}|" + CN_SMALL + ")"
                    + "(?:\\s*[日号]|(?![\\d份个家件处次人名项条起台辆户]))");
    private static final Pattern MONTH_DAY_NUMERIC = Pattern.compile(
            "(?<![\\d.\\-/:A-Za-z])(\\d{1,2})([.\\-/])(\\d{1,2})(?![\\d.\\-/:%万千百吨米元亩度倍个小公kKmMgG])"
                    + "(?:\\s*[日号])?");
    private static final Pattern RELATIVE = Pattern.compile("大前天|前天|昨天|昨日|今天|今日|明天|明日|后天");

    private ChineseDates() {
    }

    /** Reads a token that is one date and nothing else (surrounding spaces and a trailing 日/号 allowed). */
    public static Optional<LocalDate> parse(String token, LocalDate today) {
        if (token == null || today == null) {
            return Optional.empty();
        }
        String text = token.strip();
        return find(text, today)
                .filter(match -> match.start() == 0 && match.end() == text.length())
                .map(DateMatch::date);
    }

    /** The first date in {@code text}. */
    public static Optional<DateMatch> find(String text, LocalDate today) {
        List<DateMatch> all = findAll(text, today);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    /** Every date in {@code text}, in order, never overlapping. */
    public static List<DateMatch> findAll(String text, LocalDate today) {
        List<DateMatch> candidates = new ArrayList<>();
        if (text == null || today == null) {
            return candidates;
        }
        // each pattern only where the character it cannot match without is in the text: most messages name no date,
        // and a pattern that starts with a look-behind is tried at every position of a long text
        boolean month = text.indexOf('月') >= 0;
        boolean separated = text.indexOf('.') >= 0 || text.indexOf('-') >= 0 || text.indexOf('/') >= 0;
        if (month && text.indexOf('年') >= 0) {
            collect(FULL_CHINESE, text, m -> full(m.group(1), m.group(2), m.group(3)), candidates);
        }
        if (separated) {
            collect(FULL_NUMERIC, text, m -> full(m.group(1), m.group(3), m.group(4)), candidates);
        }
        if (month) {
            collect(MONTH_DAY_CHINESE, text, m -> monthDay(m.group(1), m.group(2), today), candidates);
        }
        if (separated) {
            collect(MONTH_DAY_NUMERIC, text, m -> monthDay(m.group(1), m.group(3), today), candidates);
        }
        if (text.indexOf('天') >= 0 || text.indexOf('日') >= 0) {
            collect(RELATIVE, text, m -> Optional.of(relative(m.group(), today)), candidates);
        }
        candidates.sort(Comparator.comparingInt(DateMatch::start)
                .thenComparing(Comparator.comparingInt((DateMatch d) -> d.end() - d.start()).reversed()));
        List<DateMatch> kept = new ArrayList<>();
        int coveredUntil = 0;
        for (DateMatch candidate : candidates) {
            if (candidate.start() >= coveredUntil) {
                kept.add(candidate);
                coveredUntil = candidate.end();
            }
        }
        return kept;
    }

    private interface DateReader {
        Optional<LocalDate> read(Matcher matcher);
    }

    private static void collect(Pattern pattern, String text, DateReader reader, List<DateMatch> into) {
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            reader.read(matcher).ifPresent(date -> into.add(new DateMatch(date, matcher.start(), matcher.end())));
        }
    }

    private static Optional<LocalDate> full(String year, String month, String day) {
        OptionalLong y = ChineseNumerals.parse(year);
        OptionalLong m = ChineseNumerals.parse(month);
        OptionalLong d = ChineseNumerals.parse(day);
        if (y.isEmpty() || m.isEmpty() || d.isEmpty()) {
            return Optional.empty();
        }
        return date(y.getAsLong(), m.getAsLong(), d.getAsLong());
    }

    private static Optional<LocalDate> monthDay(String month, String day, LocalDate today) {
        OptionalLong m = ChineseNumerals.parse(month);
        OptionalLong d = ChineseNumerals.parse(day);
        if (m.isEmpty() || d.isEmpty()) {
            return Optional.empty();
        }
        LocalDate best = null;
        for (int year = today.getYear() - 1; year <= today.getYear() + 1; year++) {
            Optional<LocalDate> candidate = date(year, m.getAsLong(), d.getAsLong());
            if (candidate.isPresent() && (best == null
                    || Math.abs(candidate.get().toEpochDay() - today.toEpochDay())
                    < Math.abs(best.toEpochDay() - today.toEpochDay()))) {
                best = candidate.get();
            }
        }
        return Optional.ofNullable(best);
    }

    private static Optional<LocalDate> date(long year, long month, long day) {
        if (year < 1900 || year > 2999 || month < 1 || month > 12 || day < 1 || day > 31) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.of((int) year, (int) month, (int) day));
        } catch (DateTimeException invalid) {
            return Optional.empty();
        }
    }

    private static LocalDate relative(String word, LocalDate today) {
        return switch (word) {
            case "大前天" -> today.minusDays(3);
            case "前天" -> today.minusDays(2);
            case "昨天", "昨日" -> today.minusDays(1);
            case "明天", "明日" -> today.plusDays(1);
            case "后天" -> today.plusDays(2);
            default -> today;
        };
    }
}
