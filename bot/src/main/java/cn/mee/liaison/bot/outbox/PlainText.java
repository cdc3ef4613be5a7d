package cn.mee.liaison.bot.outbox;

import java.util.regex.Pattern;

/**
 * Markdown as a door that shows only text reads it (personal WeChat, a WeCom app group chat): headings, emphasis,
 * quotes, colour tags and link syntax taken away.
 */
public final class PlainText {

    private static final Pattern HEADING = Pattern.compile("(?m)^#{1,6}\\s*");
    private static final Pattern QUOTE = Pattern.compile("(?m)^>\\s?");
    private static final Pattern EMPHASIS = Pattern.compile("\\*\\*(.+?)\\*\\*|__(.+?)__");
    private static final Pattern TAG = Pattern.compile("</?font[^>]*>");
    private static final Pattern LINK = Pattern.compile("\\[([^\\]]+)]\\(([^)]+)\\)");

    private PlainText() {
    }

    public static String of(String markdown) {
        if (markdown == null) {
            return "";
        }
        String text = TAG.matcher(markdown).replaceAll("");
        text = LINK.matcher(text).replaceAll("$1（$2）");
        text = EMPHASIS.matcher(text).replaceAll(m -> java.util.regex.Matcher.quoteReplacement(
                m.group(1) != null ? m.group(1) : m.group(2)));
        text = HEADING.matcher(text).replaceAll("");
        return QUOTE.matcher(text).replaceAll("");
    }
}
