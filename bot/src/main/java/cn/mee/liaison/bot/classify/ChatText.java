package cn.mee.liaison.bot.classify;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Puts chat text into one canonical shape before anything looks at it.
 *
 * <p>People type on phones with Chinese input methods, so the same message arrives with full-width or half-width
 * digits and punctuation, ideographic spaces, Windows line breaks and stray blank lines. After {@link #normalize}
 * the parsers only need to know the half-width forms: {@code ：，（）；！？} become {@code :,();!?}, full-width
 * digits and letters become ASCII, and the Chinese sentence marks that have no half-width twin ({@code 。、})
 * stay as they are.
 */
public final class ChatText {

    private static final Pattern HORIZONTAL_SPACE =
            Pattern.compile("[ \\t\\x0B\\f\\u00A0\\u1680\\u2000-\\u200A\\u202F\\u205F\\u3000]+");
    /** Invisible characters that only get in the way: zero-width space/non-joiner, word joiner, BOM, soft hyphen. */
    private static final Pattern INVISIBLE = Pattern.compile("[\\u200B\\u200C\\u2060\\uFEFF\\u00AD]");
    private static final Pattern LINE_BREAK = Pattern.compile("\\r\\n?|[\\u2028\\u2029\\u0085]");
    private static final String CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳";

    private ChatText() {
    }

    /**
     * Normalizes one chat message; never throws, {@code null} gives {@code ""}.
     *
     * <ul>
     *   <li>NFKC: full-width forms to half-width ({@code １２} → {@code 12}, {@code ：} → {@code :});</li>
     *   <li>circled list numbers {@code ①②} become list markers {@code 1. 2.};</li>
     *   <li>corner brackets {@code 「」『』} become Chinese quotes {@code “”}; {@code 【】}, {@code 〇}, {@code 。}
     *       and {@code 、} are kept;</li>
     *   <li>{@code \r\n}, {@code \r} and Unicode line separators become {@code \n};</li>
     *   <li>runs of spaces and tabs (including U+3000 and NBSP) collapse into one space; each line is trimmed;</li>
     *   <li>blank lines are dropped at both ends, and a run of blank lines inside collapses into one.</li>
     * </ul>
     */
    public static String normalize(String raw) {
        if (raw == null || raw.isEmpty()) {
            return "";
        }
        try {
            String text = replaceCircledNumbers(raw);
            text = LINE_BREAK.matcher(text).replaceAll("\n");
            text = Normalizer.normalize(text, Normalizer.Form.NFKC);
            text = INVISIBLE.matcher(text).replaceAll("");
            text = unifyQuotes(text);
            return tidyLines(text);
        } catch (RuntimeException unexpected) {
            // Normalisation is best effort: a message that cannot be cleaned is still worth filing as written.
            return raw.trim();
        }
    }

    private static String replaceCircledNumbers(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            int circled = CIRCLED.indexOf(text.charAt(i));
            if (circled >= 0) {
                if (out == null) {
                    out = new StringBuilder(text.length() + 8).append(text, 0, i);
                }
                out.append(circled + 1).append(". ");
            } else if (out != null) {
                out.append(text.charAt(i));
            }
        }
        return out == null ? text : out.toString();
    }

    private static String unifyQuotes(String text) {
        return text.replace('「', '“').replace('『', '“').replace('」', '”').replace('』', '”')
                .replace('〝', '“').replace('〞', '”');
    }

    private static String tidyLines(String text) {
        String[] lines = text.split("\n", -1);
        List<String> kept = new ArrayList<>(lines.length);
        boolean previousBlank = false;
        for (String line : lines) {
            String tidy = HORIZONTAL_SPACE.matcher(line).replaceAll(" ").strip();
            boolean blank = tidy.isEmpty();
            if (blank && (kept.isEmpty() || previousBlank)) {
                continue;
            }
            kept.add(tidy);
            previousBlank = blank;
        }
        while (!kept.isEmpty() && kept.get(kept.size() - 1).isEmpty()) {
            kept.remove(kept.size() - 1);
        }
        return String.join("\n", kept);
    }
}
