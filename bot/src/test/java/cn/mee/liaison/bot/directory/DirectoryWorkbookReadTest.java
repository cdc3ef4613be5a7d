package cn.mee.liaison.bot.directory;

import cn.mee.liaison.bot.directory.DirectoryDocument.Chat;
import cn.mee.liaison.bot.directory.DirectoryDocument.City;
import cn.mee.liaison.bot.directory.DirectoryDocument.Member;
import cn.mee.liaison.bot.directory.DirectoryDocument.Person;
import cn.mee.liaison.bot.directory.DirectoryDocument.Round;
import cn.mee.liaison.bot.directory.DirectoryDocument.Unit;
import cn.mee.liaison.bot.directory.DirectoryDocument.WorkGroup;
import cn.mee.liaison.bot.directory.TestWorkbook.DateCell;
import cn.mee.liaison.bot.directory.TestWorkbook.FormulaCell;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DirectoryWorkbookReadTest {

    private static final String ROUND = "2026年第4轮";

    private final DirectoryWorkbook workbook = new DirectoryWorkbook();

    @Test
    void acceptsExcelDatesAndTheUsualWrittenForms() {
        LocalDate first = LocalDate.of(2026, 11, 1);
        LocalDate last = LocalDate.of(2026, 12, 31);
        TestWorkbook input = TestWorkbook.withAllSheets()
                .row("轮次", "R1", new DateCell(first, "yyyy-mm-dd"), new DateCell(last, "m/d/yy"))
                .row("轮次", "R2", "2026-11-01", "2026/12/31")
                .row("轮次", "R3", "2026/11/1", "2026年12月31日")
                .row("轮次", "R4", " 2026 年 11 月 1 日 ", new DateCell(last, "yyyy\"年\"m\"月\"d\"日\""))
                .row("轮次", "R5", "2026.11.1", "20261231")
                .row("轮次", "R6", "2026-13-01", "下个月底");

        List<Round> rounds = workbook.read(input.stream()).document().rounds();

        assertThat(rounds).containsExactly(
                new Round("R1", "2026-11-01", "2026-12-31"),
                new Round("R2", "2026-11-01", "2026-12-31"),
                new Round("R3", "2026-11-01", "2026-12-31"),
                new Round("R4", "2026-11-01", "2026-12-31"),
                new Round("R5", "2026-11-01", "2026-12-31"),
                new Round("R6", "2026-13-01", "下个月底"));
    }

    @Test
    void numbersThatAreIdsReadAsPlainIntegers() {
        TestWorkbook input = TestWorkbook.withAllSheets()
                .row("包保单位", "中国环境科学研究院", 13800000000L, "王晓明")
                .row("包保单位", "中国环境监测总站", 1001, "李思雨")
                .row("轮次", 4, "2026-11-01", "2026-12-31")
                .row("工作组", "保定市第一组", "保定市", "中国环境科学研究院", "普通组", 4)
                .row("成员", "保定市第一组", 4, 1001.0, "张建华", "组长")
                .row("成员", "保定市第一组", null, new FormulaCell("1000+2"), "刘佳琳", "组员")
                .row("成员", "保定市第一组", null, 1001.5, "陈思涵", "组员")
                .row("群聊", "保定市第一组", null, "WECHATY", 123456789012345L, null, null)
                .row("执法局人员", 18612345678L, "赵文静");

        DirectoryDocument document = workbook.read(input.stream()).document();

        assertThat(document.units()).extracting(Unit::coordinator)
                .containsExactly(new Person("13800000000", "王晓明"), new Person("1001", "李思雨"));
        assertThat(document.rounds()).extracting(Round::name).containsExactly("4");
        WorkGroup group = document.workGroups().get(0);
        assertThat(group.round()).isEqualTo("4");
        assertThat(group.members()).extracting(Member::userId).containsExactly("1001", "1002", "1001.5");
        assertThat(group.chats()).containsExactly(new Chat("WECHATY", "123456789012345", null, null));
        assertThat(document.bureauStaff()).containsExactly(new Person("18612345678", "赵文静"));
    }

    @Test
    void formulaResultsAndErrorsAreReadAsTheCellShowsThem() {
        TestWorkbook input = TestWorkbook.withAllSheets()
                .row("包保单位", new FormulaCell("\"中国环境\"&\"监测总站\""), "coord-01", new FormulaCell("NA()"))
                .row("执法局人员", true, new FormulaCell("1/0"));

        DirectoryDocument document = workbook.read(input.stream()).document();

        assertThat(document.units()).containsExactly(new Unit("中国环境监测总站", new Person("coord-01", "#N/A")));
        assertThat(document.bureauStaff()).containsExactly(new Person("TRUE", "#DIV/0!"));
    }

    @Test
    void cellsAreTrimmedOfAllKindsOfSpace() {
        TestWorkbook input = TestWorkbook.withAllSheets()
                .row("包保单位", "  中国环境科学研究院\u3000", "\u00A0coord-01 ", "王晓明\t");

        DirectoryDocument document = workbook.read(input.stream()).document();

        assertThat(document.units()).containsExactly(
                new Unit("中国环境科学研究院", new Person("coord-01", "王晓明")));
    }

    @Test
    void kindsRolesAndChannelsInChineseOrEnglishBecomeEnumNames() {
        TestWorkbook input = TestWorkbook.withAllSheets()
                .row("工作组", "甲", "保定市", "单位", "中心组", ROUND)
                .row("工作组", "乙", "保定市", "单位", "ordinary", ROUND)
                .row("工作组", "丙", "保定市", "单位", " SPECIAL ", ROUND)
                .row("工作组", "丁", "保定市", "单位", "特别组", ROUND)
                .row("工作组", "戊", "保定市", "单位", "临时组", ROUND)
                .row("成员", "甲", null, "u1", "张建华", "组长")
                .row("成员", "甲", null, "u2", "刘佳琳", "member")
                .row("成员", "甲", null, "u3", "陈思涵", "LEADER")
                .row("成员", "甲", null, "u4", "周立新", "组员")
                .row("成员", "甲", null, "u5", "杨海燕", "副组长")
                .row("群聊", "甲", null, "模拟群聊", "c1")
                .row("群聊", "甲", null, "智能机器人", "c2")
                .row("群聊", "甲", null, "应用群聊", "c3")
                .row("群聊", "甲", null, "群机器人 Webhook", "c4", "key-4")
                .row("群聊", "甲", null, "个人微信", "c5")
                .row("群聊", "甲", null, "wecom-robot", "c6")
                .row("群聊", "甲", null, "WeChaty", "c7")
                .row("群聊", "甲", null, "钉钉", "c8");

        DirectoryDocument document = workbook.read(input.stream()).document();

        assertThat(document.workGroups()).extracting(WorkGroup::kind)
                .containsExactly("CENTRAL", "ORDINARY", "SPECIAL", "SPECIAL", "临时组");
        WorkGroup group = document.workGroups().get(0);
        assertThat(group.members()).extracting(Member::role)
                .containsExactly("LEADER", "MEMBER", "LEADER", "MEMBER", "副组长");
        assertThat(group.chats()).extracting(Chat::channel).containsExactly(
                "SANDBOX", "WECOM_ROBOT", "WECOM_APPCHAT", "WECOM_WEBHOOK", "WECHATY", "WECOM_ROBOT", "WECHATY", "钉钉");
        assertThat(group.chats().get(3)).isEqualTo(new Chat("WECOM_WEBHOOK", "c4", "key-4", null));
    }

    @Test
    void coUnitsMayBeSeparatedInSeveralWays() {
        TestWorkbook input = TestWorkbook.withAllSheets()
                .row("城市", "保定市", "甲单位", "乙单位、丙单位,丁单位；戊单位， 己单位;庚单位\n辛单位")
                .row("城市", "西安市", "甲单位");

        List<City> cities = workbook.read(input.stream()).document().cities();

        assertThat(cities).containsExactly(
                new City("保定市", "甲单位", List.of("乙单位", "丙单位", "丁单位", "戊单位", "己单位", "庚单位", "辛单位")),
                new City("西安市", "甲单位", List.of()));
    }

    @Test
    void emptyRowsAreSkippedAndLocationsKeepTheRowNumbersExcelShows() {
        TestWorkbook input = TestWorkbook.withAllSheets()
                .rowAt("包保单位", 2, "甲单位", "u1", "张建华")
                .rowAt("包保单位", 3, "  ", null, "")
                .rowAt("包保单位", 5, "乙单位", "u2", "刘佳琳")
                .rowAt("包保单位", 9, "示例：丙单位", "u3", "陈思涵")
                .rowAt("包保单位", 10, null, null, "周立新");

        DirectoryWorkbook.ReadResult result = workbook.read(input.stream());

        assertThat(result.document().units()).containsExactly(
                new Unit("甲单位", new Person("u1", "张建华")),
                new Unit("乙单位", new Person("u2", "刘佳琳")),
                new Unit(null, new Person(null, "周立新")));
        assertThat(result.locations()).containsExactly(
                Map.entry("units[0]", "「包保单位」表第2行"),
                Map.entry("units[1]", "「包保单位」表第5行"),
                Map.entry("units[2]", "「包保单位」表第10行"));
    }

    @Test
    void membersAndChatsFindTheirGroupByNameAndRound() {
        TestWorkbook input = TestWorkbook.withAllSheets()
                .row("工作组", "保定市中心组", "保定市", "甲单位", "中心组", "2026年第3轮")
                .row("工作组", "保定市中心组", "保定市", "甲单位", "中心组", ROUND)
                .row("工作组", "保定市第一组", "保定市", "乙单位", "普通组", ROUND)
                .row("成员", "保定市中心组", ROUND, "u1", "张建华", "组长")
                .row("成员", "保定市第一组", null, "u2", "刘佳琳", "组长")
                .row("成员", "保定市中心组", "2026年第3轮", "u3", "陈思涵", "组长")
                .row("群聊", "保定市中心组", ROUND, "SANDBOX", "bd-center")
                .row("群聊", null, null, "SANDBOX", "bureau", null, "执法局工作联络群")
                .row("群聊", "保定市第一组", null, "SANDBOX", "bd-1");

        DirectoryWorkbook.ReadResult result = workbook.read(input.stream());

        List<WorkGroup> groups = result.document().workGroups();
        assertThat(groups.get(0).members()).containsExactly(new Member("u3", "陈思涵", "LEADER"));
        assertThat(groups.get(0).chats()).isEmpty();
        assertThat(groups.get(1).members()).containsExactly(new Member("u1", "张建华", "LEADER"));
        assertThat(groups.get(1).chats()).containsExactly(new Chat("SANDBOX", "bd-center", null, null));
        assertThat(groups.get(2).members()).containsExactly(new Member("u2", "刘佳琳", "LEADER"));
        assertThat(groups.get(2).chats()).containsExactly(new Chat("SANDBOX", "bd-1", null, null));
        assertThat(result.document().bureauChats())
                .containsExactly(new Chat("SANDBOX", "bureau", null, "执法局工作联络群"));
        assertThat(result.locations())
                .containsEntry("workGroups[1].members[0]", "「成员」表第2行")
                .containsEntry("workGroups[2].members[0]", "「成员」表第3行")
                .containsEntry("workGroups[0].members[0]", "「成员」表第4行")
                .containsEntry("workGroups[1].chats[0]", "「群聊」表第2行")
                .containsEntry("bureauChats[0]", "「群聊」表第3行")
                .containsEntry("workGroups[2].chats[0]", "「群聊」表第4行");
    }

    @Test
    void columnsMayBeReorderedAndOptionalOnesLeftOutAndExtraOnesAreIgnored() {
        TestWorkbook input = TestWorkbook.withAllSheets()
                .sheet("成员", "角色", "姓名", "备注", "账号", "工作组")
                .sheet("群聊", "群ID", "渠道", "工作组")
                .sheet("统计", "随便什么")
                .remove("执法局人员")
                .row("工作组", "保定市第一组", "保定市", "乙单位", "普通组", ROUND)
                .row("成员", "组员", "刘佳琳", "借调", "u2", "保定市第一组")
                .row("群聊", "bd-1", "SANDBOX", "保定市第一组")
                .row("统计", "不会被读取");

        DirectoryDocument document = workbook.read(input.stream()).document();

        WorkGroup group = document.workGroups().get(0);
        assertThat(group.members()).containsExactly(new Member("u2", "刘佳琳", "MEMBER"));
        assertThat(group.chats()).containsExactly(new Chat("SANDBOX", "bd-1", null, null));
        assertThat(document.bureauStaff()).isEmpty();
    }

    @Test
    void aCoordinatorLeftBlankIsNoPerson() {
        TestWorkbook input = TestWorkbook.withAllSheets().row("包保单位", "中国环境监测总站");

        assertThat(workbook.read(input.stream()).document().units())
                .containsExactly(new Unit("中国环境监测总站", null));
    }
}
