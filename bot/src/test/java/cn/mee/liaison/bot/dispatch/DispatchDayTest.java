package cn.mee.liaison.bot.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.mee.liaison.bot.classify.FieldKind;
import cn.mee.liaison.bot.directory.DirectoryCache;
import cn.mee.liaison.bot.support.RunningBot;
import cn.mee.liaison.bot.support.TestOrganisation;
import cn.mee.liaison.storage.dispatch.DailyReportRow;
import cn.mee.liaison.storage.dispatch.DispatchMapper;
import cn.mee.liaison.storage.dispatch.DispatchPlanRow;
import cn.mee.liaison.testsupport.MutableClock;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import cn.mee.liaison.scheduler.jobs.RecurringJobs;
import org.quartz.JobKey;
import org.quartz.Scheduler;

/**
 * Whole days of the daily dispatch on a running bot, with the clock moved by hand: a normal working day from prompt
 * to summary, a public holiday, a make-up Saturday, the close boundary, a bot back after a stop, two instances at
 * once. The days are in the 2026 National Day period, which the bundled calendar knows; each test has its own days
 * (the stages of a day happen once) and its own organisation (tests share the database).
 */
@Import(DispatchDayTest.TestClock.class)
class DispatchDayTest extends RunningBot {

    static final MutableClock CLOCK = MutableClock.at(LocalDateTime.of(2026, 10, 12, 9, 0));

    @TestConfiguration
    static class TestClock {
        @Bean
        @Primary
        Clock dispatchClock() {
            return CLOCK;
        }
    }

    @Autowired
    DispatchStages stages;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DispatchPlans plans;
    @Autowired
    DispatchMapper dispatchMapper;
    @Autowired
    DirectoryCache directory;
    @Autowired
    PlatformTransactionManager transactions;

    private TestOrganisation org;

    /** What the bot put in its outbox for a chat: purpose, text, mentions. */
    record Said(String purpose, String text, String mentions, String format) {
    }

    @BeforeEach
    void organisation() {
        org = new TestOrganisation(UUID.randomUUID().toString().substring(0, 8));
        assertThat(call("PUT", "/api/v1/directory", org.document("2026-09-01", "2026-12-31")).status())
                .isEqualTo(200);
    }

    private void at(int month, int day, int hour, int minute) {
        CLOCK.set(LocalDateTime.of(2026, month, day, hour, minute));
    }

    private void at(int month, int day, int hour, int minute, int second) {
        CLOCK.set(LocalDateTime.of(2026, month, day, hour, minute, second));
    }

    private List<Said> said(String chatId) {
        return jdbc.query("SELECT purpose, content, mentions, format FROM outbox_message WHERE target_id = ? ORDER BY id",
                (rs, i) -> new Said(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)), chatId);
    }

    private List<Said> said(String chatId, String purpose) {
        return said(chatId).stream().filter(s -> s.purpose().equals(purpose)).toList();
    }

    /** A member says something in a sandbox chat; what the bot answered there (its replies) comes back. */
    private List<Said> say(String chatId, String userId, String text) {
        int before = said(chatId).size();
        Map<String, Object> message = new HashMap<>(Map.of("chatId", chatId, "userId", userId, "text", text));
        Answer answer = call("POST", "/api/v1/sandbox/messages", message);
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        List<Said> all = said(chatId);
        return all.subList(before, all.size()).stream().filter(s -> s.purpose().equals("REPLY")).toList();
    }

    private JsonNode board(String date) {
        Answer answer = call("GET", "/api/v1/dispatch/" + date, null);
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        return answer.body();
    }

    private JsonNode row(JsonNode board, String group, String city) {
        for (JsonNode row : board.get("groups")) {
            if (row.get("workGroup").asText().equals(group) && row.get("city").asText().equals(city)) {
                return row;
            }
        }
        throw new AssertionError(group + " of " + city + " is not on the board: " + board);
    }

    private List<String> chats() {
        return List.of(org.centralChat(), org.ordinaryChat(), org.otherCityChat());
    }

    @Test
    void aWorkingDayFromPromptToSummary() {
        at(10, 13, 16, 59);
        stages.tick();
        chats().forEach(chat -> assertThat(said(chat)).as("nothing before the prompt time").isEmpty());

        at(10, 13, 17, 0);
        stages.tick();
        for (String chat : chats()) {
            List<Said> prompts = said(chat, "PROMPT");
            assertThat(prompts).hasSize(1);
            assertThat(prompts.get(0).text()).startsWith("【每日工作调度】10月13日（周二）")
                    .contains("请于21:00前", "检查企业数（必填）", "明日计划（必填）", "示例：日报 检查企业数：12");
        }
        assertThat(said(org.bureauChat())).as("the bureau is not prompted").isEmpty();

        // 保定市第一组 reports with the command, in its own words
        at(10, 13, 17, 40);
        List<Said> reply = say(org.ordinaryChat(), org.member(),
                "日报 今天检查企业十二家，发现问题3个，督办问题核查2件，交办问题1个，明日计划：继续排查清苑区涉VOCs企业");
        assertThat(reply).singleElement().satisfies(r -> assertThat(r.text())
                .startsWith("已登记【每日调度】保定市第一组 10月13日（周二）：")
                .contains("检查企业数：12", "发现问题数：3", "督办问题核查数：2", "交办问题数：1", "明日计划：继续排查清苑区涉VOCs企业")
                .doesNotContain("还缺少"));

        // 廊坊市第一组 answers the prompt in free text and forgets an item; the bot asks for exactly that one
        at(10, 13, 18, 5);
        reply = say(org.otherCityChat(), org.otherCityMember(), "今天检查企业5家，发现问题2个，明天继续巡查城中村散煤");
        assertThat(reply).singleElement().satisfies(r -> assertThat(r.text())
                .startsWith("已登记【每日调度】廊坊市第一组 10月13日（周二）：").contains("还缺少：督办问题核查数。")
                .doesNotContain("检查企业数。"));
        assertThat(row(board("2026-10-13"), "廊坊市第一组", org.cityB()).get("missingItems").toString())
                .contains("督办问题核查数");
        reply = say(org.otherCityChat(), org.otherCityMember(), "日报 督办问题核查数：无");
        assertThat(reply).singleElement().satisfies(r -> assertThat(r.text()).contains("已更新本日报送",
                "检查企业数：5", "督办问题核查数：0").doesNotContain("还缺少"));

        // chatter in the window is not a report
        assertThat(say(org.centralChat(), "center-lead-" + org.tag(), "好的，今晚大家注意安全")).isEmpty();

        JsonNode board = board("2026-10-13");
        JsonNode first = row(board, "保定市第一组", org.cityA());
        assertThat(first.get("status").asText()).isEqualTo("SUBMITTED");
        assertThat(first.get("chatId").asText()).isEqualTo(org.ordinaryChat());
        assertThat(first.get("submittedAt").asText()).isEqualTo("2026-10-13T17:40+08:00");
        assertThat(first.get("fields").get("enterprisesChecked").asLong()).isEqualTo(12);
        JsonNode other = row(board, "廊坊市第一组", org.cityB());
        assertThat(other.get("status").asText()).isEqualTo("SUBMITTED");
        assertThat(other.get("fields").get("assignedChecked").asLong()).isZero();
        assertThat(other.get("fields").get("enterprisesChecked").asLong()).as("kept from the first report")
                .isEqualTo(5);
        assertThat(other.get("missingItems")).isEmpty();
        JsonNode central = row(board, "保定市中心组", org.cityA());
        assertThat(central.get("status").asText()).isEqualTo("MISSING");
        assertThat(central.get("submittedAt").isNull()).isTrue();

        // the reminders go to the missing group only, @-mentioning its leader
        at(10, 13, 19, 0);
        stages.tick();
        assertThat(said(org.centralChat(), "REMINDER")).singleElement().satisfies(r -> {
            assertThat(r.text()).startsWith("【调度提醒】本群10月13日（周二）工作调度尚未报送，请于21:00前回复");
            assertThat(r.mentions()).isEqualTo("center-lead-" + org.tag());
        });
        assertThat(said(org.ordinaryChat(), "REMINDER")).isEmpty();
        assertThat(said(org.otherCityChat(), "REMINDER")).isEmpty();
        at(10, 13, 19, 30);
        stages.tick();
        assertThat(said(org.centralChat(), "REMINDER")).as("nothing new until the next reminder time").hasSize(1);
        at(10, 13, 20, 30);
        stages.tick();
        assertThat(said(org.centralChat(), "REMINDER")).hasSize(2);

        // close: the missing group is escalated to its city's central group and to the bureau; then the summary
        at(10, 13, 21, 0);
        stages.tick();
        List<Said> escalation = said(org.centralChat(), "REMINDER");
        assertThat(escalation).hasSize(3);
        assertThat(escalation.get(2).text()).startsWith("【调度未报】10月13日（周二）截至21:00，" + org.cityA()
                + "以下1个工作组未报送工作调度：").contains("- 保定市中心组");
        assertThat(said(org.bureauChat(), "REMINDER")).singleElement().satisfies(r -> assertThat(r.text())
                .startsWith("【调度未报】10月13日（周二）截至21:00").contains(org.cityA() + "：保定市中心组"));

        Said bureauSummary = said(org.bureauChat(), "SUMMARY").get(0);
        assertThat(bureauSummary.format()).isEqualTo("MARKDOWN");
        assertThat(bureauSummary.text()).startsWith("### 10月13日（周二）工作调度汇总")
                .contains("**按城市**", "- " + org.cityA() + "：已报 1/2；检查企业数 12，发现问题数 3",
                        "- " + org.cityB() + "：已报 1/1；检查企业数 5，发现问题数 2",
                        "**按包保单位**", "- " + org.unitA() + "：已报 1/2", "**按工作组类型**", "**未报**：");
        Said citySummary = said(org.centralChat(), "SUMMARY").get(0);
        assertThat(citySummary.text()).startsWith("### " + org.cityA() + "10月13日（周二）工作调度汇总")
                .contains("> 应报 2 组，已报 1 组（按时 1，迟报 0），未报 1 组，报送率 50%", "- 保定市第一组：已报 17:40；检查企业数 12",
                        "- 保定市中心组：未报")
                .doesNotContain(org.cityB());
        assertThat(said(org.otherCityChat(), "SUMMARY")).as("an ordinary group gets no summary").isEmpty();

        // a report after the close is late
        at(10, 13, 21, 20);
        reply = say(org.centralChat(), "center-lead-" + org.tag(),
                "日报 检查企业数：3，发现问题数：0，督办问题核查数：1，明日计划：随市局开展夜查");
        assertThat(reply).singleElement().satisfies(r -> assertThat(r.text()).contains("21:00截止后报送，记为迟报"));
        assertThat(row(board("2026-10-13"), "保定市中心组", org.cityA()).get("status").asText()).isEqualTo("LATE");

        // and nothing more happens that day, however often the tick runs
        int before = said(org.centralChat()).size();
        at(10, 13, 23, 59);
        stages.tick();
        stages.tick();
        assertThat(said(org.centralChat())).hasSize(before);
    }

    @Test
    void aReportLackingARequiredItemIsNudgedForItAndEscalatedAsIncomplete() {
        at(10, 26, 17, 0);
        stages.tick();
        at(10, 26, 17, 30);
        say(org.ordinaryChat(), org.member(), "日报 检查企业数：4，发现问题数：1，督办问题核查数：0");
        say(org.otherCityChat(), org.otherCityMember(), "日报 检查企业数：5，发现问题数：2，督办问题核查数：0，明日计划：巡查");

        // the status stays as the contract has it; whether the report is complete is a field of its own
        JsonNode board = board("2026-10-26");
        JsonNode lacking = row(board, "保定市第一组", org.cityA());
        assertThat(lacking.get("status").asText()).isEqualTo("SUBMITTED");
        assertThat(lacking.get("complete").asBoolean()).isFalse();
        assertThat(lacking.get("missingItems").toString()).isEqualTo("[\"明日计划\"]");
        assertThat(row(board, "廊坊市第一组", org.cityB()).get("complete").asBoolean()).isTrue();
        assertThat(board.get("counts").get("incomplete").asInt()).isEqualTo(1);

        // the reminder names the missing item, to the group that reported without it (@ its leader)
        at(10, 26, 19, 0);
        stages.tick();
        assertThat(said(org.ordinaryChat(), "REMINDER")).singleElement().satisfies(r -> {
            assertThat(r.text()).startsWith("【调度提醒】本群10月26日（周一）工作调度还缺少必填项：明日计划，请于21:00前补充。")
                    .contains("日报 明日计划：");
            assertThat(r.mentions()).isEqualTo(org.leader());
        });
        assertThat(said(org.otherCityChat(), "REMINDER")).as("complete").isEmpty();

        // at close it is escalated as incomplete, beside the missing central group
        at(10, 26, 21, 0);
        stages.tick();
        List<Said> toCity = said(org.centralChat(), "REMINDER");
        assertThat(toCity.get(toCity.size() - 1).text()).startsWith("【调度未报】10月26日（周一）截至21:00，" + org.cityA())
                .contains("以下1个工作组未报送工作调度：\n- 保定市中心组", "以下1个工作组报送不完整：\n- 保定市第一组（"
                        + org.unitA() + "）：缺明日计划");
        assertThat(said(org.bureauChat(), "REMINDER")).last().satisfies(r -> assertThat(r.text())
                .contains("共1个工作组报送不完整：\n" + org.cityA() + "：保定市第一组（缺明日计划）"));
        assertThat(said(org.bureauChat(), "SUMMARY")).last().satisfies(r -> assertThat(r.text())
                .contains("已报中完整 1 组，缺项 1 组", "- " + org.cityA() + "：已报 1/2（缺项 1）",
                        "**缺项**：" + org.cityA() + "保定市第一组（缺明日计划）"));
        JsonNode range = call("GET", "/api/v1/dispatch/range?from=2026-10-26&to=2026-10-26", null).body();
        assertThat(range.get("groups")).anySatisfy(g -> {
            assertThat(g.get("name").asText()).isEqualTo("保定市第一组");
            assertThat(g.get("city").asText()).isEqualTo(org.cityA());
            assertThat(g.get("incomplete").asInt()).isEqualTo(1);
        });
    }

    @Test
    void aCentralGroupThatDoesNotReportThatDayStillGetsItsCitysEscalationAndSummary() {
        // the central groups of this round are off the dispatch; the ordinary groups report as usual
        Map<String, Object> plan = new HashMap<>();
        plan.put("round", org.round());
        plan.put("kind", "CENTRAL");
        plan.put("enabled", false);
        plan.put("fields", List.of(Map.of("label", "检查企业数", "kind", "NUMBER", "required", true)));
        plan.put("promptAt", "17:00");
        plan.put("reminders", List.of("19:00"));
        plan.put("closeAt", "21:00");
        plan.put("days", "WORKDAYS");
        Answer saved = call("PUT", "/api/v1/dispatch/plans", plan);
        assertThat(saved.status()).as(saved.text()).isEqualTo(200);
        String key = saved.body().get("key").asText();
        try {
            at(10, 27, 17, 0);
            stages.tick();
            assertThat(said(org.centralChat(), "PROMPT")).as("not asked").isEmpty();
            assertThat(board("2026-10-27").get("groups")).noneMatch(g -> g.get("workGroup").asText().equals("保定市中心组")
                    && g.get("city").asText().equals(org.cityA()));
            at(10, 27, 21, 0);
            stages.tick();
            assertThat(said(org.centralChat(), "REMINDER")).singleElement().satisfies(r -> {
                assertThat(r.text()).startsWith("【调度未报】10月27日（周二）截至21:00，" + org.cityA())
                        .contains("- 保定市第一组");
                assertThat(r.mentions()).as("@ the central group's leader").isEqualTo("center-lead-" + org.tag());
            });
            assertThat(said(org.centralChat(), "SUMMARY")).singleElement().satisfies(r -> assertThat(r.text())
                    .startsWith("### " + org.cityA() + "10月27日（周二）工作调度汇总").contains("- 保定市第一组：未报"));
        } finally {
            assertThat(call("DELETE", "/api/v1/dispatch/plans/" + java.net.URLEncoder.encode(key,
                    java.nio.charset.StandardCharsets.UTF_8), null).status()).isEqualTo(204);
        }
    }

    @Test
    void noPromptOnAPublicHolidayAndAReportThatDayIsFiledNotExpected() {
        for (int hour : new int[] {17, 19, 20, 21, 22}) {
            at(10, 5, hour, 30);
            stages.tick();
        }
        chats().forEach(chat -> assertThat(said(chat)).as("国庆节 is a day off").isEmpty());
        assertThat(board("2026-10-05").get("dayKind").asText()).isEqualTo("国庆节假期");

        at(10, 5, 18, 0);
        List<Said> reply = say(org.ordinaryChat(), org.leader(),
                "日报 检查企业数：2，发现问题数：0，督办问题核查数：0，明日计划：节后复查");
        assertThat(reply).singleElement().satisfies(r -> assertThat(r.text())
                .contains("今天（国庆节假期）不是调度日，本条已存档备查，不计入调度统计。"));
        JsonNode row = row(board("2026-10-05"), "保定市第一组", org.cityA());
        assertThat(row.get("expected").asBoolean()).isFalse();
        assertThat(row.get("status").asText()).isEqualTo("SUBMITTED");
        assertThat(board("2026-10-05").findValuesAsText("workGroup")).doesNotContain("保定市中心组");
    }

    @Test
    void aMakeUpSaturdayIsAWorkingDayAndTheSundayAfterIsNot() {
        at(10, 10, 17, 0);
        stages.tick();
        for (String chat : chats()) {
            assertThat(said(chat, "PROMPT")).singleElement().satisfies(p -> assertThat(p.text())
                    .startsWith("【每日工作调度】10月10日（周六）国庆节调休上班"));
        }
        at(10, 11, 17, 0);
        stages.tick();
        chats().forEach(chat -> assertThat(said(chat, "PROMPT")).as("Sunday").hasSize(1));
        assertThat(board("2026-10-10").get("dayKind").asText()).isEqualTo("国庆节调休上班");
        assertThat(board("2026-10-11").findValuesAsText("workGroup")).doesNotContain("保定市中心组");
    }

    @Test
    void theCloseTimeItselfIsOnTimeASecondLaterIsLate() {
        at(10, 14, 17, 0);
        stages.tick();
        at(10, 14, 21, 0, 0);
        say(org.ordinaryChat(), org.member(), "日报 检查企业数：4，发现问题数：1，督办问题核查数：0，明日计划：继续");
        at(10, 14, 21, 0, 1);
        say(org.otherCityChat(), org.otherCityMember(), "日报 检查企业数：6，发现问题数：2，督办问题核查数：1，明日计划：继续");

        JsonNode board = board("2026-10-14");
        assertThat(row(board, "保定市第一组", org.cityA()).get("status").asText()).isEqualTo("SUBMITTED");
        assertThat(row(board, "廊坊市第一组", org.cityB()).get("status").asText()).isEqualTo("LATE");
        assertThat(row(board, "保定市中心组", org.cityA()).get("status").asText()).isEqualTo("MISSING");

        // a late group that corrects its report stays late; an on-time one that corrects stays on time
        at(10, 14, 21, 30);
        say(org.ordinaryChat(), org.member(), "日报 发现问题数：2");
        say(org.otherCityChat(), org.otherCityMember(), "日报 发现问题数：3");
        board = board("2026-10-14");
        assertThat(row(board, "保定市第一组", org.cityA()).get("status").asText()).isEqualTo("SUBMITTED");
        assertThat(row(board, "保定市第一组", org.cityA()).get("fields").get("problemsFound").asLong()).isEqualTo(2);
        assertThat(row(board, "廊坊市第一组", org.cityB()).get("status").asText()).isEqualTo("LATE");
    }

    @Test
    void aReportThisInstanceDidNotFileIsReplacedAndItsItemsKept() {
        at(10, 23, 17, 0);
        stages.tick();
        LocalDate day = LocalDate.of(2026, 10, 23);
        long ordinary = groupId("保定市第一组", org.cityA());
        long otherCity = groupId("廊坊市第一组", org.cityB());

        // the bot files a report, then another instance replaces it (straight into the database)
        at(10, 23, 18, 0);
        say(org.ordinaryChat(), org.member(), "日报 检查企业数：4，发现问题数：1，督办问题核查数：0，明日计划：继续");
        dispatchMapper.retire(day, ordinary);
        long theirs = dispatchMapper.insertCurrent(new DailyReportRow(null, day, ordinary, 0L, "u", "组长",
                CLOCK.instant(), false, Map.of("enterprisesChecked", 9L, "problemsFound", 2L,
                "assignedChecked", 1L, "tomorrowPlan", "夜查"), "", true));
        // and another group's first report of the day is filed by another instance only
        dispatchMapper.insertCurrent(new DailyReportRow(null, day, otherCity, 0L, "u", "组长", CLOCK.instant(), false,
                Map.of("enterprisesChecked", 6L, "problemsFound", 3L, "assignedChecked", 0L, "tomorrowPlan", "复查"),
                "", true));

        at(10, 23, 18, 30);
        assertThat(say(org.ordinaryChat(), org.member(), "日报 发现问题数：5")).singleElement()
                .satisfies(reply -> assertThat(reply.text()).contains("更新").doesNotContain("还缺"));
        assertThat(say(org.otherCityChat(), org.otherCityMember(), "日报 督办问题核查数：2")).singleElement()
                .satisfies(reply -> assertThat(reply.text()).contains("更新").doesNotContain("还缺"));

        JsonNode board = board("2026-10-23");
        JsonNode mine = row(board, "保定市第一组", org.cityA()).get("fields");
        assertThat(mine.get("enterprisesChecked").asLong()).as("kept from the other instance's report").isEqualTo(9);
        assertThat(mine.get("problemsFound").asLong()).isEqualTo(5);
        assertThat(mine.get("tomorrowPlan").asText()).isEqualTo("夜查");
        JsonNode other = row(board, "廊坊市第一组", org.cityB()).get("fields");
        assertThat(other.get("enterprisesChecked").asLong()).isEqualTo(6);
        assertThat(other.get("assignedChecked").asLong()).isEqualTo(2);
        assertThat(dispatchMapper.historyOf(day, ordinary)).as("one current report, the earlier ones kept")
                .extracting(DailyReportRow::current).containsExactly(true, false, false);
        assertThat(dispatchMapper.historyOf(day, ordinary).get(1).id()).isEqualTo(theirs);
        assertThat(dispatchMapper.historyOf(day, otherCity)).extracting(DailyReportRow::current)
                .containsExactly(true, false);

        // and the instance knows its own report from then on: a third one replaces the second, not the first
        at(10, 23, 19, 0);
        say(org.ordinaryChat(), org.member(), "日报 明日计划：白天检查");
        assertThat(row(board("2026-10-23"), "保定市第一组", org.cityA()).get("fields").get("problemsFound").asLong())
                .isEqualTo(5);
        assertThat(dispatchMapper.historyOf(day, ordinary)).extracting(DailyReportRow::current)
                .containsExactly(true, false, false, false);
    }

    private long groupId(String name, String city) {
        return directory.snapshot().groups().stream()
                .filter(g -> g.name().equals(name) && city.equals(directory.snapshot().cityName(g.cityId())))
                .findFirst().orElseThrow().id();
    }

    @Test
    void aBotBackAfterAStopRunsOnlyTheLatestStageAndCatchesUpAMissedClose() {
        // down at 17:00: back at 19:30, the groups get the prompt (late), not a reminder for a prompt never sent
        at(10, 15, 19, 30);
        stages.tick();
        assertThat(said(org.ordinaryChat(), "PROMPT")).hasSize(1);
        assertThat(said(org.ordinaryChat(), "REMINDER")).isEmpty();
        at(10, 15, 20, 30);
        stages.tick();
        assertThat(said(org.ordinaryChat(), "REMINDER")).hasSize(1);

        // the next day: prompted, then down from 18:00 to the next morning; the close and the summary catch up
        at(10, 16, 17, 0);
        stages.tick();
        at(10, 17, 8, 0);
        stages.tick();
        assertThat(said(org.bureauChat(), "REMINDER")).anySatisfy(r -> assertThat(r.text())
                .startsWith("【调度未报】10月16日（周五）截至21:00"));
        assertThat(said(org.bureauChat(), "SUMMARY")).anySatisfy(r -> assertThat(r.text())
                .startsWith("### 10月16日（周五）工作调度汇总"));
        assertThat(said(org.ordinaryChat(), "REMINDER").stream().filter(r -> r.text().contains("10月16日")))
                .as("no reminders in the night").isEmpty();
    }

    @Test
    void twoInstancesTickingAtOnceSayEverythingOnce() {
        at(10, 19, 17, 0);
        List<CompletableFuture<Void>> ticks = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ticks.add(CompletableFuture.runAsync(stages::tick));
        }
        ticks.forEach(CompletableFuture::join);
        chats().forEach(chat -> assertThat(said(chat, "PROMPT")).hasSize(1));
    }

    @Test
    void remindOnDemandThroughTheApiAndTheCommand() {
        at(10, 20, 17, 0);
        stages.tick();
        at(10, 20, 18, 0);
        say(org.ordinaryChat(), org.member(), "日报 检查企业数：4，发现问题数：1，督办问题核查数：0，明日计划：继续");

        Answer reminded = call("POST", "/api/v1/dispatch/2026-10-20/remind?city=" + org.cityA(), null);
        assertThat(reminded.status()).as(reminded.text()).isEqualTo(200);
        assertThat(reminded.body().get("reminded").findValuesAsText("workGroup")).containsExactly("保定市中心组");
        assertThat(said(org.centralChat(), "REMINDER")).singleElement()
                .satisfies(r -> assertThat(r.mentions()).isEqualTo("center-lead-" + org.tag()));
        assertThat(said(org.otherCityChat(), "REMINDER")).as("outside the filter").isEmpty();

        // 未报: a member may not; the central group's leader sees the city, and the missing ones are nudged
        assertThat(say(org.ordinaryChat(), org.member(), "未报")).singleElement().satisfies(r -> assertThat(r.text())
                .contains("仅限组长、派出单位协调联络员和执法局人员使用"));
        List<Said> answer = say(org.centralChat(), "center-lead-" + org.tag(), "未报");
        assertThat(answer).singleElement().satisfies(r -> assertThat(r.text())
                .startsWith("10月20日（周二）截至18:00，" + org.cityA() + "应报 2 组，未报 1 组：")
                .contains("- 保定市中心组（" + org.unitA() + "）", "已在以上各组群内提醒").doesNotContain("廊坊"));
        assertThat(said(org.centralChat(), "REMINDER")).hasSize(2);

        // the bureau sees everything; unknown words get a helpful answer
        assertThat(say(org.bureauChat(), org.staff(), "未报 " + org.cityB()).get(0).text())
                .contains(org.cityB() + "应报 1 组，未报 1 组", "- 廊坊市第一组");
        assertThat(say(org.bureauChat(), org.staff(), "未报 火星市").get(0).text())
                .startsWith("没有找到\u201c火星市\u201d。可以写城市、包保单位、组别");

        // 汇总 on demand, for the leader's city
        Said summary = say(org.centralChat(), "center-lead-" + org.tag(), "汇总").get(0);
        assertThat(summary.format()).isEqualTo("MARKDOWN");
        assertThat(summary.text()).startsWith("### " + org.cityA() + "10月20日（周二）工作调度汇总")
                .contains("（尚未截止）", "- 保定市第一组：已报 18:00；检查企业数 4");

        // the API refuses nonsense in Chinese
        Answer bad = call("GET", "/api/v1/dispatch/20261020", null);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().get("message").asText()).contains("不是有效日期");
        assertThat(call("POST", "/api/v1/dispatch/2026-10-21/remind", null).status()).isEqualTo(400);
    }

    @Test
    void anAutumnWinterPlanOfItsOwnRoundReportsEveryDayWithItsOwnItems() {
        Map<String, Object> plan = new HashMap<>();
        plan.put("round", org.round());
        plan.put("fields", List.of(
                Map.of("label", "检查企业数", "kind", "NUMBER", "required", true),
                Map.of("label", "夜查次数", "kind", "NUMBER", "required", true),
                Map.of("label", "明日计划", "kind", "TEXT", "required", true)));
        plan.put("promptAt", "16:00");
        plan.put("reminders", List.of("20:00"));
        plan.put("closeAt", "22:00");
        plan.put("days", "AUTUMN_WINTER_EVERY_DAY");
        Answer saved = call("PUT", "/api/v1/dispatch/plans", plan);
        assertThat(saved.status()).as(saved.text()).isEqualTo(200);
        String key = saved.body().get("key").asText();
        assertThat(key).startsWith("round:");
        assertThat(saved.body().get("fields").findValuesAsText("code")).containsExactly("enterprisesChecked", "item1",
                "tomorrowPlan");

        // Sunday 18 October is in the autumn-winter period: this round reports, the others (default plan) do not
        at(10, 18, 16, 0);
        stages.tick();
        for (String chat : chats()) {
            assertThat(said(chat, "PROMPT")).singleElement().satisfies(p -> assertThat(p.text())
                    .startsWith("【每日工作调度】10月18日（周日）休息日").contains("请于22:00前", "夜查次数（必填）")
                    .doesNotContain("督办问题核查数"));
        }
        at(10, 18, 16, 30);
        List<Said> reply = say(org.ordinaryChat(), org.leader(), "日报 检查企业3家，夜查两次，明天继续夜查");
        assertThat(reply).singleElement().satisfies(r -> assertThat(r.text())
                .contains("检查企业数：3", "夜查次数：2", "明日计划：继续夜查").doesNotContain("还缺少"));
        JsonNode row = row(board("2026-10-18"), "保定市第一组", org.cityA());
        assertThat(row.get("fields").get("item1").asLong()).isEqualTo(2);
        assertThat(row.get("status").asText()).isEqualTo("SUBMITTED");

        // a bad plan is refused in Chinese and changes nothing
        plan.put("closeAt", "15:00");
        Answer refused = call("PUT", "/api/v1/dispatch/plans", plan);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().get("message").asText()).isEqualTo("closeAt：截止时间应晚于提示时间");
        plan.put("closeAt", "22:00");
        plan.put("round", "不存在的轮次");
        assertThat(call("PUT", "/api/v1/dispatch/plans", plan).body().get("message").asText())
                .contains("没有名为\u201c不存在的轮次\u201d的轮次");
        assertThat(call("GET", "/api/v1/dispatch/plans", null).body().findValuesAsText("key")).contains(key, "default");

        assertThat(call("DELETE", "/api/v1/dispatch/plans/" + key, null).status()).isEqualTo(204);
        assertThat(call("DELETE", "/api/v1/dispatch/plans/" + key, null).status()).isEqualTo(404);
    }

    @Test
    void aPlanChangedOnAnotherInstanceIsFollowedWithinASecondOneRolledBackNever() {
        at(10, 19, 16, 0);
        long round = directory.snapshot().roundNamed(org.round()).orElseThrow().id();
        String key = DispatchPlan.keyOf(round, null);
        assertThat(plans.all()).extracting(DispatchPlan::key).doesNotContain(key);
        try {
            // another instance saves a plan for this round: this one reads the plans again at most a second later
            dispatchMapper.upsertPlan(new DispatchPlanRow(null, key, round, null, true,
                    "[{\"code\":\"enterprisesChecked\",\"label\":\"检查企业数\",\"kind\":\"NUMBER\","
                            + "\"required\":true,\"aliases\":[]}]", "16:00", "", "23:00", "WORKDAYS", "other",
                    CLOCK.instant()));
            assertThat(plans.all()).as("read less than a second ago").extracting(DispatchPlan::key)
                    .doesNotContain(key);
            at(10, 19, 16, 0, 1);
            assertThat(plans.all()).filteredOn(p -> p.key().equals(key)).singleElement()
                    .satisfies(p -> assertThat(p.closeAt()).isEqualTo(LocalTime.of(23, 0)));

            // this instance's own change is seen at once; one rolled back is never kept, though read inside it
            plans.remove(key, "test");
            assertThat(plans.all()).extracting(DispatchPlan::key).doesNotContain(key);
            new TransactionTemplate(transactions).executeWithoutResult(status -> {
                plans.save(round, null, true, List.of(new PlanItem(null, "检查企业数", FieldKind.NUMBER, true, null)),
                        "16:00", "", "22:30", ReportingDays.WORKDAYS, "test");
                assertThat(plans.all()).extracting(DispatchPlan::key).contains(key);
                status.setRollbackOnly();
            });
            assertThat(plans.all()).as("rolled back").extracting(DispatchPlan::key).doesNotContain(key);
        } finally {
            dispatchMapper.deletePlan(key);
        }
    }

    @Test
    void theCalendarIsEditableAndANewYearComesAsAFile() {
        JsonNode year = call("GET", "/api/v1/calendar?year=2026", null).body();
        assertThat(year.get("known").asBoolean()).isTrue();
        assertThat(year.get("days").findValuesAsText("date")).contains("2026-10-01", "2026-10-10");

        // a day off declared by hand: no prompt that day; taken back: the prompt goes out
        Answer set = call("PUT", "/api/v1/calendar/2026-10-22", Map.of("kind", "HOLIDAY", "name", "临时放假"));
        assertThat(set.status()).as(set.text()).isEqualTo(200);
        at(10, 22, 17, 0);
        stages.tick();
        chats().forEach(chat -> assertThat(said(chat, "PROMPT")).isEmpty());
        assertThat(board("2026-10-22").get("dayKind").asText()).isEqualTo("临时放假");
        assertThat(call("DELETE", "/api/v1/calendar/2026-10-22", null).status()).isEqualTo(204);
        at(10, 22, 17, 1);
        stages.tick();
        chats().forEach(chat -> assertThat(said(chat, "PROMPT")).hasSize(1));

        // next year's file: refused whole with every bad line named, then accepted
        Answer bad = call("POST", "/api/v1/calendar/import", "text/csv",
                "2027-01-01,HOLIDAY,元旦\n2027-02-30,HOLIDAY,春节\n2027-02-07,上课,春节调休\n");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().get("message").asText()).contains("第2行", "第3行").doesNotContain("第1行");
        assertThat(call("GET", "/api/v1/calendar?year=2027", null).body().get("known").asBoolean()).isFalse();
        Answer good = call("POST", "/api/v1/calendar/import", "text/csv",
                "# 2027\n2027-01-01,HOLIDAY,元旦\n2027-02-07,WORKDAY,春节调休上班\n");
        assertThat(good.status()).as(good.text()).isEqualTo(200);
        assertThat(good.body().get("changed").asInt()).isEqualTo(2);
        assertThat(call("GET", "/api/v1/calendar?year=2027", null).body().get("known").asBoolean()).isTrue();
    }

    @Test
    void quartzRunsTheDispatch(@Autowired Scheduler scheduler, @Autowired RecurringJobs jobs) throws Exception {
        // registered the way DispatchSchedule does at start, on a cron that never fires by itself in this test
        jobs.ensure(DispatchSchedule.JOB, DispatchTickJob.class, "0 0 0 1 1 ? 2099", null);
        at(10, 21, 17, 0);
        scheduler.triggerJob(JobKey.jobKey(DispatchSchedule.JOB, "recurring"));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                chats().forEach(chat -> assertThat(said(chat, "PROMPT")).hasSize(1)));
        jobs.remove(DispatchSchedule.JOB);
    }
}
