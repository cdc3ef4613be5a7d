package cn.mee.liaison.bot.outbox;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a text that is too long for one message into numbered parts, each within a byte limit in UTF-8. Cuts fall
 * between code points (never inside a UTF-8 sequence or a surrogate pair), preferably at a line break, else after
 * punctuation, else anywhere; every part starts with its number, e.g. {@code （2/3）}.
 */
public final class TextParts {

    /** Room kept in every part for the number prefix, "（999/999）\n" in UTF-8. */
    private static final int PREFIX_ROOM = 24;
    /** How far back from the limit a nicer cut is looked for, as a share of the part. */
    private static final double LOOK_BACK = 0.25;

    private TextParts() {
    }

    public static List<String> split(String text, int maxBytes) {
        if (utf8(text) <= maxBytes) {
            return List.of(text);
        }
        if (maxBytes <= PREFIX_ROOM * 2) {
            throw new IllegalArgumentException("a part must hold more than " + PREFIX_ROOM * 2 + " bytes");
        }
        List<String> chunks = chunks(text, maxBytes - PREFIX_ROOM);
        List<String> parts = new ArrayList<>(chunks.size());
        for (int i = 0; i < chunks.size(); i++) {
            parts.add("（" + (i + 1) + "/" + chunks.size() + "）\n" + chunks.get(i));
        }
        return parts;
    }

    /** The longest start of the text within the byte limit in UTF-8, cut between code points. */
    public static String head(String text, int maxBytes) {
        if (utf8(text) <= maxBytes) {
            return text;
        }
        int end = fittingEnd(text, 0, maxBytes);
        return utf8(text.substring(0, end)) <= maxBytes ? text.substring(0, end) : "";
    }

    private static List<String> chunks(String text, int budget) {
        List<String> chunks = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int end = fittingEnd(text, start, budget);
            if (end < text.length()) {
                end = nicerCut(text, start, end);
            }
            chunks.add(text.substring(start, end).strip());
            start = end;
            while (start < text.length() && text.charAt(start) == '\n') {
                start++;
            }
        }
        chunks.removeIf(String::isEmpty);
        return chunks;
    }

    /** The furthest code-point boundary from start whose UTF-8 bytes fit in the budget. */
    private static int fittingEnd(String text, int start, int budget) {
        int bytes = 0;
        int i = start;
        while (i < text.length()) {
            int codePoint = text.codePointAt(i);
            int size = utf8Size(codePoint);
            if (bytes + size > budget) {
                break;
            }
            bytes += size;
            i += Character.charCount(codePoint);
        }
        return i == start ? start + Character.charCount(text.codePointAt(start)) : i;
    }

    private static int nicerCut(String text, int start, int end) {
        int floor = start + (int) ((end - start) * (1 - LOOK_BACK));
        int newline = text.lastIndexOf('\n', end - 1);
        if (newline > floor) {
            return newline + 1;
        }
        for (int i = end - 1; i > floor; i--) {
            if ("。；！？;!?，,、 ".indexOf(text.charAt(i)) >= 0 && !Character.isHighSurrogate(text.charAt(i))) {
                return i + 1;
            }
        }
        return end;
    }

    public static int utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    private static int utf8Size(int codePoint) {
        if (codePoint < 0x80) {
            return 1;
        }
        if (codePoint < 0x800) {
            return 2;
        }
        return codePoint < 0x10000 ? 3 : 4;
    }
}
