package cn.mee.liaison.bot.classify;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds the name of an enterprise in running text by its tail: 有限公司, 公司, 厂, 搅拌站, 加油站 … */
final class EnterpriseNames {

    private static final Pattern TAIL = Pattern.compile(
            "有限责任公司|股份有限公司|有限公司|分公司|公司|集团|搅拌站|加油站|合作社|养殖场|洗车场|经营部|门市部|加工厂|厂(?![区房界内外长家商])");
    /** What may stand before a tail without being a name: 该公司, 一家公司, 工厂. */
    private static final Set<String> NOT_A_NAME = Set.of("", "该", "此", "本", "这家", "那家", "一家", "其", "涉事", "相关",
            "有关", "各", "多家", "个别", "工", "这个", "那个", "企业", "单位", "上述", "以上", "部分", "其他", "其它");
    private static final int LONGEST_NAME = 24;

    private EnterpriseNames() {
    }

    static Optional<String> find(String text) {
        Matcher tail = TAIL.matcher(text);
        while (tail.find()) {
            int start = NameBoundaries.growLeft(text, tail.start(), LONGEST_NAME);
            start = NameBoundaries.cutAfterLeadWords(text, start, tail.start());
            String head = text.substring(start, tail.start());
            if (!NOT_A_NAME.contains(head)) {
                return Optional.of(text.substring(start, tail.end()));
            }
        }
        return Optional.empty();
    }
}
