package cn.mee.liaison.bot.directory;

import cn.mee.liaison.bot.directory.DirectoryDocument.Chat;
import cn.mee.liaison.bot.directory.DirectoryDocument.City;
import cn.mee.liaison.bot.directory.DirectoryDocument.Member;
import cn.mee.liaison.bot.directory.DirectoryDocument.Person;
import cn.mee.liaison.bot.directory.DirectoryDocument.Round;
import cn.mee.liaison.bot.directory.DirectoryDocument.Unit;
import cn.mee.liaison.bot.directory.DirectoryDocument.WorkGroup;
import cn.mee.liaison.storage.directory.Channel;
import cn.mee.liaison.storage.directory.GroupKind;
import cn.mee.liaison.storage.directory.MemberRole;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A demo organisation for a new user to try everything at once: the "2+26" and Fenwei Plain cities with their
 * responsible units, one round, a 中心组 and two or three 普通组 per city, two 特别组, and one sandbox chat per
 * group, plus the bureau's chats and staff. Every person is fictional; the output is the same every time within a
 * quarter: the round is the one running today, the quarter's (2026年第4轮 from 1 October to 31 December 2026).
 */
@Component
public class DemoOrganisation {

    public static final String BUREAU_CHAT = "bureau";
    public static final String BUREAU_DUTY_CHAT = "bureau-duty";

    static final List<String> UNITS = List.of(
            "中国环境科学研究院",
            "生态环境部环境规划院",
            "中国环境监测总站",
            "生态环境部华北督察局",
            "生态环境部西北督察局",
            "生态环境部卫星环境应用中心",
            "生态环境部环境工程评估中心",
            "生态环境部对外合作与交流中心",
            "生态环境部环境发展中心",
            "生态环境部固体废物与化学品管理技术中心",
            "生态环境部华东督察局",
            "生态环境部华南督察局",
            "生态环境部西南督察局",
            "生态环境部东北督察局",
            "生态环境部南京环境科学研究所",
            "生态环境部华南环境科学研究所",
            "生态环境部核与辐射安全中心",
            "生态环境部宣传教育中心");

    /** The supervised cities with the short pinyin of their chat ids (full pinyin where initials would clash). */
    static final Map<String, String> CITIES = cities();

    private static final String[] ORDINALS = {"一", "二", "三"};

    private final Clock clock;

    public DemoOrganisation(Clock clock) {
        this.clock = clock;
    }

    /** The round running on a day: its quarter, named by year and quarter. */
    public static Round roundOn(LocalDate day) {
        int quarter = (day.getMonthValue() - 1) / 3 + 1;
        LocalDate start = LocalDate.of(day.getYear(), quarter * 3 - 2, 1);
        LocalDate end = start.plusMonths(3).minusDays(1);
        return new Round(day.getYear() + "年第" + quarter + "轮", start.toString(), end.toString());
    }

    public DirectoryDocument build() {
        Round round = roundOn(LocalDate.now(clock));
        FictionalNames names = new FictionalNames();
        List<Unit> units = new ArrayList<>();
        for (int i = 0; i < UNITS.size(); i++) {
            units.add(new Unit(UNITS.get(i), new Person(String.format("coord-%02d", i + 1), names.next())));
        }
        List<City> cities = new ArrayList<>();
        List<WorkGroup> groups = new ArrayList<>();
        int cityIndex = 0;
        for (Map.Entry<String, String> entry : CITIES.entrySet()) {
            City city = city(entry.getKey(), cityIndex);
            cities.add(city);
            groups.addAll(groupsOf(city, entry.getValue(), cityIndex % 2 == 0 ? 3 : 2, groups.size(), names,
                    round.name()));
            cityIndex++;
        }
        groups.add(group("特别一组", "石家庄市", "生态环境部华北督察局", GroupKind.SPECIAL, "sp-1", "special-1",
                groups.size(), names, round.name()));
        groups.add(group("特别二组", "西安市", "生态环境部西北督察局", GroupKind.SPECIAL, "sp-2", "special-2",
                groups.size(), names, round.name()));
        List<Chat> bureauChats = List.of(
                new Chat(Channel.SANDBOX.name(), BUREAU_CHAT, null, "执法局工作联络群"),
                new Chat(Channel.SANDBOX.name(), BUREAU_DUTY_CHAT, null, "执法局值班群"));
        List<Person> staff = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            staff.add(new Person(String.format("zfj-%02d", i), names.next()));
        }
        return new DirectoryDocument(units, cities, List.of(round), groups, bureauChats, staff);
    }

    /** Lead unit in turn; one co-unit, or two for every other city. */
    private static City city(String name, int index) {
        int n = UNITS.size();
        List<String> coUnits = index % 2 == 0
                ? List.of(UNITS.get((index + 5) % n), UNITS.get((index + 11) % n))
                : List.of(UNITS.get((index + 5) % n));
        return new City(name, UNITS.get(index % n), coUnits);
    }

    /** The city's 中心组 (run by the lead unit) and its 普通组, spread over the co-units and the lead unit. */
    private static List<WorkGroup> groupsOf(City city, String abbreviation, int ordinaryCount, int sequence,
                                            FictionalNames names, String round) {
        List<String> pool = new ArrayList<>();
        pool.add(city.leadUnit());
        pool.addAll(city.coUnits());
        List<WorkGroup> groups = new ArrayList<>();
        groups.add(group(city.name() + "中心组", city.name(), city.leadUnit(), GroupKind.CENTRAL,
                abbreviation + "-c", abbreviation + "-center", sequence, names, round));
        for (int k = 0; k < ordinaryCount; k++) {
            groups.add(group(city.name() + "第" + ORDINALS[k] + "组", city.name(), pool.get((k + 1) % pool.size()),
                    GroupKind.ORDINARY, abbreviation + "-" + (k + 1), abbreviation + "-" + (k + 1),
                    sequence + groups.size(), names, round));
        }
        return groups;
    }

    /** A group of three to five people, the first of them its leader, bound to one sandbox chat. */
    private static WorkGroup group(String name, String city, String unit, GroupKind kind, String userPrefix,
                                   String chatId, int sequence, FictionalNames names, String round) {
        int size = 3 + sequence % 3;
        List<Member> members = new ArrayList<>();
        for (int i = 1; i <= size; i++) {
            MemberRole role = i == 1 ? MemberRole.LEADER : MemberRole.MEMBER;
            members.add(new Member(String.format("%s-%02d", userPrefix, i), names.next(), role.name()));
        }
        Chat chat = new Chat(Channel.SANDBOX.name(), chatId, null, name + "工作联络群");
        return new WorkGroup(name, city, unit, kind.name(), round, members, List.of(chat));
    }

    private static Map<String, String> cities() {
        String[][] table = {
                // "2+26"
                {"北京市", "bj"}, {"天津市", "tj"}, {"石家庄市", "sjz"}, {"唐山市", "ts"}, {"廊坊市", "lf"},
                {"保定市", "bd"}, {"沧州市", "cz"}, {"衡水市", "hs"}, {"邢台市", "xt"}, {"邯郸市", "hd"},
                {"太原市", "ty"}, {"阳泉市", "yq"}, {"长治市", "changzhi"}, {"晋城市", "jc"},
                {"济南市", "jn"}, {"淄博市", "zb"}, {"济宁市", "jining"}, {"德州市", "dz"}, {"聊城市", "lc"},
                {"滨州市", "bz"}, {"菏泽市", "hz"}, {"郑州市", "zz"}, {"开封市", "kf"}, {"安阳市", "ay"},
                {"鹤壁市", "hb"}, {"新乡市", "xx"}, {"焦作市", "jz"}, {"濮阳市", "py"},
                // Fenwei Plain
                {"晋中市", "jinzhong"}, {"运城市", "yc"}, {"临汾市", "linfen"}, {"吕梁市", "ll"}, {"洛阳市", "ly"},
                {"三门峡市", "smx"}, {"西安市", "xa"}, {"铜川市", "tc"}, {"宝鸡市", "baoji"}, {"咸阳市", "xy"},
                {"渭南市", "wn"}};
        Map<String, String> cities = new LinkedHashMap<>();
        for (String[] row : table) {
            cities.put(row[0], row[1]);
        }
        return Collections.unmodifiableMap(cities);
    }
}
