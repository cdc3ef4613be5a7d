package cn.mee.liaison.bot.classify;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The dictionary of problem categories (问题类别) used for atmospheric problems found in the field, with the words
 * that give each away. The first category, in the order below, whose words occur in a text is the text's category:
 * the more specific and more serious findings come first, so a VOCs line that also mentions an idle treatment
 * facility is filed under the idle facility.
 */
public final class ProblemCategories {

    private record Category(String name, Pattern cue) {
    }

    private static final List<Category> CATEGORIES = List.of(
            category("在线监测", "数据造假|篡改.{0,6}数据|伪造.{0,6}数据|在线监测|在线监控|自动监控|自动监测|干扰监测|监测数据异常"),
            category("治污设施未运行", "(?:治污|治理|环保|除尘|脱硫|脱硝|处理|防治|收集)(?:设施|设备|装置)[^,;。]{0,8}?"
                    + "(?:未运行|未正常运行|不正常运行|停运|未开启|未启用|闲置|未使用|损坏|故障)|未正常运行|不正常运行"),
            category("应急减排", "重污染天气|应急减排|错峰生产|停限产|限产|停产措施|管控措施未落实"),
            category("露天焚烧", "露天焚烧|秸秆焚烧|焚烧秸秆|烧秸秆|垃圾焚烧|焚烧垃圾|焚烧(?:树叶|落叶|杂物|废弃物|枯枝|生活垃圾)|就地焚烧"),
            category("散乱污", "散乱污|小散乱|无证无照|小作坊"),
            category("工业炉窑", "工业炉窑|炉窑|窑炉|冲天炉|加热炉|焦炉|石灰窑|砖瓦窑|轮窑|隧道窑"),
            category("燃煤", "燃煤|散煤|烧煤|煤炉|劣质煤|原煤"),
            category("移动源", "移动源|柴油车|柴油货车|黑烟车|冒黑烟的?(?:车|货车|车辆|机械)|非道路移动机械|非道路机械|渣土车|机动车尾气|尾气超标"),
            category("挥发性有机物", "(?i)VOCs?|挥发性有机物|有机废气|活性炭|喷漆|喷涂|涂装|油气回收|光氧|溶剂|印刷"),
            category("无组织排放", "无组织|未密闭|未封闭|密闭不严|集气罩|逸散|跑冒滴漏"),
            category("扬尘", "扬尘|裸土|裸露|未苫盖|未覆盖|苫盖不|覆盖不|未洒水|未湿法|湿法作业|喷淋|雾炮|积尘|冲洗设施|车辆冲洗|土方"),
            category("超标排放", "超标"),
            category("餐饮油烟", "油烟"));

    private ProblemCategories() {
    }

    private static Category category(String name, String cue) {
        return new Category(name, Pattern.compile(cue));
    }

    /** The category names, most specific first. */
    public static List<String> names() {
        return CATEGORIES.stream().map(Category::name).toList();
    }

    /** The category of a problem text, if any of the dictionary's words occur in it. */
    public static Optional<String> find(String text) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        return CATEGORIES.stream().filter(c -> c.cue().matcher(text).find()).map(Category::name).findFirst();
    }
}
