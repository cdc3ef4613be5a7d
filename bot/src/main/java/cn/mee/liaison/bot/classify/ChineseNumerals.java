package cn.mee.liaison.bot.classify;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * Numbers as people write them in chat: Arabic digits ({@code 12}) or Chinese numerals ({@code 十二}, {@code 两},
 * {@code 一百零五}, {@code 三千二}), and, where a count is expected, the words that mean none ({@code 无},
 * {@code 没有}, {@code 未发现}, {@code 零}).
 *
 * <p>{@link #parse} reads one token that is a number and nothing else. {@link #findCount} looks for the first
 * number in a clause that reads as a count, and skips what only looks like one: dates and times
 * ({@code 11月28日}, {@code 11.28}, {@code 18:30}), phone numbers and codes, ordinals ({@code 第一}), decimals, and
 * the many words that merely contain a numeral ({@code 进一步}, {@code 统一}, {@code 一线}, {@code 十四五}).
 */
public final class ChineseNumerals {

    /** A number found in a text: its value and where it stands ({@code start} inclusive, {@code end} exclusive). */
    public record NumeralMatch(long value, int start, int end) {
    }

    private static final String CHINESE_DIGITS = "零〇一二两三四五六七八九";
    private static final String NUMERAL_CHARS = CHINESE_DIGITS + "十百千万";
    /** Classifiers that follow a counted thing: 12家, 三个, 两次, 5人. */
    private static final String MEASURE_WORDS = "家个处件条次人名项起台辆户批场轮组份篇例位座套宗单栋间堆张本根口只支所趟";
    /**
     * What after a number makes it a date, a time, a physical quantity, a decimal or a round guess
     * ({@code 10余家}, {@code 20多个}), never a count.
     */
    private static final String NOT_A_COUNT_AFTER = "年月日号点时分秒%‰吨米元亩度°斤克升天周余多来";
    private static final int LONGEST_COUNT_DIGITS = 6;
    /** Characters that may stand right before a bare Chinese numeral used as a value: 共两, 为三, 了十二. */
    private static final String VALUE_LEAD = "了共计为是有约达:=";
    /** A word for "in all" or "about" before a count. */
    private static final Pattern TOTAL_WORD = Pattern.compile("^(?:共计|合计|累计|总计|共|计|约)\\s*");
    private static final Pattern ZERO_WORD = Pattern.compile(
            "^(?:均未发现|暂未发现|未发现|没有发现|没发现|均无|暂无|暂未|没有|没|无|未|零|0)"
                    + "(?=$|[\\s,.;:!?。、)\\]】]|问题|企业|发现|新增|核查|交办|督办|情况|个|家|件|处|次|人)");

    private ChineseNumerals() {
    }

    /**
     * Reads a token that is exactly one non-negative integer: {@code 12}, {@code 十二}, {@code 二十三},
     * {@code 一百零五}, {@code 两}, {@code 三千二百}, {@code 两万}, {@code 3万}, {@code 二〇二六}.
     * Surrounding spaces are ignored; anything else (units, words, signs) gives an empty result.
     */
    public static OptionalLong parse(String token) {
        if (token == null) {
            return OptionalLong.empty();
        }
        String text = token.strip();
        if (text.isEmpty()) {
            return OptionalLong.empty();
        }
        if (text.chars().allMatch(ChineseNumerals::isAsciiDigit)) {
            return text.length() > 18 ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(text));
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!isAsciiDigit(c) && NUMERAL_CHARS.indexOf(c) < 0) {
                return OptionalLong.empty();
            }
        }
        if (text.chars().noneMatch(c -> "十百千万".indexOf(c) >= 0)) {
            return digitSequence(text);
        }
        return positional(text);
    }

    /**
     * Reads a field value where a count is expected: a number, optionally followed by a measure word
     * ({@code 两次}, {@code 12家}), or a word meaning none ({@code 无}, {@code 没有}, {@code 暂无}, {@code 未发现}) which
     * gives 0. Leading {@code 共}/{@code 约}/{@code 计} are skipped. More than six digits are a code or a phone
     * number, not a count.
     */
    public static OptionalLong parseCount(String value) {
        if (value == null) {
            return OptionalLong.empty();
        }
        String text = TOTAL_WORD.matcher(value.strip()).replaceFirst("");
        if (ZERO_WORD.matcher(text).find()) {
            return OptionalLong.of(0);
        }
        int end = 0;
        while (end < text.length() && isNumeralChar(text.charAt(end))) {
            end++;
        }
        if (end == 0 || end > LONGEST_COUNT_DIGITS && text.substring(0, end).chars().allMatch(
                ChineseNumerals::isAsciiDigit)) {
            return OptionalLong.empty();
        }
        String rest = text.substring(end).strip();
        if (!rest.isEmpty() && MEASURE_WORDS.indexOf(rest.charAt(0)) < 0 && !isBoundary(rest.charAt(0))) {
            return OptionalLong.empty();
        }
        return parse(text.substring(0, end));
    }

    /** The first number in {@code clause} that reads as a count, see the class comment for what is skipped. */
    public static Optional<NumeralMatch> findCount(String clause) {
        return clause == null ? Optional.empty() : findCount(clause, 0, clause.length());
    }

    /**
     * The first count that starts within {@code text[from, to)}, judged with the characters around it: in
     * {@code 走访企业十五家} the region {@code 企业十五} holds the count 15 because 家 follows it.
     */
    public static Optional<NumeralMatch> findCount(String text, int from, int to) {
        List<NumeralMatch> all = findCounts(text, from, to, 1);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    /** Every number in {@code text} that reads as a count, in order. */
    public static List<NumeralMatch> findCounts(String text) {
        return text == null ? List.of() : findCounts(text, 0, text.length(), Integer.MAX_VALUE);
    }

    /** True when {@code value} starts with a word that means "none" where a count is expected. */
    public static boolean startsWithZeroWord(String value) {
        return value != null && ZERO_WORD.matcher(value.strip()).find();
    }

    private static List<NumeralMatch> findCounts(String text, int from, int to, int limit) {
        List<NumeralMatch> found = new ArrayList<>();
        int i = Math.max(0, from);
        while (i < Math.min(to, text.length()) && found.size() < limit) {
            char c = text.charAt(i);
            if (isAsciiDigit(c)) {
                int end = i;
                while (end < text.length() && isAsciiDigit(text.charAt(end))) {
                    end++;
                }
                acceptDigits(text, i, end).ifPresent(found::add);
                i = end;
            } else if (NUMERAL_CHARS.indexOf(c) >= 0) {
                int end = i;
                while (end < text.length() && NUMERAL_CHARS.indexOf(text.charAt(end)) >= 0) {
                    end++;
                }
                acceptChinese(text, i, end).ifPresent(found::add);
                i = end;
            } else {
                i++;
            }
        }
        return found;
    }

    private static Optional<NumeralMatch> acceptDigits(String text, int start, int end) {
        if (end - start > LONGEST_COUNT_DIGITS) {
            return Optional.empty();
        }
        char before = start > 0 ? text.charAt(start - 1) : ' ';
        if (Character.isLetter(before) && before < 0x3000 || "第.:-/#_".indexOf(before) >= 0) {
            return Optional.empty();
        }
        if (end < text.length()) {
            char after = text.charAt(end);
            if (NOT_A_COUNT_AFTER.indexOf(after) >= 0 || Character.isLetter(after) && after < 0x3000) {
                return Optional.empty();
            }
            boolean digitFollows = end + 1 < text.length() && isAsciiDigit(text.charAt(end + 1));
            if (".:-/,".indexOf(after) >= 0 && digitFollows) {
                return Optional.empty();
            }
            if (after == '个' && text.startsWith("个月", end)) {
                return Optional.empty();
            }
        }
        // 3万 / 2千: a digit run followed by a Chinese unit reads as one number.
        int numeralEnd = end;
        while (numeralEnd < text.length() && "十百千万".indexOf(text.charAt(numeralEnd)) >= 0) {
            numeralEnd++;
        }
        OptionalLong value = parse(text.substring(start, numeralEnd));
        return value.isPresent()
                ? Optional.of(new NumeralMatch(value.getAsLong(), start, numeralEnd))
                : Optional.empty();
    }

    private static Optional<NumeralMatch> acceptChinese(String text, int start, int end) {
        char before = start > 0 ? text.charAt(start - 1) : ' ';
        if ("第周星礼初同统唯进逐每万".indexOf(before) >= 0) {
            return Optional.empty();
        }
        if (end < text.length() && text.charAt(end) == '起' && text.startsWith("一", start) && end == start + 1) {
            return Optional.empty(); // 一起 = together
        }
        OptionalLong value = parse(text.substring(start, end));
        if (value.isEmpty()) {
            return Optional.empty();
        }
        boolean measured = end < text.length() && MEASURE_WORDS.indexOf(text.charAt(end)) >= 0
                && !text.startsWith("个月", end) && !text.startsWith("次性", end);
        boolean standsAlone = (start == 0 || isBoundary(before) || VALUE_LEAD.indexOf(before) >= 0)
                && (end == text.length() || isBoundary(text.charAt(end)));
        if (!measured && !standsAlone) {
            return Optional.empty();
        }
        return Optional.of(new NumeralMatch(value.getAsLong(), start, end));
    }

    private static OptionalLong digitSequence(String text) {
        if (text.length() == 1) {
            return OptionalLong.of(chineseDigit(text.charAt(0)));
        }
        if (text.indexOf('两') >= 0 || text.length() > 18) {
            return OptionalLong.empty();
        }
        long value = 0;
        for (int i = 0; i < text.length(); i++) {
            value = value * 10 + chineseDigit(text.charAt(i));
        }
        return OptionalLong.of(value);
    }

    /** 十二, 二十三, 一百零五, 三千二百, 两万三千, 一百五 (150), 3万; strict about the order of units. */
    private static OptionalLong positional(String text) {
        long total = 0;
        long section = 0;
        long pending = -1;
        int lastUnit = Integer.MAX_VALUE;
        boolean zeroSinceUnit = false;
        boolean sawTenThousand = false;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (isAsciiDigit(c)) {
                int end = i;
                while (end < text.length() && isAsciiDigit(text.charAt(end))) {
                    end++;
                }
                if (pending >= 0 || end - i > 9) {
                    return OptionalLong.empty();
                }
                pending = Long.parseLong(text.substring(i, end));
                i = end;
                continue;
            }
            if (c == '零' || c == '〇') {
                if (pending >= 0) {
                    return OptionalLong.empty();
                }
                zeroSinceUnit = true;
            } else if (CHINESE_DIGITS.indexOf(c) >= 0) {
                if (pending >= 0) {
                    return OptionalLong.empty();
                }
                pending = chineseDigit(c);
            } else if (c == '万') {
                if (sawTenThousand || section == 0 && pending < 0) {
                    return OptionalLong.empty();
                }
                total = (section + Math.max(pending, 0)) * 10_000;
                section = 0;
                pending = -1;
                lastUnit = Integer.MAX_VALUE;
                zeroSinceUnit = false;
                sawTenThousand = true;
            } else {
                int unit = c == '十' ? 10 : c == '百' ? 100 : 1000;
                if (unit >= lastUnit) {
                    return OptionalLong.empty();
                }
                long multiplier;
                if (pending >= 0) {
                    multiplier = pending;
                } else if (unit == 10 && section == 0 && (total == 0 || zeroSinceUnit)) {
                    multiplier = 1; // 十二, 一万零十
                } else {
                    return OptionalLong.empty();
                }
                section += multiplier * unit;
                pending = -1;
                lastUnit = unit;
                zeroSinceUnit = false;
            }
            i++;
        }
        if (pending >= 0) {
            boolean abbreviated = !zeroSinceUnit && (lastUnit > 10 && lastUnit != Integer.MAX_VALUE
                    || lastUnit == Integer.MAX_VALUE && sawTenThousand);
            if (abbreviated) {
                // 一百五 = 150, 三千二 = 3200, 两万三 = 23000
                long unitBelow = lastUnit == Integer.MAX_VALUE ? 1000 : lastUnit / 10;
                section += pending * unitBelow;
            } else {
                section += pending;
            }
        }
        return OptionalLong.of(total + section);
    }

    private static long chineseDigit(char c) {
        if (isAsciiDigit(c)) {
            return c - '0';
        }
        return switch (c) {
            case '零', '〇' -> 0;
            case '一' -> 1;
            case '二', '两' -> 2;
            case '三' -> 3;
            case '四' -> 4;
            case '五' -> 5;
            case '六' -> 6;
            case '七' -> 7;
            case '八' -> 8;
            case '九' -> 9;
            default -> throw new IllegalArgumentException("not a digit: " + c);
        };
    }

    static boolean isNumeralChar(char c) {
        return isAsciiDigit(c) || NUMERAL_CHARS.indexOf(c) >= 0;
    }

    static boolean isMeasureWord(char c) {
        return MEASURE_WORDS.indexOf(c) >= 0;
    }

    private static boolean isAsciiDigit(int c) {
        return c >= '0' && c <= '9';
    }

    /** Punctuation, space, line break, emoji: anything that is neither a letter nor a digit. */
    static boolean isBoundary(char c) {
        return !Character.isLetterOrDigit(c) || Character.isSurrogate(c);
    }
}
