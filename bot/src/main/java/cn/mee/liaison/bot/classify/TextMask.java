package cn.mee.liaison.bot.classify;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A copy of a message, of the same length, in which the parts that must never be read as a field's name or as a
 * count are blotted out with {@link #MASK}: list markers at the start of a line ({@code 1.}, {@code 2、},
 * {@code (3)}, {@code 一、}), dates written with digits, clock times and phone numbers. Positions in the mask are
 * positions in the original, so a value can be cut from the original once it was found in the mask.
 */
final class TextMask {

    static final char MASK = '\uFFFC';

    private static final Pattern LIST_MARKER = Pattern.compile(
            "(?m)^(?:\\(\\s*(?:\\d{1,2}|[一二三四五六七八九十]{1,3})\\s*\\)"
                    + "|(?:\\d{1,2}|[一二三四五六七八九十]{1,3})\\s*[、.)](?!\\d)"
                    + "|[-*•·●▪◆■□√✅☑️]+)");
    private static final Pattern CLOCK_TIME = Pattern.compile(
            "\\d{1,2}:\\d{2}|(?:\\d{1,2}|[一二三四五六七八九十]{1,3})[点时](?:半|\\d{1,2}分?|[一二三四五六七八九十]{1,3}分)?");
    private static final Pattern PHONE = Pattern.compile("(?<!\\d)(?:1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8})(?!\\d)");

    private TextMask() {
    }

    static String of(String text, LocalDate today) {
        char[] masked = text.toCharArray();
        blot(LIST_MARKER.matcher(text), masked);
        blot(CLOCK_TIME.matcher(text), masked);
        blot(PHONE.matcher(text), masked);
        for (ChineseDates.DateMatch date : ChineseDates.findAll(text, today)) {
            String written = text.substring(date.start(), date.end());
            if (written.chars().anyMatch(c -> ChineseNumerals.isNumeralChar((char) c))) {
                for (int i = date.start(); i < date.end(); i++) {
                    masked[i] = MASK;
                }
            }
        }
        return new String(masked);
    }

    /** True when the line that starts at {@code lineStart} opens with a list marker. */
    static boolean startsWithListMarker(String text, int lineStart) {
        Matcher matcher = LIST_MARKER.matcher(text);
        matcher.region(lineStart, text.length());
        return matcher.lookingAt();
    }

    private static void blot(Matcher matcher, char[] masked) {
        while (matcher.find()) {
            for (int i = matcher.start(); i < matcher.end(); i++) {
                if (masked[i] != '\n') {
                    masked[i] = MASK;
                }
            }
        }
    }
}
