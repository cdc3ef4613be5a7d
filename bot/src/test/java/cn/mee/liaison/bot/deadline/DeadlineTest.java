package cn.mee.liaison.bot.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.mee.liaison.bot.support.RunningBot;
import cn.mee.liaison.bot.support.TestOrganisation;
import cn.mee.liaison.scheduler.jobs.RecurringJobs;
import cn.mee.liaison.testsupport.MutableClock;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.listeners.JobListenerSupport;
import org.quartz.impl.matchers.KeyMatcher;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Deadlines on a running bot with the clock moved by hand: the calendar through the API, reminders at their lead
 * times, reminders missed while the bot was down, overdue reminders and the escalation, closing the loop by chat and
 * API, a feedback meeting moving the next due date, 延后, and Quartz firing after a stop. Each test has its own
 * organisation (tests share the database and the reminder tick sees every organisation's deadlines).
 */
@Import(DeadlineTest.TestClock.class)
class DeadlineTest extends RunningBot {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final MutableClock CLOCK = MutableClock.at(LocalDateTime.of(2026, 12, 1, 10, 0));

    @TestConfiguration
    static class TestClock {
        @Bean
        @Primary
        Clock deadlineClock() {
            return CLOCK;
        }
    }

    @Autowired
    DeadlineReminders reminders;
    @Autowired
    JdbcTemplate jdbc;

    private TestOrganisation org;

    record Said(String purpose, String text, String targetType) {
    }

    @BeforeEach
    void organisation() {
        org = new TestOrganisation(UUID.randomUUID().toString().substring(0, 8));
        assertThat(call("PUT", "/api/v1/directory", org.document()).status()).isEqualTo(200);
    }

    private static void at(int year, int month, int day, int hour, int minute) {
        CLOCK.set(LocalDateTime.of(year, month, day, hour, minute));
    }

    private static void at(int month, int day, int hour, int minute) {
        at(2026, month, day, hour, minute);
    }

    private List<Said> said(String targetId) {
        return jdbc.query("SELECT purpose, content, target_type FROM outbox_message WHERE target_id = ? ORDER BY id",
                (rs, i) -> new Said(rs.getString(1), rs.getString(2), rs.getString(3)), targetId);
    }

    /** The reminders (and escalations) that reached a chat or a person about a deadline with this title. */
    private List<String> reminded(String targetId, String title) {
        return said(targetId).stream().filter(s -> s.purpose().equals("REMINDER") && s.text().contains(title))
                .map(Said::text).toList();
    }

    private List<String> say(String chatId, String userId, String text) {
        int before = said(chatId).size();
        Map<String, Object> message = new HashMap<>(Map.of("chatId", chatId, "userId", userId, "text", text));
        Answer answer = call("POST", "/api/v1/sandbox/messages", message);
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        List<Said> all = said(chatId);
        return all.subList(before, all.size()).stream().filter(s -> s.purpose().equals("REPLY"))
                .map(Said::text).toList();
    }

    private List<JsonNode> deadlines(String from, String to) {
        Answer answer = call("GET", "/api/v1/deadlines?from=" + from + "&to=" + to, null);
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        return StreamSupport.stream(answer.body().spliterator(), false).toList();
    }

    private JsonNode deadline(String from, String to, String kind, String titlePart) {
        return deadlines(from, to).stream()
                .filter(d -> d.get("kind").asText().equals(kind) && d.get("title").asText().contains(titlePart))
                .filter(d -> org.unitA().equals(d.get("unit").asText(null)) || org.unitB().equals(d.get("unit").asText(null))
                        || d.get("title").asText().contains(org.tag()))
                .findFirst().orElseThrow(() -> new AssertionError(kind + " " + titlePart + " not listed"));
    }

    private List<Instant> claimed(long deadlineId, String kind) {
        return jdbc.query("SELECT remind_at FROM deadline_reminder WHERE deadline_id = ? AND kind = ? ORDER BY remind_at",
                (rs, i) -> rs.getTimestamp(1).toInstant(), deadlineId, kind);
    }

    private static Instant shanghai(int month, int day, int hour) {
        return LocalDateTime.of(2026, month, day, hour, 0).atZone(SHANGHAI).toInstant();
    }

    @Test
    void theCalendarThroughTheApiAsTheContractSays() {
        at(12, 1, 10, 0);
        JsonNode report = deadline("2026-12-01", "2027-01-31", "QUARTERLY_REPORT", "2026年度");
        assertThat(report.get("title").asText()).isEqualTo("2026年度工作进展书面报告（第四季度）");
        assertThat(report.get("dueDate").asText()).isEqualTo("2026-12-31");
        assertThat(report.get("unit").asText()).isEqualTo(org.unitA());
        assertThat(report.get("city").isNull()).isTrue();
        assertThat(report.get("status").asText()).isEqualTo("OPEN");
        assertThat(report.has("id")).isTrue();

        JsonNode feedback = deadline("2026-12-01", "2027-01-31", "CITY_FEEDBACK", org.cityA());
        assertThat(feedback.get("dueDate").asText()).as("2 months after the round began on 11-01, inside autumn-winter")
                .isEqualTo("2027-01-01");
        assertThat(feedback.get("unit").asText()).as("owed by the city's lead unit").isEqualTo(org.unitA());
        assertThat(feedback.get("city").asText()).isEqualTo(org.cityA());

        JsonNode summary = deadline("2026-12-01", "2027-01-31", "ROUND_SUMMARY", org.round() + "工作总结");
        assertThat(summary.get("dueDate").asText()).isEqualTo("2026-12-31");
        assertThat(deadline("2026-12-01", "2027-01-31", "ROUND_SUMMARY", "考评建议").get("obligation").asText())
                .as("the evaluation is a round-end obligation").isEqualTo("EVALUATION");

        // the past too: a unit owes from the start of its first round, so this one (from 2026-11-01) owes nothing
        // earlier, while a unit there in 2019 still owes the 2019 stage report, never marked done: overdue
        assertThat(deadlines("2019-01-01", "2026-10-31")).noneMatch(d -> org.unitA().equals(d.get("unit").asText(null))
                || org.unitB().equals(d.get("unit").asText(null)));
        TestOrganisation in2019 = new TestOrganisation(UUID.randomUUID().toString().substring(0, 8));
        assertThat(call("PUT", "/api/v1/directory", in2019.document("2019-06-01", "2019-12-31")).status())
                .isEqualTo(200);
        List<JsonNode> reports2019 = deadlines("2019-01-01", "2019-12-31").stream()
                .filter(d -> in2019.unitA().equals(d.get("unit").asText(null))
                        && d.get("kind").asText().equals("QUARTERLY_REPORT")).toList();
        assertThat(reports2019).extracting(d -> d.get("dueDate").asText()).containsExactly("2019-08-31", "2019-12-31");
        assertThat(reports2019.get(0).get("title").asText()).contains("2019年前一阶段");
        assertThat(reports2019.get(0).get("status").asText()).isEqualTo("OVERDUE");

        // a custom one, then done
        Answer added = call("POST", "/api/v1/deadlines", Map.of("title", "报送秋冬季攻坚方案", "dueDate", "2026-12-20",
                "unit", org.unitB()));
        assertThat(added.status()).as(added.text()).isEqualTo(201);
        long id = added.body().get("id").asLong();
        assertThat(added.body().get("kind").asText()).isEqualTo("CUSTOM");
        assertThat(deadlines("2026-12-20", "2026-12-20")).anyMatch(d -> d.get("id").asLong() == id
                && d.get("status").asText().equals("OPEN") && d.get("unit").asText().equals(org.unitB()));
        Answer done = call("POST", "/api/v1/deadlines/" + id + "/done", Map.of("note", "已按时报送"));
        assertThat(done.status()).as(done.text()).isEqualTo(200);
        assertThat(done.body().get("status").asText()).isEqualTo("DONE");
        assertThat(done.body().get("doneBy").asText()).isEqualTo("admin");
        assertThat(deadlines("2026-12-20", "2026-12-20")).anyMatch(d -> d.get("id").asLong() == id
                && d.get("status").asText().equals("DONE"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE action = 'DEADLINE_DONE' AND actor = 'admin'"
                + " AND target = '报送秋冬季攻坚方案'", Integer.class)).isGreaterThanOrEqualTo(1);

        // bad input: a clear answer in Chinese naming the field, nothing stored
        Answer badDate = call("POST", "/api/v1/deadlines", Map.of("title", "无效", "dueDate", "2026-13-01"));
        assertThat(badDate.status()).isEqualTo(400);
        assertThat(badDate.body().get("message").asText()).startsWith("dueDate：").contains("YYYY-MM-DD");
        Answer noTitle = call("POST", "/api/v1/deadlines", Map.of("title", " ", "dueDate", "2026-12-20"));
        assertThat(noTitle.status()).isEqualTo(400);
        assertThat(noTitle.body().get("message").asText()).startsWith("title：");
        Answer badUnit = call("POST", "/api/v1/deadlines", Map.of("title", "x", "dueDate", "2026-12-20", "unit", "不存在的单位"));
        assertThat(badUnit.status()).isEqualTo(400);
        assertThat(badUnit.body().get("message").asText()).contains("不存在的单位");
        assertThat(call("GET", "/api/v1/deadlines?from=2026-12-01&to=2026-11-01", null).status()).isEqualTo(400);
        assertThat(call("GET", "/api/v1/deadlines?from=昨天", null).body().get("message").asText()).startsWith("from：");
        assertThat(call("POST", "/api/v1/deadlines/987654321/done", null).status()).isEqualTo(404);
        assertThat(call("nobody", "wrong", "GET", "/api/v1/deadlines", null).status()).isEqualTo(401);
    }

    @Test
    void remindersGoOutAtTheirLeadTimesOnceEachAndStopWhenTheReportIsDone() {
        String title = "2026年度工作进展书面报告（第四季度）（" + org.unitA() + "）";
        at(12, 17, 8, 0);
        reminders.tick();
        at(12, 17, 8, 59);
        reminders.tick();
        assertThat(reminded(org.coordinatorA(), title)).as("not before 09:00").isEmpty();

        at(12, 17, 9, 0);
        reminders.tick();
        // the coordinator owes the round's summary and evaluation too, due the same day, and the personnel list of
        // the round after it (none entered yet: due 7 days before this one ends): one message lists all four
        assertThat(reminded(org.coordinatorA(), title)).singleElement()
                .satisfies(t -> assertThat(t).startsWith("【截止提醒】以下4项事项需要办理：\n1. " + org.round()
                                + "之后下一轮人员名单将于12月24日（周四）截止，还有7天（编号 ")
                        .contains("\n2. " + title + "将于12月31日（周四）截止，还有14天（编号 ",
                                "。完成后回复\u201c已报送 2026年第四季度\u201d。\n3. ", "工作总结将于12月31日（周四）截止",
                                "考评建议（可推荐1-2名个人）将于12月31日（周四）截止")
                        .endsWith("\n如需延后提醒，回复\u201c延后 3天\u201d（以上全部）或\u201c延后 3天 编号\u201d（其中一项）。"));
        assertThat(said(org.coordinatorA())).allMatch(s -> s.targetType().equals("USER"));
        assertThat(reminded(org.centralChat(), title)).hasSize(1);
        assertThat(reminded(org.ordinaryChat(), title)).as("the report alone: the reminder of one deadline")
                .singleElement().asString().isEqualTo("【截止提醒】" + title + "将于12月31日（周四）截止，还有14天。\n"
                        + "完成后请回复\u201c已报送 2026年第四季度\u201d；如需延后提醒，回复\u201c延后 3天\u201d。");
        assertThat(reminded(org.otherCityChat(), title)).as("another unit's group").isEmpty();

        at(12, 17, 9, 5);
        reminders.tick();
        reminders.tick();
        assertThat(reminded(org.coordinatorA(), title)).as("each reminder once").hasSize(1);

        at(12, 24, 9, 0);
        reminders.tick();
        assertThat(reminded(org.coordinatorA(), title)).hasSize(2).last().asString().contains("还有7天");

        // the bot is down from 12-24 to 12-30 10:00: T-3 and T-1 were missed; they are claimed once, told once
        at(12, 30, 10, 0);
        reminders.tick();
        reminders.tick();
        assertThat(reminded(org.coordinatorA(), title)).hasSize(3).last().asString().contains("还有1天");
        assertThat(reminded(org.ordinaryChat(), title)).hasSize(3);
        long id = deadline("2026-12-31", "2026-12-31", "QUARTERLY_REPORT", "2026年度").get("id").asLong();
        assertThat(claimed(id, "REMIND")).containsExactly(shanghai(12, 17, 9), shanghai(12, 24, 9),
                shanghai(12, 28, 9), shanghai(12, 30, 9));

        // a plain member may not close it; the leader of one of the unit's groups may
        assertThat(say(org.ordinaryChat(), org.member(), "已报送 2026年第四季度")).singleElement().asString()
                .contains("仅限组长、派出单位协调联络员和执法局人员使用");
        assertThat(say(org.ordinaryChat(), org.leader(), "已报送 2026年第三季度")).singleElement().asString()
                .as("the unit joined with the round on 11-01: it owes no third-quarter report")
                .startsWith(org.unitA() + "没有该季度的书面报告期限");
        assertThat(say(org.ordinaryChat(), org.leader(), "已报送")).singleElement().asString()
                .as("the fourth quarter's is the only one it owes: no question which")
                .startsWith("已确认完成，相关提醒已停止：\n[" + id + "] 2026年度工作进展书面报告（第四季度）（" + org.unitA() + "） 2026-12-31截止");
        assertThat(say(org.ordinaryChat(), org.leader(), "已报送 2026年第四季度")).singleElement().asString()
                .contains("无需重复确认");
        assertThat(say(org.ordinaryChat(), org.leader(), "已报送 " + org.unitB() + " 四季度")).singleElement()
                .asString().as("another unit's report").contains("不由您负责");

        at(12, 31, 9, 0);
        reminders.tick();
        at(2027, 1, 1, 9, 30);
        reminders.tick();
        assertThat(reminded(org.coordinatorA(), title)).as("done: no more reminders").hasSize(3);
        assertThat(said(org.bureauChat())).noneMatch(s -> s.text().contains(title));
        JsonNode done = deadline("2026-12-31", "2026-12-31", "QUARTERLY_REPORT", "2026年度");
        assertThat(done.get("status").asText()).isEqualTo("DONE");
        assertThat(done.get("doneBy").asText()).isEqualTo("chat:" + org.leader());
        assertThat(done.get("doneNote").asText()).contains("张三在保定市第一组群内确认");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE action = 'DEADLINE_DONE' AND actor = ?",
                Integer.class, "chat:" + org.leader())).isEqualTo(1);
    }

    @Test
    void anOverdueDeadlineIsRemindedDailyEscalatedOnceSnoozedAndClosedByNumber() {
        at(12, 8, 10, 0);
        List<String> added = say(org.bureauChat(), org.staff(), "新增截止 12月10日 " + org.unitB() + " 报送秋冬季攻坚方案");
        assertThat(added).singleElement().asString().startsWith("已新增截止事项，将按提醒设置提前提醒：\n[")
                .endsWith("] 报送秋冬季攻坚方案（" + org.unitB() + "） 2026-12-10截止");
        String number = added.get(0).replaceAll("(?s).*\\[(\\d+)].*", "$1");
        assertThat(say(org.ordinaryChat(), org.leader(), "新增截止 12月10日 无权新增")).singleElement().asString()
                .contains("仅限执法局人员");

        at(12, 8, 10, 1);
        reminders.tick();
        String title = "报送秋冬季攻坚方案";
        assertThat(reminded(org.otherCityChat(), title)).as("reminders due before it was added are not sent").isEmpty();
        at(12, 9, 9, 0);
        reminders.tick();
        at(12, 10, 9, 0);
        reminders.tick();
        at(12, 11, 9, 0);
        reminders.tick();
        assertThat(reminded(org.otherCityChat(), title)).hasSize(3).satisfies(texts -> {
            assertThat(texts.get(0)).contains("还有1天");
            assertThat(texts.get(1)).contains("今天（12月10日（周四））截止");
            assertThat(texts.get(2)).startsWith("【逾期提醒】").contains("已逾期1天");
        });
        assertThat(reminded("coord-b-" + org.tag(), title)).hasSize(3);
        assertThat(reminded(org.bureauChat(), title)).singleElement().asString().startsWith("【逾期未完成】");
        at(12, 12, 9, 0);
        reminders.tick();
        assertThat(reminded(org.otherCityChat(), title)).hasSize(4);
        assertThat(reminded(org.bureauChat(), title)).as("escalated once").hasSize(1);

        // 待办 in the group's chat lists it as overdue, with its number
        assertThat(say(org.otherCityChat(), org.otherCityMember(), "待办")).singleElement().asString()
                .contains("【已逾期】", "[" + number + "] 报送秋冬季攻坚方案（" + org.unitB() + "） 2026-12-10截止");

        // 延后 2天: the reminders of 12-13 and 12-14 09:00 wait until 12-14 10:00, then come as one
        at(12, 12, 10, 0);
        assertThat(say(org.otherCityChat(), org.otherCityMember(), "延后2天")).singleElement().asString()
                .startsWith("好的，以下截止事项的提醒延后 2 天（至 2026-12-14 10:00），截止日期不变：")
                .contains("[" + number + "]");
        at(12, 13, 9, 0);
        reminders.tick();
        at(12, 14, 9, 30);
        reminders.tick();
        assertThat(reminded(org.otherCityChat(), title)).hasSize(4);
        at(12, 14, 10, 0);
        reminders.tick();
        assertThat(reminded(org.otherCityChat(), title)).hasSize(5).last().asString().contains("已逾期4天");
        assertThat(say(org.otherCityChat(), org.otherCityMember(), "延后 四十天")).singleElement().asString()
                .contains("最多延后 30 天");
        assertThat(say(org.otherCityChat(), org.otherCityMember(), "延后 明天")).singleElement().asString()
                .contains("请写明延后几天");

        // closed by number; "已完成，谢谢" is chat, not the command
        assertThat(say(org.otherCityChat(), org.otherCityMember(), "已完成，谢谢")).isEmpty();
        assertThat(say(org.otherCityChat(), org.otherCityMember(), "已完成 987654321")).singleElement().asString()
                .contains("没有编号为 987654321 的截止事项");
        assertThat(say(org.centralChat(), "center-lead-" + org.tag(), "已完成 " + number)).singleElement().asString()
                .as("another unit's").contains("不由您负责");
        assertThat(say(org.otherCityChat(), org.otherCityMember(), "已完成 " + number + " 已报送执法局"))
                .singleElement().asString().startsWith("已确认完成，相关提醒已停止：");
        assertThat(say(org.otherCityChat(), org.otherCityMember(), "已完成" + number)).singleElement().asString()
                .contains("无需重复确认");
        at(12, 15, 9, 0);
        reminders.tick();
        assertThat(reminded(org.otherCityChat(), title)).hasSize(5);
    }

    @Test
    void aFeedbackMeetingClosesTheOneDueAndMovesTheNext() {
        at(12, 1, 10, 0);
        JsonNode due = deadline("2026-12-01", "2027-01-31", "CITY_FEEDBACK", org.cityA());
        assertThat(due.get("dueDate").asText()).isEqualTo("2027-01-01");

        assertThat(say(org.ordinaryChat(), org.member(), "已反馈 " + org.cityA() + " 2026-11-20")).singleElement()
                .asString().contains("仅限组长");
        assertThat(say(org.otherCityChat(), org.otherCityMember(), "已反馈 " + org.cityA() + " 2026-11-20"))
                .singleElement().asString().contains("不由您负责");
        assertThat(say(org.centralChat(), "center-lead-" + org.tag(), "已反馈 " + org.cityA() + " 12月5日"))
                .singleElement().asString().contains("不能晚于今天");
        List<String> reply = say(org.centralChat(), "center-lead-" + org.tag(),
                "已反馈 " + org.cityA() + " 2026-11-20 通报了秋冬季问题清单");
        assertThat(reply).singleElement().asString()
                .startsWith("已记录与" + org.cityA() + "的正式反馈会（2026-11-20）。下一次：\n[")
                .endsWith("] " + org.cityA() + "正式情况反馈（" + org.unitA() + "） 2027-01-20截止");

        JsonNode held = call("GET", "/api/v1/deadlines/" + due.get("id").asLong(), null).body();
        assertThat(held.get("status").asText()).isEqualTo("DONE");
        assertThat(held.get("doneNote").asText()).contains("2026-11-20", "通报了秋冬季问题清单");
        assertThat(deadlines("2027-01-01", "2027-03-31")).filteredOn(d -> d.get("kind").asText().equals("CITY_FEEDBACK")
                        && d.get("city").asText().equals(org.cityA()) && d.get("status").asText().equals("OPEN"))
                .as("the next one, and those after it if each is held on its day")
                .extracting(d -> d.get("dueDate").asText()).containsExactly("2027-01-20", "2027-03-20");
        assertThat(deadlines("2026-12-01", "2027-03-31")).as("the old due date is gone")
                .noneMatch(d -> d.get("kind").asText().equals("CITY_FEEDBACK") && d.get("city").asText().equals(org.cityA())
                        && d.get("status").asText().equals("OPEN") && d.get("dueDate").asText().equals("2027-01-01"));

        // the next meeting through the API; the same one twice changes nothing
        at(2027, 1, 18, 15, 0);
        Map<String, Object> meeting = Map.of("city", org.cityA(), "heldOn", "2027-01-18", "note", "第二次反馈");
        Answer first = call("POST", "/api/v1/deadlines/feedback", meeting);
        assertThat(first.status()).as(first.text()).isEqualTo(200);
        assertThat(first.body().get("dueDate").asText()).as("01-18 is inside autumn-winter: 2 months").isEqualTo("2027-03-18");
        Answer again = call("POST", "/api/v1/deadlines/feedback", meeting);
        assertThat(again.body().get("id").asLong()).isEqualTo(first.body().get("id").asLong());
        assertThat(deadline("2027-01-01", "2027-01-31", "CITY_FEEDBACK", org.cityA()).get("status").asText())
                .isEqualTo("DONE");
        assertThat(call("POST", "/api/v1/deadlines/feedback", Map.of("city", "没有这个市")).body().get("message")
                .asText()).startsWith("city：");
    }

    @Test
    void reminderSettingsPerUnitChangeWhenRemindersGoOut() {
        at(12, 1, 10, 0);
        long unitB = jdbc.queryForObject("SELECT id FROM org_unit WHERE name = ?", Long.class, org.unitB());
        Answer saved = call("PUT", "/api/v1/deadlines/settings/unit:" + unitB, Map.of("leadDays", "2", "timeOfDay", "16:30"));
        assertThat(saved.status()).as(saved.text()).isEqualTo(200);
        assertThat(saved.body().get("description").asText()).isEqualTo("提前2天 16:30");
        assertThat(call("PUT", "/api/v1/deadlines/settings/unit:" + unitB, Map.of("leadDays", "两天", "timeOfDay", "9"))
                .body().get("message").asText()).startsWith("leadDays：");
        assertThat(call("PUT", "/api/v1/deadlines/settings/city:1", Map.of("leadDays", "1", "timeOfDay", "09:00"))
                .status()).isEqualTo(400);
        call("POST", "/api/v1/deadlines", Map.of("title", "单位B自定义事项", "dueDate", "2026-12-05", "unit", org.unitB()));

        at(12, 3, 9, 0);
        reminders.tick();
        assertThat(reminded(org.otherCityChat(), "单位B自定义事项")).as("not at the default time").isEmpty();
        at(12, 3, 16, 30);
        reminders.tick();
        assertThat(reminded(org.otherCityChat(), "单位B自定义事项")).singleElement().asString().contains("还有2天");
        assertThat(call("DELETE", "/api/v1/deadlines/settings/unit:" + unitB, null).status()).isEqualTo(204);
        assertThat(call("DELETE", "/api/v1/deadlines/settings/unit:" + unitB, null).status()).isEqualTo(404);
    }

    @Test
    void quartzSendsMissedRemindersOnceAfterTheSchedulerWasStopped(@Autowired Scheduler scheduler,
                                                                   @Autowired RecurringJobs jobs) throws Exception {
        String title = "2026年度工作进展书面报告（第四季度）（" + org.unitA() + "）";
        at(12, 16, 12, 0);
        reminders.tick(); // the deadline is known from here on
        AtomicInteger runs = new AtomicInteger();
        scheduler.getListenerManager().addJobListener(new JobListenerSupport() {
            @Override
            public String getName() {
                return "count-deadline-ticks-" + org.tag();
            }

            @Override
            public void jobWasExecuted(JobExecutionContext context, org.quartz.JobExecutionException failure) {
                runs.incrementAndGet();
            }
        }, KeyMatcher.keyEquals(JobKey.jobKey(DeadlineSchedule.JOB, "recurring")));
        scheduler.standby();
        try {
            jobs.ensure(DeadlineSchedule.JOB, DeadlineTickJob.class, "* * * * * ?", null);
            // while the scheduler is stopped, time passes three reminders (12-17, 12-24, 12-28 at 09:00)
            at(12, 29, 8, 0);
            scheduler.start();
            await().atMost(Duration.ofSeconds(30)).until(() -> reminded(org.coordinatorA(), title).size() == 1);
            int seen = runs.get();
            await().atMost(Duration.ofSeconds(30)).until(() -> runs.get() >= seen + 3);
            assertThat(reminded(org.coordinatorA(), title)).as("one message for the three missed, however often it ran")
                    .singleElement().asString().contains("还有2天");
            long id = deadline("2026-12-31", "2026-12-31", "QUARTERLY_REPORT", "2026年度").get("id").asLong();
            assertThat(claimed(id, "REMIND")).containsExactly(shanghai(12, 17, 9), shanghai(12, 24, 9),
                    shanghai(12, 28, 9));
        } finally {
            jobs.remove(DeadlineSchedule.JOB);
            scheduler.getListenerManager().removeJobListener("count-deadline-ticks-" + org.tag());
        }
    }
}
