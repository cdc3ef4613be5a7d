package cn.mee.liaison.bot.classify;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds a county or district (县区) and a site (地点) in running text. */
final class PlaceNames {

    private static final Pattern COUNTY_TAIL = Pattern.compile("[县区旗](?![区域级])");
    /** A character right before 区/县 that makes the word something else: 园区, 厂区, 城区, 辖区, 全县 … */
    private static final String NOT_BEFORE_COUNTY_TAIL = "副业园厂小地辖社景矿库片郊禁控行活公产护能宅街校营厢灾污林山牧湖海沙该本全各我两一县区市省示范点作";
    /** Words ending in 区 that name a kind of area, not a district; 城区 alone, but 历城区 and 新城区 are districts. */
    private static final Set<String> NOT_A_COUNTY = Set.of("城区", "老城区", "主城区", "县城区", "市城区", "全城区", "中心城区");
    private static final Pattern SITE_INTRO = Pattern.compile("(?:位于|地址为?|地点为?|位置在?)\\s*[:：]?\\s*([^,;。\\n]{2,30})");
    private static final Pattern SITE_TAIL = Pattern.compile(
            "(?:工业园区|产业园|园区|工地|项目部|项目|大道|街道|路|街|村|镇|乡|料场|堆场|货场|码头|小区|社区|市场)"
                    + "(?:(?:与|和)[^,;。\\n]{1,10}?(?:路|街)?)?(?:交叉口|路口|东侧|西侧|南侧|北侧|东南角|西南角|东北角|西北角|附近|旁)?");
    /** Two-character words before a site tail that make it a common noun: 施工工地, 在建项目. */
    private static final Set<String> NOT_A_SITE = Set.of("施工", "建筑", "在建", "部分", "相关", "有关", "附近", "周边");
    private static final int LONGEST_COUNTY = 6;
    private static final int LONGEST_SITE = 16;

    private PlaceNames() {
    }

    static Optional<String> county(String text) {
        Matcher tail = COUNTY_TAIL.matcher(text);
        while (tail.find()) {
            int end = tail.start();
            if (end == 0 || NOT_BEFORE_COUNTY_TAIL.indexOf(text.charAt(end - 1)) >= 0) {
                continue;
            }
            int start = NameBoundaries.growLeft(text, end, LONGEST_COUNTY);
            int cityEnd = Math.max(text.lastIndexOf('市', end - 1), text.lastIndexOf('省', end - 1));
            if (cityEnd >= start) {
                start = cityEnd + 1;
            }
            start = NameBoundaries.cutAfterLeadWords(text, start, end);
            if (end - start > 3) {
                start = end - 2;
            }
            String county = text.substring(start, tail.end());
            String upToTail = text.substring(0, tail.end());
            boolean areaWord = NOT_A_COUNTY.contains(county) || NOT_A_COUNTY.stream()
                    .anyMatch(word -> word.length() > 2 && upToTail.endsWith(word));
            if (end - start >= 1 && !areaWord && text.substring(start, end).chars().allMatch(Character::isLetter)) {
                return Optional.of(county);
            }
        }
        return Optional.empty();
    }

    static Optional<String> site(String text) {
        Matcher intro = SITE_INTRO.matcher(text);
        if (intro.find()) {
            return Optional.of(intro.group(1).strip());
        }
        Matcher tail = SITE_TAIL.matcher(text);
        while (tail.find()) {
            int start = NameBoundaries.growLeft(text, tail.start(), LONGEST_SITE);
            start = NameBoundaries.cutAfterLeadWords(text, start, tail.start());
            String head = text.substring(start, tail.start());
            if (head.length() >= 2 && !NOT_A_SITE.contains(head)) {
                return Optional.of(text.substring(start, tail.end()));
            }
        }
        return Optional.empty();
    }
}
