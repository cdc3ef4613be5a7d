package cn.mee.liaison.bot.classify;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Finds a person's name (two or three Chinese characters) next to a word that points at it: after
 * {@code 组员}/{@code 接替}, before {@code 同志}/{@code 因病}. Chinese has no spaces, so the name is cut at the
 * characters that usually follow or precede a name in these messages.
 */
final class PersonNames {

    /** Characters that end a name when they follow it: 张三突发, 李四因病, 王五同志, 赵六任组长. */
    private static final String AFTER_NAME = "轻重头腿手脚现正也还均都又一感病摔跌突因在于不出被受发晕身驾乘等和与及、同已目的"
            + "今昨下上早晚开所将任担为接替换顶回离返调请由从是作负,.;:!?。 \n(";
    /** Characters that, right before a name, belong to the words in front of it: 由李四, 组员张三, 原组长王五. */
    private static final String BEFORE_NAME = "由将让请派经员长原新和与及、的是为把被由对";
    /** Characters a name does not start with: 担任, 为, 的 … */
    private static final String NOT_NAME_START = "担任为的是在因由从对将把被给了着过和与及其该此负已于";
    /** Words in the places where names stand that are not names. */
    private static final Set<String> NOT_NAMES = Set.of("人员", "组员", "组长", "成员", "队员", "同志", "工作", "领导", "单位",
            "原单位", "派出", "需要", "其他", "相关", "有关", "全体", "大家", "我们", "本人", "其工作", "司机");
    private static final List<String> TIME_WORDS = List.of("明天", "明日", "今天", "今日", "昨天", "昨日", "后天", "上午", "下午");
    private static final int LONGEST = 3;

    private PersonNames() {
    }

    /** The name that starts at {@code index}. */
    static Optional<String> startingAt(String text, int index) {
        int i = index;
        while (i < text.length() && text.charAt(i) == ' ') {
            i++;
        }
        if (i >= text.length() || NOT_NAME_START.indexOf(text.charAt(i)) >= 0) {
            return Optional.empty();
        }
        int end = i;
        while (end < text.length() && end - i < LONGEST && isHan(text.charAt(end))
                && (end - i < 2 || AFTER_NAME.indexOf(text.charAt(end)) < 0)) {
            end++;
        }
        if (end - i == LONGEST && startsTimeWord(text, end - 1)) {
            end--; // 周敏明天到岗: 明天 is not part of the name
        }
        return name(text.substring(i, end));
    }

    /** The name that ends right before {@code index}. */
    static Optional<String> endingAt(String text, int index) {
        int end = index;
        while (end > 0 && text.charAt(end - 1) == ' ') {
            end--;
        }
        int start = end;
        while (start > 0 && end - start < LONGEST && isHan(text.charAt(start - 1))) {
            start--;
        }
        while (end - start > 2 && BEFORE_NAME.indexOf(text.charAt(start)) >= 0) {
            start++;
        }
        return name(text.substring(start, end));
    }

    private static Optional<String> name(String candidate) {
        boolean plausible = candidate.length() >= 2 && !NOT_NAMES.contains(candidate) && !candidate.endsWith("员")
                && !candidate.endsWith("组");
        return plausible ? Optional.of(candidate) : Optional.empty();
    }

    private static boolean startsTimeWord(String text, int index) {
        for (String word : TIME_WORDS) {
            if (text.startsWith(word, index)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isHan(char c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }
}
