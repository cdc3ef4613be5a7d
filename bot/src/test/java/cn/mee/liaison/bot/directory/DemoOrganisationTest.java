package cn.mee.liaison.bot.directory;

import cn.mee.liaison.bot.directory.DirectoryDocument.Chat;
import cn.mee.liaison.bot.directory.DirectoryDocument.City;
import cn.mee.liaison.bot.directory.DirectoryDocument.Member;
import cn.mee.liaison.bot.directory.DirectoryDocument.Person;
import cn.mee.liaison.bot.directory.DirectoryDocument.Round;
import cn.mee.liaison.bot.directory.DirectoryDocument.Unit;
import cn.mee.liaison.bot.directory.DirectoryDocument.WorkGroup;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class DemoOrganisationTest {

    private static final List<String> TWO_PLUS_26 = List.of(
            "北京市", "天津市", "石家庄市", "唐山市", "廊坊市", "保定市", "沧州市", "衡水市", "邢台市", "邯郸市",
            "太原市", "阳泉市", "长治市", "晋城市", "济南市", "淄博市", "济宁市", "德州市", "聊城市", "滨州市",
            "菏泽市", "郑州市", "开封市", "安阳市", "鹤壁市", "新乡市", "焦作市", "濮阳市");
    private static final List<String> FENWEI = List.of(
            "晋中市", "运城市", "临汾市", "吕梁市", "洛阳市", "三门峡市", "西安市", "铜川市", "宝鸡市", "咸阳市", "渭南市");

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private final DirectoryDocument demo = demoOn("2026-12-02T10:00:00+08:00");

    private static DirectoryDocument demoOn(String time) {
        return new DemoOrganisation(Clock.fixed(OffsetDateTime.parse(time).toInstant(), SHANGHAI)).build();
    }

    @Test
    void coversThe2Plus26AndTheFenweiPlainCities() {
        List<String> expected = new ArrayList<>(TWO_PLUS_26);
        expected.addAll(FENWEI);

        assertThat(demo.cities()).extracting(City::name).containsExactlyElementsOf(expected).hasSize(39);
    }

    @Test
    void hasEighteenUnitsEachWithItsOwnCoordinator() {
        assertThat(demo.units()).hasSize(18);
        assertThat(demo.units()).extracting(Unit::name)
                .contains("中国环境科学研究院", "生态环境部环境规划院", "中国环境监测总站", "生态环境部华北督察局",
                        "生态环境部西北督察局", "生态环境部卫星环境应用中心")
                .doesNotHaveDuplicates();
        assertThat(demo.units()).extracting(unit -> unit.coordinator().userId())
                .startsWith("coord-01", "coord-02").doesNotHaveDuplicates();
        assertThat(demo.units()).allSatisfy(unit -> assertThat(unit.coordinator().name()).matches("\\p{IsHan}{3}"));
    }

    @Test
    void everyCityHasAnExistingLeadUnitAndOneOrTwoOtherCoUnits() {
        Set<String> units = demo.units().stream().map(Unit::name).collect(Collectors.toSet());

        assertThat(demo.cities()).allSatisfy(city -> {
            assertThat(units).contains(city.leadUnit());
            assertThat(city.coUnits()).hasSizeBetween(1, 2).doesNotHaveDuplicates().doesNotContain(city.leadUnit());
            assertThat(units).containsAll(city.coUnits());
        });
        assertThat(demo.cities().get(5)).isEqualTo(
                new City("保定市", "生态环境部卫星环境应用中心", List.of("生态环境部华东督察局")));
        assertThat(demo.cities().get(0)).isEqualTo(
                new City("北京市", "中国环境科学研究院", List.of("生态环境部卫星环境应用中心", "生态环境部华南督察局")));
    }

    @Test
    void hasOneRoundTheQuarterOfToday() {
        assertThat(demo.rounds()).containsExactly(new Round("2026年第4轮", "2026-10-01", "2026-12-31"));
        assertThat(demo.workGroups()).allSatisfy(group -> assertThat(group.round()).isEqualTo("2026年第4轮"));
    }

    @Test
    void inANewYearItsRoundIsTheNewQuarter() {
        DirectoryDocument january = demoOn("2027-01-01T00:00:00+08:00");
        assertThat(january.rounds()).containsExactly(new Round("2027年第1轮", "2027-01-01", "2027-03-31"));
        assertThat(january.workGroups()).allSatisfy(group -> assertThat(group.round()).isEqualTo("2027年第1轮"));
        assertThat(demoOn("2026-12-31T23:59:00+08:00").rounds()).extracting(Round::name)
                .containsExactly("2026年第4轮");
        assertThat(DemoOrganisation.roundOn(LocalDate.parse("2027-08-15")))
                .isEqualTo(new Round("2027年第3轮", "2027-07-01", "2027-09-30"));
    }

    @Test
    void everyCityHasOneCentralGroupOfItsLeadUnitAndTwoOrThreeOrdinaryGroupsOfItsUnits() {
        for (City city : demo.cities()) {
            List<WorkGroup> groups = demo.workGroups().stream().filter(group -> group.city().equals(city.name()))
                    .filter(group -> !group.kind().equals("SPECIAL")).toList();
            List<WorkGroup> central = groups.stream().filter(group -> group.kind().equals("CENTRAL")).toList();
            List<WorkGroup> ordinary = groups.stream().filter(group -> group.kind().equals("ORDINARY")).toList();

            assertThat(central).singleElement().satisfies(group -> {
                assertThat(group.name()).isEqualTo(city.name() + "中心组");
                assertThat(group.unit()).isEqualTo(city.leadUnit());
            });
            assertThat(ordinary).hasSizeBetween(2, 3);
            assertThat(ordinary).extracting(WorkGroup::name)
                    .startsWith(city.name() + "第一组", city.name() + "第二组");
            List<String> cityUnits = Stream.concat(Stream.of(city.leadUnit()), city.coUnits().stream()).toList();
            assertThat(ordinary).allSatisfy(group -> assertThat(cityUnits).contains(group.unit()));
            assertThat(ordinary).extracting(WorkGroup::unit).contains(city.coUnits().get(0));
        }
        assertThat(demo.workGroups()).extracting(WorkGroup::name).doesNotHaveDuplicates();
    }

    @Test
    void hasTwoSpecialGroups() {
        assertThat(demo.workGroups()).filteredOn(group -> group.kind().equals("SPECIAL"))
                .extracting(WorkGroup::name, WorkGroup::city)
                .containsExactly(Tuple.tuple("特别一组", "石家庄市"),
                        Tuple.tuple("特别二组", "西安市"));
    }

    @Test
    void everyGroupHasThreeToFiveMembersWithExactlyOneLeaderAndDistinctIds() {
        assertThat(demo.workGroups()).allSatisfy(group -> {
            assertThat(group.members()).hasSizeBetween(3, 5);
            assertThat(group.members()).filteredOn(member -> member.role().equals("LEADER")).hasSize(1);
            assertThat(group.members()).extracting(Member::role).containsOnly("LEADER", "MEMBER");
            assertThat(group.members()).extracting(Member::userId).doesNotHaveDuplicates();
        });
        assertThat(demo.workGroups().stream().mapToInt(group -> group.members().size()).distinct().sorted().toArray())
                .containsExactly(3, 4, 5);
        WorkGroup baoding = group("保定市中心组");
        assertThat(baoding.members().get(0).userId()).isEqualTo("bd-c-01");
        assertThat(baoding.members().get(0).role()).isEqualTo("LEADER");
        assertThat(group("保定市第二组").members()).extracting(Member::userId).startsWith("bd-2-01", "bd-2-02", "bd-2-03");
    }

    @Test
    void everyPersonIsAFictionalThreeCharacterNameUsedOnceAndEveryUserIdIsUnique() {
        List<Person> people = new ArrayList<>();
        demo.units().forEach(unit -> people.add(unit.coordinator()));
        demo.workGroups().forEach(group -> group.members()
                .forEach(member -> people.add(new Person(member.userId(), member.name()))));
        people.addAll(demo.bureauStaff());

        assertThat(people).extracting(Person::name).allMatch(name -> name.matches("\\p{IsHan}{3}"))
                .doesNotHaveDuplicates();
        assertThat(people).extracting(Person::userId).allMatch(id -> id.matches("[a-z]+(-[a-z0-9]+)+"))
                .doesNotHaveDuplicates();
    }

    @Test
    void everyGroupHasOneSandboxChatAndEveryChatIdIsUnique() {
        assertThat(demo.workGroups()).allSatisfy(group -> assertThat(group.chats()).singleElement()
                .satisfies(chat -> assertThat(chat.channel()).isEqualTo("SANDBOX")));
        List<String> chatIds = Stream.concat(demo.bureauChats().stream(),
                demo.workGroups().stream().flatMap(group -> group.chats().stream())).map(Chat::chatId).toList();
        assertThat(chatIds).doesNotHaveDuplicates().allMatch(id -> id.matches("[a-z]+(-[a-z0-9]+)*"));
        assertThat(group("保定市中心组").chats())
                .containsExactly(new Chat("SANDBOX", "bd-center", null, "保定市中心组工作联络群"));
        assertThat(group("保定市第一组").chats().get(0).chatId()).isEqualTo("bd-1");
        assertThat(group("长治市中心组").chats().get(0).chatId()).isEqualTo("changzhi-center");
        assertThat(group("沧州市中心组").chats().get(0).chatId()).isEqualTo("cz-center");
        assertThat(group("特别一组").chats().get(0).chatId()).isEqualTo("special-1");
    }

    @Test
    void theBureauHasItsTwoChatsAndThreeToFourStaff() {
        assertThat(demo.bureauChats()).containsExactly(
                new Chat("SANDBOX", "bureau", null, "执法局工作联络群"),
                new Chat("SANDBOX", "bureau-duty", null, "执法局值班群"));
        assertThat(demo.bureauStaff()).hasSizeBetween(3, 4).extracting(Person::userId)
                .containsExactly("zfj-01", "zfj-02", "zfj-03", "zfj-04");
    }

    @Test
    void isTheSameEveryTime() {
        DirectoryDocument again = demoOn("2026-12-02T23:00:00+08:00");

        assertThat(again).isEqualTo(demo);
        assertThat(again.workGroups()).hasSize(39 + 98 + 2);
        assertThat(again.units().get(0).coordinator()).isEqualTo(demo.units().get(0).coordinator());
    }

    private WorkGroup group(String name) {
        return demo.workGroups().stream().filter(group -> group.name().equals(name)).findFirst().orElseThrow();
    }
}
