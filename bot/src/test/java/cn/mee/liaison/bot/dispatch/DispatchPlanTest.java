package cn.mee.liaison.bot.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.mee.liaison.bot.classify.FieldKind;
import cn.mee.liaison.bot.classify.FieldSpec;
import cn.mee.liaison.bot.classify.ParsedRecord;
import cn.mee.liaison.bot.classify.RecordParsers;
import cn.mee.liaison.bot.web.BadRequest;
import cn.mee.liaison.storage.directory.GroupKind;
import cn.mee.liaison.storage.directory.WorkGroup;
import cn.mee.liaison.storage.message.RecordType;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Plans without a database: which plan a group follows, the items as edited, the texts the groups read. */
class DispatchPlanTest {

    private static final LocalDate DAY = LocalDate.of(2026, 10, 13);

    private static DispatchPlan plan(Long round, GroupKind kind, String close) {
        DispatchPlan d = DispatchPlan.defaults();
        return new DispatchPlan(DispatchPlan.keyOf(round, kind), round, kind, true, d.fields(), d.promptAt(),
                d.reminders(), LocalTime.parse(close), ReportingDays.WORKDAYS);
    }

    @Test
    void theMostSpecificPlanWins() {
        List<DispatchPlan> plans = List.of(plan(null, null, "21:00"), plan(null, GroupKind.SPECIAL, "20:00"),
                plan(7L, null, "22:00"), plan(7L, GroupKind.CENTRAL, "23:00"));
        WorkGroup central7 = new WorkGroup(1L, "保定市中心组", 7L, 1L, 1L, GroupKind.CENTRAL);
        WorkGroup ordinary7 = new WorkGroup(2L, "保定市第一组", 7L, 1L, 1L, GroupKind.ORDINARY);
        WorkGroup special7 = new WorkGroup(3L, "特别组", 7L, null, 1L, GroupKind.SPECIAL);
        WorkGroup ordinary8 = new WorkGroup(4L, "保定市第一组", 8L, 1L, 1L, GroupKind.ORDINARY);
        WorkGroup special8 = new WorkGroup(5L, "特别组", 8L, null, 1L, GroupKind.SPECIAL);

        assertThat(DispatchPlans.planFor(central7, plans).key()).isEqualTo("round:7|kind:CENTRAL");
        assertThat(DispatchPlans.planFor(ordinary7, plans).key()).isEqualTo("round:7");
        assertThat(DispatchPlans.planFor(special7, plans).key()).as("a round plan beats a kind plan")
                .isEqualTo("round:7");
        assertThat(DispatchPlans.planFor(ordinary8, plans).key()).isEqualTo("default");
        assertThat(DispatchPlans.planFor(special8, plans).key()).isEqualTo("kind:SPECIAL");
        assertThat(DispatchPlans.planFor(ordinary8, List.of()).key()).as("nothing stored: the built-in default")
                .isEqualTo("default");
    }

    @Test
    void theDefaultsFitTheRules() {
        DispatchPlan plan = DispatchPlan.defaults();
        assertThat(plan.fields()).extracting(FieldSpec::label)
                .containsExactly("检查企业数", "发现问题数", "督办问题核查数", "交办问题数", "明日计划", "其他");
        assertThat(plan.required()).extracting(FieldSpec::label)
                .containsExactly("检查企业数", "发现问题数", "督办问题核查数", "明日计划");
        assertThat(plan.counts()).extracting(FieldSpec::code)
                .containsExactly("enterprisesChecked", "problemsFound", "assignedChecked", "problemsAssigned");
        assertThat(plan.promptAt()).isEqualTo(LocalTime.of(17, 0));
        assertThat(plan.reminders()).containsExactly(LocalTime.of(19, 0), LocalTime.of(20, 30));
        assertThat(plan.closeAt()).isEqualTo(LocalTime.of(21, 0));
        assertThat(plan.days()).isEqualTo(ReportingDays.WORKDAYS);
    }

    @Test
    void itemsAsEditedGetTheirCodesAndTheBuiltInWaysOfWritingThem() {
        List<FieldSpec> fields = DispatchPlans.fields(List.of(
                new PlanItem(null, "检查企业数", FieldKind.NUMBER, true, null),
                new PlanItem(null, "夜查次数", null, true, List.of()),
                new PlanItem("", "宣传情况", FieldKind.TEXT, false, List.of("宣传")),
                new PlanItem(null, "出动人次", FieldKind.NUMBER, false, null)));

        assertThat(fields).extracting(FieldSpec::code)
                .containsExactly("enterprisesChecked", "item1", "item2", "item3");
        assertThat(fields.get(0).aliases()).as("the built-in item keeps its aliases").contains("检查…企业");
        assertThat(fields.get(1).kind()).as("a count unless said otherwise").isEqualTo(FieldKind.NUMBER);
        assertThat(fields.get(2).aliases()).containsExactly("宣传");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "no items | | | 至少要有一个报送项",
            "a nameless item | ' ' | | 第1项缺少名称",
            "the same name twice | 夜查次数 | 夜查次数 | 报送项\u201c夜查次数\u201d重复"})
    void badItemsAreRefusedInChinese(String title, String first, String second, String message) {
        List<PlanItem> items = first == null ? List.of()
                : second == null ? List.of(new PlanItem(null, first, FieldKind.NUMBER, true, null))
                : List.of(new PlanItem(null, first, FieldKind.NUMBER, true, null),
                        new PlanItem(null, second, FieldKind.NUMBER, true, null));
        assertThatThrownBy(() -> DispatchPlans.fields(items)).isInstanceOf(BadRequest.class).hasMessageContaining(message);
    }

    @Test
    void theExampleInThePromptIsItselfACompleteReport() {
        RecordParsers parsers = new RecordParsers();
        DispatchPlan defaults = DispatchPlan.defaults();
        DispatchPlan custom = new DispatchPlan("round:1", 1L, null, true, DispatchPlans.fields(List.of(
                new PlanItem(null, "检查企业数", FieldKind.NUMBER, true, null),
                new PlanItem(null, "夜查次数", FieldKind.NUMBER, true, null),
                new PlanItem(null, "出动人次", FieldKind.NUMBER, true, null),
                new PlanItem(null, "明日计划", FieldKind.TEXT, true, null))),
                LocalTime.of(16, 0), List.of(), LocalTime.of(22, 0), ReportingDays.EVERY_DAY);
        for (DispatchPlan plan : List.of(defaults, custom)) {
            String example = DispatchTexts.example(plan);
            ParsedRecord read = parsers.parseWith(RecordType.DAILY_REPORT, plan.fields(),
                    example.substring("日报 ".length()), DAY);
            assertThat(read.missing()).as(example).isEmpty();
            assertThat(read.fields().keySet()).as(example)
                    .containsAll(plan.required().stream().map(FieldSpec::code).toList());
        }
    }

    @Test
    void thePromptSaysWhenWhatAndHow() {
        String prompt = DispatchTexts.prompt(LocalDate.of(2026, 10, 10), "国庆节调休上班", DispatchPlan.defaults());
        assertThat(prompt).startsWith("【每日工作调度】10月10日（周六）国庆节调休上班\n请于21:00前在本群报送今日工作情况")
                .contains("检查企业数（必填）、发现问题数（必填）、督办问题核查数（必填）、交办问题数、明日计划（必填）、其他")
                .contains("\n示例：日报 检查企业数：12，发现问题数：3，督办问题核查数：2，交办问题数：1，明日计划：继续排查工业园区涉VOCs企业，其他：无")
                .endsWith("21:00后报送记为迟报。）");
        assertThat(DispatchTexts.prompt(DAY, "工作日", DispatchPlan.defaults())).startsWith("【每日工作调度】10月13日（周二）\n");
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "日报 检查企业5家 | 2026-10-13",
            "10月12日日报：检查企业5家 | 2026-10-12",
            "昨日工作调度\\n检查企业5家 | 2026-10-12",
            "【调度】10.9\\n检查企业5家 | 2026-10-09",
            "10月12日工作情况：检查企业5家 | 2026-10-12",
            "10月12日检查企业5家，发现问题1个 | 2026-10-13",
            "9月30日日报（太久以前） | 2026-10-13",
            "10月14日日报 | 2026-10-13",
            "核查了10月9日交办的问题2个 | 2026-10-13"})
    void aReportIsForTheDayItArrivesUnlessItsHeadingNamesARecentOne(String body, LocalDate expected) {
        assertThat(ReportDay.of(body.replace("\\n", "\n"), DAY)).isEqualTo(expected);
    }
}
