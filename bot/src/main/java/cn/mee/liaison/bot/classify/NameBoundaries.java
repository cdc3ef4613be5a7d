package cn.mee.liaison.bot.classify;

import java.util.List;

/**
 * Where a name written in running Chinese text begins. Chinese has no spaces, so a name is found from its
 * tail ({@code 有限公司}, {@code 区}, {@code 同志}) and grown to the left until punctuation, then cut after the
 * words that usually come just before a name ({@code 发现}, {@code 位于}, {@code 在}, {@code 对} …).
 */
final class NameBoundaries {

    /** Words that stand right before a name; cut wherever they occur. */
    private static final List<String> LEAD_WORDS = List.of(
            "企业名称", "现场检查", "发现", "检查", "排查", "核查", "复查", "复核", "核实", "督查", "巡查", "夜查",
            "暗查", "抽查", "走访", "前往", "位于", "来到", "地处", "约见",
            "反馈", "组织", "督促", "协调", "要求", "其中", "今天", "今日", "昨天", "昨日", "名称", "涉及", "包括", "对于",
            "关于", "针对", "以及", "我们", "我组", "本组", "工作组", "检查组");
    /** Single characters that stand before a name only at its very start (在长清区, 对XX公司). */
    private static final String LEAD_CHARS = "在到赴对于去往至与及的是为由向从即共将把被给该此其";

    private NameBoundaries() {
    }

    /** How far left of {@code end} a name may reach: back to punctuation, a space or {@code maxLength} characters. */
    static int growLeft(String text, int end, int maxLength) {
        int start = end;
        while (start > 0 && end - start < maxLength && isNameChar(text.charAt(start - 1))) {
            start--;
        }
        return start;
    }

    /** Cuts the name in {@code text[start, end)} after the last lead word; returns the new start. */
    static int cutAfterLeadWords(String text, int start, int end) {
        int best = start;
        String segment = text.substring(start, end);
        for (String word : LEAD_WORDS) {
            int at = segment.lastIndexOf(word);
            if (at >= 0 && start + at + word.length() > best) {
                best = start + at + word.length();
            }
        }
        while (best < end - 1 && LEAD_CHARS.indexOf(text.charAt(best)) >= 0) {
            best++;
        }
        return best;
    }

    static boolean isNameChar(char c) {
        return Character.isLetterOrDigit(c) && !Character.isSurrogate(c) || c == '(' || c == ')' || c == '·'
                || c == '-' || c == '“' || c == '”';
    }
}
