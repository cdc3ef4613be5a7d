package cn.mee.liaison.bot.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.mee.liaison.bot.security.ConsoleUsers;
import cn.mee.liaison.bot.support.RunningBot;
import cn.mee.liaison.bot.support.TestOrganisation;
import cn.mee.liaison.storage.user.ConsoleRole;
import cn.mee.liaison.testsupport.MutableClock;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.util.HtmlUtils;

/**
 * The console's deadline pages on a running bot, the clock moved by hand: the month calendar against the API, the
 * colours, the due list's groups and counts, closing and putting off through the pages (audited), who may do what,
 * a custom deadline refused, a feedback meeting moving the city's next date, reminder settings per unit. Each test
 * has its own organisation; the calendar shows every organisation's deadlines, so comparisons look at all of them
 * and checks of one deadline look at its own.
 */
@AutoConfigureMockMvc
@Import(DeadlinePagesTest.TestClock.class)
class DeadlinePagesTest extends RunningBot {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final MutableClock CLOCK = MutableClock.at(LocalDateTime.of(2026, 12, 15, 8, 0));

    /** The clock of the deadline pages' tests (DeadlineConsoleBrowserTest shares it, and so the running bot). */
    @TestConfiguration
    static class TestClock {
        @Bean
        @Primary
        Clock deadlinePagesClock() {
            return CLOCK;
        }
    }

    private static final Pattern TAG = Pattern.compile("<(a|tr|section|td|span)\\b([^>]*)>");
    private static final Pattern ATTRIBUTE = Pattern.compile("([a-zA-Z_:-]+)=\"([^\"]*)\"");
    private static final Pattern DAY = Pattern.compile("<td\\b[^>]*data-date=\"([0-9-]+)\"[^>]*>(.*?)</td>",
            Pattern.DOTALL);

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DeadlineReminders reminders;
    @Autowired
    ReminderPlans plans;
    @Autowired
    ConsoleUsers users;
    @Autowired
    UserDetailsService userDetails;

    private TestOrganisation org;

    @BeforeEach
    void organisation() {
        at(12, 15, 8, 0);
        org = new TestOrganisation(UUID.randomUUID().toString().substring(0, 8));
        assertThat(call("PUT", "/api/v1/directory", org.document()).status()).isEqualTo(200);
    }

    private static void at(int month, int day, int hour, int minute) {
        CLOCK.set(LocalDateTime.of(2026, month, day, hour, minute));
    }

    private static MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder request, String role) {
        return request.with(user(role.toLowerCase() + "-user").roles(role));
    }

    private static MockHttpServletRequestBuilder staff(MockHttpServletRequestBuilder request) {
        return as(request, "BUREAU_STAFF");
    }

    private String page(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private long unitId(String name) {
        return jdbc.queryForObject("SELECT id FROM org_unit WHERE name = ?", Long.class, name);
    }

    private long cityId(String name) {
        return jdbc.queryForObject("SELECT id FROM city WHERE name = ?", Long.class, name);
    }

    private long custom(String title, String due, String unit, String city) {
        Map<String, Object> body = new HashMap<>(Map.of("title", title, "dueDate", due));
        if (unit != null) {
            body.put("unit", unit);
        }
        if (city != null) {
            body.put("city", city);
        }
        Answer added = call("POST", "/api/v1/deadlines", body);
        assertThat(added.status()).as(added.text()).isEqualTo(201);
        return added.body().get("id").asLong();
    }

    private List<JsonNode> api(LocalDate from, LocalDate to) {
        Answer answer = call("GET", "/api/v1/deadlines?from=" + from + "&to=" + to, null);
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        return StreamSupport.stream(answer.body().spliterator(), false).toList();
    }

    private JsonNode api(long id) {
        return call("GET", "/api/v1/deadlines/" + id, null).body();
    }

    private int audited(String action, String actor) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE action = ? AND actor = ?", Integer.class,
                action, actor);
    }

    /** The attributes of every tag of the page whose class attribute includes the class. */
    private static List<Map<String, String>> tags(String html, String cssClass) {
        List<Map<String, String>> found = new ArrayList<>();
        Matcher tag = TAG.matcher(html);
        while (tag.find()) {
            Map<String, String> attributes = new LinkedHashMap<>();
            Matcher a = ATTRIBUTE.matcher(tag.group(2));
            while (a.find()) {
                attributes.put(a.group(1), HtmlUtils.htmlUnescape(a.group(2)));
            }
            if (List.of(attributes.getOrDefault("class", "").split(" ")).contains(cssClass)) {
                found.add(attributes);
            }
        }
        return found;
    }

    private static Map<String, String> entry(String html, long id) {
        return tags(html, "dl").stream().filter(t -> t.get("data-id").equals(String.valueOf(id))).findFirst()
                .orElseThrow(() -> new AssertionError("deadline " + id + " not on the page"));
    }

    /** The ids of the deadlines drawn in each day of the calendar. */
    private static Map<String, List<String>> days(String html) {
        Map<String, List<String>> days = new HashMap<>();
        Matcher day = DAY.matcher(html);
        while (day.find()) {
            days.put(day.group(1), tags(day.group(2), "dl").stream().map(t -> t.get("data-id")).toList());
        }
        return days;
    }

    @Test
    void theMonthShowsWhatTheApiListsWithTheSameStatusesAndColours() throws Exception {
        long overdue = custom("逾期事项-" + org.tag(), "2026-12-10", org.unitA(), null);
        long today = custom("今日事项-" + org.tag(), "2026-12-15", org.unitB(), null);
        long done = custom("已完成事项-" + org.tag(), "2026-12-20", null, org.cityA());
        assertThat(call("POST", "/api/v1/deadlines/" + done + "/done", Map.of("note", "提前完成")).status())
                .isEqualTo(200);

        String html = page(staff(get("/deadlines")));
        assertThat(html).contains("2026年12月").contains("href=\"/deadlines\"").contains(">截止事项<");
        Map<String, String> page = tags(html, "dl").stream()
                .collect(Collectors.toMap(t -> t.get("data-id"), t -> t.get("data-status")));
        Map<String, String> listed = api(LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 31)).stream()
                .collect(Collectors.toMap(d -> d.get("id").asText(), d -> d.get("status").asText()));
        assertThat(page).as("the same deadlines with the same statuses as the API").isEqualTo(listed)
                .containsEntry(String.valueOf(overdue), "OVERDUE").containsEntry(String.valueOf(today), "OPEN")
                .containsEntry(String.valueOf(done), "DONE");
        assertThat(tags(html, "dl")).as("no deadline twice").hasSize(listed.size());

        Map<String, List<String>> days = days(html);
        assertThat(days.get("2026-12-10")).contains(String.valueOf(overdue));
        assertThat(days.get("2026-12-15")).contains(String.valueOf(today));
        assertThat(days.get("2026-12-20")).contains(String.valueOf(done));
        assertThat(days.get("2026-11-30")).as("the days of the month before fill the first week, empty").isEmpty();
        assertThat(entry(html, overdue).get("class")).isEqualTo("dl overdue");
        assertThat(entry(html, today).get("class")).isEqualTo("dl today");
        assertThat(entry(html, done).get("class")).isEqualTo("dl done");
        long report = api(LocalDate.of(2026, 12, 31), LocalDate.of(2026, 12, 31)).stream()
                .filter(d -> d.get("kind").asText().equals("QUARTERLY_REPORT") && org.unitA().equals(d.get("unit").asText()))
                .findFirst().orElseThrow().get("id").asLong();
        assertThat(entry(html, report).get("class")).isEqualTo("dl upcoming");
        assertThat(entry(html, report).get("title")).contains("季度书面报告", "未到期");
        assertThat(tags(html, "is-today")).singleElement().satisfies(t -> assertThat(t.get("data-date"))
                .isEqualTo("2026-12-15"));

        // the other months, and the filters
        assertThat(html).contains("href=\"/deadlines?month=2026-11\"").contains("href=\"/deadlines?month=2027-01\"");
        String january = page(staff(get("/deadlines").param("month", "2027-01")));
        assertThat(january).contains("2027年1月");
        assertThat(tags(january, "dl")).extracting(t -> t.get("data-id")).containsExactlyInAnyOrderElementsOf(
                api(LocalDate.of(2027, 1, 1), LocalDate.of(2027, 1, 31)).stream().map(d -> d.get("id").asText()).toList());
        String filtered = page(staff(get("/deadlines").param("kind", "CUSTOM")
                .param("unitId", String.valueOf(unitId(org.unitB())))));
        assertThat(tags(filtered, "dl")).extracting(t -> t.get("data-id")).containsExactly(String.valueOf(today));
        assertThat(filtered).contains("href=\"/deadlines?month=2027-01&amp;kind=CUSTOM&amp;unitId=" + unitId(org.unitB()));
        String byCity = page(staff(get("/deadlines").param("cityId", String.valueOf(cityId(org.cityA())))));
        assertThat(tags(byCity, "dl")).extracting(t -> t.get("data-id")).contains(String.valueOf(done))
                .doesNotContain(String.valueOf(overdue), String.valueOf(report));
        assertThat(page(staff(get("/deadlines").param("month", "2026年12月")))).contains("月份：").contains("已显示本月");
    }

    @Test
    void theDueListGroupsByUnitAndByCityWithCountsAndTheLastReminder() throws Exception {
        long overdue = custom("逾期报送-" + org.tag(), "2026-12-10", org.unitA(), null);
        long soon = custom("明日报送-" + org.tag(), "2026-12-16", org.unitB(), null);
        long cityOnly = custom("城市事项-" + org.tag(), "2026-12-18", null, org.cityA());
        long later = custom("远期事项-" + org.tag(), "2027-02-20", org.unitA(), null);
        at(12, 15, 9, 0);
        reminders.tick();

        LocalDate today = LocalDate.of(2026, 12, 15);
        List<JsonNode> open = api(today.minusDays(90), today.plusDays(30)).stream()
                .filter(d -> !d.get("status").asText().equals("DONE")).toList();
        String byUnit = page(staff(get("/deadlines/due")));
        for (String unit : List.of(org.unitA(), org.unitB())) {
            List<JsonNode> owed = open.stream().filter(d -> unit.equals(d.get("unit").asText(null))).toList();
            Map<String, String> group = tags(byUnit, "due-group").stream()
                    .filter(g -> g.get("data-group").equals(unit)).findFirst().orElseThrow();
            assertThat(group.get("data-overdue")).isEqualTo(String.valueOf(owed.stream()
                    .filter(d -> d.get("status").asText().equals("OVERDUE")).count()));
            assertThat(group.get("data-upcoming")).isEqualTo(String.valueOf(owed.stream()
                    .filter(d -> d.get("status").asText().equals("OPEN")).count()));
        }
        String unitA = section(byUnit, org.unitA());
        assertThat(rowIds(unitA)).contains(String.valueOf(overdue)).doesNotContain(String.valueOf(soon),
                String.valueOf(later));
        assertThat(rowIds(section(byUnit, org.unitB()))).contains(String.valueOf(soon));
        assertThat(rowIds(section(byUnit, "（未指定包保单位）"))).contains(String.valueOf(cityOnly));
        assertThat(tags(byUnit, "due-row")).filteredOn(r -> r.get("data-id").equals(String.valueOf(overdue)))
                .singleElement().satisfies(r -> assertThat(r.get("data-state")).isEqualTo("OVERDUE"));
        assertThat(row(byUnit, overdue)).contains("已逾期5天").contains("自定义").contains("2026-12-10")
                .contains("标记完成").contains("延后提醒");
        assertThat(row(byUnit, soon)).as("the T-1 reminder went out at 09:00").contains("还有1天")
                .contains("12-15 09:00");
        assertThat(row(byUnit, cityOnly)).contains("还有3天");

        String byCity = page(staff(get("/deadlines/due").param("by", "CITY")));
        for (String city : List.of(org.cityA(), org.cityB())) {
            List<JsonNode> concerning = open.stream().filter(d -> city.equals(d.get("city").asText(null))).toList();
            assertThat(tags(byCity, "due-group")).filteredOn(g -> g.get("data-group").equals(city)).singleElement()
                    .satisfies(g -> assertThat(Integer.parseInt(g.get("data-overdue"))
                            + Integer.parseInt(g.get("data-upcoming"))).isEqualTo(concerning.size()));
            assertThat(rowIds(section(byCity, city))).containsExactlyInAnyOrderElementsOf(
                    concerning.stream().map(d -> d.get("id").asText()).toList());
        }
        assertThat(rowIds(section(byCity, org.cityA()))).contains(String.valueOf(cityOnly));
        assertThat(rowIds(section(byCity, "（不涉及具体城市）"))).contains(String.valueOf(overdue));

        String ahead = page(staff(get("/deadlines/due").param("days", "90")));
        assertThat(rowIds(section(ahead, org.unitA()))).contains(String.valueOf(later));
        assertThat(page(staff(get("/deadlines/due").param("days", "很多")))).contains("未来天数：应为 0 到 366 之间的整数");
    }

    private static String section(String html, String group) {
        int start = html.indexOf("data-group=\"" + HtmlUtils.htmlEscape(group) + "\"");
        assertThat(start).as("group " + group).isPositive();
        return html.substring(start, html.indexOf("</section>", start));
    }

    private static List<String> rowIds(String html) {
        return tags(html, "due-row").stream().map(r -> r.get("data-id")).toList();
    }

    private static String row(String html, long id) {
        int start = html.indexOf("data-id=\"" + id + "\"");
        assertThat(start).as("row " + id).isPositive();
        return html.substring(start, html.indexOf("</tr>", start));
    }

    @Test
    void markingDoneAndSnoozingThroughThePagesWorkAndAreAudited() throws Exception {
        long id = custom("报送整改台账-" + org.tag(), "2026-12-20", org.unitA(), null);
        String actor = "zfj-" + org.tag();
        mvc.perform(post("/deadlines/" + id + "/snooze").param("days", "5").param("back", "/deadlines/due?days=30")
                        .with(csrf()).with(user(actor).roles("BUREAU_STAFF")))
                .andExpect(redirectedUrl("/deadlines/due?days=30"))
                .andExpect(flash().attribute("ok", "已延后提醒 5 天（至 2026-12-20 08:00）：报送整改台账-" + org.tag()
                        + "，截止日期不变。"));
        assertThat(api(id).get("snoozedUntil").asText()).isEqualTo("2026-12-20T08:00+08:00");
        assertThat(audited("DEADLINE_SNOOZED", actor)).isEqualTo(1);
        mvc.perform(post("/deadlines/" + id + "/snooze").param("days", "九十").with(csrf())
                        .with(user(actor).roles("BUREAU_STAFF")))
                .andExpect(redirectedUrl("/deadlines/" + id))
                .andExpect(flash().attribute("error", "延后天数：延后天数应在 1 到 60 之间"));
        assertThat(audited("DEADLINE_SNOOZED", actor)).as("refused, nothing done").isEqualTo(1);
        assertThat(page(staff(get("/deadlines/" + id)))).contains("2026-12-20 08:00").contains("标记完成");

        at(12, 16, 14, 30);
        mvc.perform(post("/deadlines/" + id + "/done").param("note", "台账已报送执法局").param("back", "https://evil.example/")
                        .with(csrf()).with(user(actor).roles("BUREAU_STAFF")))
                .andExpect(redirectedUrl("/deadlines/" + id));
        JsonNode done = api(id);
        assertThat(done.get("status").asText()).isEqualTo("DONE");
        assertThat(done.get("doneBy").asText()).isEqualTo(actor);
        assertThat(done.get("doneNote").asText()).isEqualTo("台账已报送执法局");
        assertThat(audited("DEADLINE_DONE", actor)).isEqualTo(1);
        String detail = page(staff(get("/deadlines/" + id)));
        assertThat(detail).contains(actor + " 于 2026-12-16 14:30 标记完成：台账已报送执法局")
                .doesNotContain("class=\"small mark-done\"");
        assertThat(tags(detail, "state")).first().satisfies(s -> assertThat(s.get("data-state")).isEqualTo("DONE"));
        mvc.perform(post("/deadlines/" + id + "/done").with(csrf()).with(user(actor).roles("BUREAU_STAFF")))
                .andExpect(flash().attribute("ok", "编号 " + id + " 已于此前标记完成，无需重复操作。"));
        assertThat(audited("DEADLINE_DONE", actor)).isEqualTo(1);
        mvc.perform(post("/deadlines/987654321/done").with(csrf()).with(user(actor).roles("BUREAU_STAFF")))
                .andExpect(status().isNotFound());
    }

    @Test
    void aCoordinatorClosesOnlyTheOwnUnitsAndAViewerChangesNothing() throws Exception {
        long own = custom("本单位事项-" + org.tag(), "2026-12-20", org.unitA(), null);
        long other = custom("他单位事项-" + org.tag(), "2026-12-20", org.unitB(), null);
        long bureau = custom("执法局事项-" + org.tag(), "2026-12-20", null, null);
        String name = "coord-" + org.tag();
        users.create("admin", name, "王协调", ConsoleRole.UNIT_COORDINATOR, unitId(org.unitA()), "coordinator-secret");
        UserDetails coordinator = userDetails.loadUserByUsername(name);

        String month = page(get("/deadlines").with(user(coordinator)));
        assertThat(tags(month, "dl")).extracting(t -> t.get("data-id")).contains(String.valueOf(own),
                String.valueOf(bureau)).doesNotContain(String.valueOf(other));
        String due = page(get("/deadlines/due").with(user(coordinator)));
        assertThat(row(due, own)).contains("标记完成");
        assertThat(row(due, bureau)).as("the bureau's own: seen, not closed by a unit").doesNotContain("标记完成");
        mvc.perform(get("/deadlines/" + other).with(user(coordinator))).andExpect(status().isForbidden());

        mvc.perform(post("/deadlines/" + other + "/done").with(csrf()).with(user(coordinator)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/deadlines/" + bureau + "/done").with(csrf()).with(user(coordinator)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/deadlines/" + other + "/snooze").param("days", "3").with(csrf()).with(user(coordinator)))
                .andExpect(status().isForbidden());
        assertThat(api(other).get("status").asText()).isEqualTo("OPEN");
        assertThat(api(other).get("snoozedUntil").isNull()).isTrue();
        mvc.perform(post("/deadlines/" + own + "/done").param("note", "已报送").with(csrf()).with(user(coordinator)))
                .andExpect(redirectedUrl("/deadlines/" + own));
        assertThat(api(own).get("status").asText()).isEqualTo("DONE");
        assertThat(audited("DEADLINE_DONE", name)).isEqualTo(1);
        mvc.perform(get("/deadlines/new").with(user(coordinator))).andExpect(status().isForbidden());

        String viewer = page(as(get("/deadlines/due"), "VIEWER"));
        assertThat(row(viewer, other)).doesNotContain("标记完成").doesNotContain("延后提醒");
        assertThat(page(as(get("/deadlines/" + other), "VIEWER"))).doesNotContain("mark-done");
        assertThat(page(as(get("/deadlines/settings"), "VIEWER"))).contains(org.unitA()).doesNotContain("保存</button>");
        for (MockHttpServletRequestBuilder change : List.of(
                post("/deadlines/" + other + "/done"),
                post("/deadlines/" + other + "/snooze").param("days", "3"),
                post("/deadlines").param("title", "只读用户新增").param("dueDate", "2026-12-30"),
                post("/deadlines/settings").param("key", "unit:" + unitId(org.unitB())).param("leadDays", "1")
                        .param("timeOfDay", "09:00"),
                post("/deadlines/settings/remove").param("key", "default"))) {
            mvc.perform(as(change.with(csrf()), "VIEWER")).andExpect(status().isForbidden());
        }
        mvc.perform(as(get("/deadlines/new"), "VIEWER")).andExpect(status().isForbidden());
        assertThat(api(other).get("status").asText()).isEqualTo("OPEN");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM deadline WHERE title = '只读用户新增'", Integer.class)).isZero();
        assertThat(plans.all()).doesNotContainKey("unit:" + unitId(org.unitB()));
    }

    @Test
    void aCustomDeadlineWithABadDateShowsTheChineseErrorAndStoresNothing() throws Exception {
        String title = "报送秋冬季攻坚方案-" + org.tag();
        assertThat(page(staff(get("/deadlines/new")))).contains("新增截止事项").contains(org.unitA());
        String refused = page(staff(post("/deadlines").param("title", title).param("dueDate", "2026-13-01")
                .param("unit", org.unitA()).with(csrf())));
        assertThat(refused).contains("截止日期：“2026-13-01”不是有效日期，应为 YYYY-MM-DD")
                .contains("value=\"" + title + "\"").contains("value=\"2026-13-01\"")
                .containsPattern("class=\"field invalid\">\\s*<label>截止日期");
        String noUnit = page(staff(post("/deadlines").param("title", title).param("dueDate", "2026-12-30")
                .param("unit", "不存在的单位").with(csrf())));
        assertThat(noUnit).contains("包保单位：没有名为“不存在的单位”的包保单位");
        assertThat(page(staff(post("/deadlines").param("title", " ").param("dueDate", "2026-12-30").with(csrf()))))
                .contains("名称：请填写截止事项的名称");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM deadline WHERE title = ?", Integer.class, title)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE action = 'DEADLINE_ADDED' AND target = ?",
                Integer.class, title)).isZero();

        String location = mvc.perform(staff(post("/deadlines").param("title", title).param("dueDate", "2026-12-30")
                        .param("unit", org.unitA()).param("city", org.cityA()).with(csrf())))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.substring("/deadlines/".length()));
        JsonNode added = api(id);
        assertThat(added.get("title").asText()).isEqualTo(title);
        assertThat(added.get("dueDate").asText()).isEqualTo("2026-12-30");
        assertThat(added.get("unit").asText()).isEqualTo(org.unitA());
        assertThat(added.get("city").asText()).isEqualTo(org.cityA());
        assertThat(audited("DEADLINE_ADDED", "bureau_staff-user")).isPositive();
    }

    @Test
    void aFeedbackMeetingRecordedOnTheDetailPageMovesTheCitysNextDueDate() throws Exception {
        at(12, 1, 10, 0);
        JsonNode due = api(LocalDate.of(2026, 12, 1), LocalDate.of(2027, 1, 31)).stream()
                .filter(d -> d.get("kind").asText().equals("CITY_FEEDBACK") && org.cityA().equals(d.get("city").asText()))
                .findFirst().orElseThrow();
        assertThat(due.get("dueDate").asText()).isEqualTo("2027-01-01");
        long id = due.get("id").asLong();
        String detail = page(staff(get("/deadlines/" + id)));
        assertThat(detail).contains("登记反馈会").contains("尚未登记反馈会").contains(org.unitA());

        String actor = "zfj-" + org.tag();
        mvc.perform(post("/deadlines/" + id + "/feedback").param("heldOn", "2026-12-05").with(csrf())
                        .with(user(actor).roles("BUREAU_STAFF")))
                .andExpect(redirectedUrl("/deadlines/" + id))
                .andExpect(flash().attribute("error", "反馈会日期：反馈会日期不能晚于今天"));
        mvc.perform(post("/deadlines/" + id + "/feedback").param("heldOn", "11月20日").with(csrf())
                        .with(user(actor).roles("BUREAU_STAFF")))
                .andExpect(flash().attribute("error", "反馈会日期：“11月20日”不是有效日期，应为 YYYY-MM-DD"));
        assertThat(audited("FEEDBACK_RECORDED", actor)).isZero();

        String next = mvc.perform(post("/deadlines/" + id + "/feedback").param("heldOn", "2026-11-20")
                        .param("note", "通报了秋冬季问题清单").with(csrf()).with(user(actor).roles("BUREAU_STAFF")))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("ok", "已登记与" + org.cityA() + "的正式反馈会（2026-11-20）。下一次反馈 2027-01-20 截止。"))
                .andReturn().getResponse().getRedirectedUrl();
        long nextId = Long.parseLong(next.substring("/deadlines/".length()));
        assertThat(nextId).isNotEqualTo(id);
        assertThat(api(nextId).get("dueDate").asText()).isEqualTo("2027-01-20");
        assertThat(api(id).get("status").asText()).isEqualTo("DONE");
        assertThat(api(id).get("doneNote").asText()).contains("2026-11-20", "通报了秋冬季问题清单");
        assertThat(audited("FEEDBACK_RECORDED", actor)).isEqualTo(1);
        assertThat(page(staff(get("/deadlines/" + nextId)))).contains("2026-11-20　通报了秋冬季问题清单（" + actor + " 登记）")
                .contains("登记反馈会");
        String january = page(staff(get("/deadlines").param("month", "2027-01")
                .param("cityId", String.valueOf(cityId(org.cityA())))));
        assertThat(days(january).get("2027-01-20")).contains(String.valueOf(nextId));
        assertThat(entry(january, nextId).get("class")).isEqualTo("dl upcoming");
        assertThat(days(january).get("2027-01-01")).as("the one the meeting fulfilled stays, done")
                .contains(String.valueOf(id));
        assertThat(entry(january, id).get("class")).isEqualTo("dl done");

        long report = api(LocalDate.of(2026, 12, 31), LocalDate.of(2026, 12, 31)).stream()
                .filter(d -> d.get("kind").asText().equals("QUARTERLY_REPORT") && org.unitA().equals(d.get("unit").asText()))
                .findFirst().orElseThrow().get("id").asLong();
        assertThat(page(staff(get("/deadlines/" + report)))).doesNotContain("登记反馈会");
        mvc.perform(post("/deadlines/" + report + "/feedback").with(csrf()).with(user(actor).roles("BUREAU_STAFF")))
                .andExpect(status().isNotFound());
    }

    @Test
    void settingsSavedForAUnitChangeTheEffectiveSettingShownAndABadValueIsRefused() throws Exception {
        long unitB = unitId(org.unitB());
        String key = "unit:" + unitB;
        Map<String, String> before = unitRow(page(staff(get("/deadlines/settings"))), org.unitB());
        assertThat(before.get("data-own")).isEqualTo("false");
        assertThat(before.get("data-source")).isNotEqualTo("UNIT");

        String actor = "zfj-" + org.tag();
        mvc.perform(post("/deadlines/settings").param("key", key).param("leadDays", "10, 2").param("timeOfDay", "8:30")
                        .with(csrf()).with(user(actor).roles("BUREAU_STAFF")))
                .andExpect(redirectedUrl("/deadlines/settings#unit-" + unitB))
                .andExpect(flash().attribute("ok", "已保存单位“" + org.unitB() + "”的提醒设置：提前10、2天 08:30。"));
        String html = page(staff(get("/deadlines/settings")));
        assertThat(unitRow(html, org.unitB())).containsEntry("data-own", "true").containsEntry("data-source", "UNIT");
        assertThat(unitSection(html, unitB)).contains("提前10、2天 08:30").contains("单位设置")
                .contains("value=\"10,2\"").contains("删除单位设置");
        assertThat(unitRow(html, org.unitA()).get("data-own")).isEqualTo("false");
        assertThat(audited("REMINDER_SETTINGS_SAVED", actor)).isEqualTo(1);

        mvc.perform(post("/deadlines/settings").param("key", key).param("leadDays", "两天").param("timeOfDay", "09:00")
                        .with(csrf()).with(user(actor).roles("BUREAU_STAFF")))
                .andExpect(flash().attribute("error", "单位“" + org.unitB()
                        + "”的提醒设置未保存。提前天数：应为以逗号分隔的天数，例如 14,7,3,1,0"));
        mvc.perform(post("/deadlines/settings").param("key", "unit:" + unitId(org.unitA())).param("leadDays", "3")
                        .param("timeOfDay", "25:00").with(csrf()).with(user(actor).roles("BUREAU_STAFF")))
                .andExpect(flash().attribute("error", "单位“" + org.unitA()
                        + "”的提醒设置未保存。提醒时间：“25:00”不是有效时间，应为 HH:mm，例如 09:00"));
        assertThat(plans.all().get(key).leadDays()).as("the bad value saved nothing").containsExactly(10, 2);
        assertThat(plans.all()).doesNotContainKey("unit:" + unitId(org.unitA()));
        assertThat(audited("REMINDER_SETTINGS_SAVED", actor)).isEqualTo(1);

        // a deadline of the unit shows the setting in force
        long id = custom("单位B事项-" + org.tag(), "2026-12-28", org.unitB(), null);
        assertThat(page(staff(get("/deadlines/" + id)))).contains("提前10、2天 08:30").contains("（单位设置）");

        mvc.perform(post("/deadlines/settings/remove").param("key", key).with(csrf())
                        .with(user(actor).roles("BUREAU_STAFF")))
                .andExpect(flash().attribute("ok", "已删除单位“" + org.unitB() + "”自己的提醒设置，恢复为继承的设置。"));
        assertThat(unitRow(page(staff(get("/deadlines/settings"))), org.unitB()))
                .containsEntry("data-own", "false").isEqualTo(before);
        assertThat(plans.all()).doesNotContainKey(key);
    }

    private static Map<String, String> unitRow(String html, String unit) {
        return tags(html, "unit-setting").stream().filter(t -> Objects.equals(t.get("data-unit"), unit)).findFirst()
                .orElseThrow(() -> new AssertionError(unit + " not in the settings"));
    }

    private static String unitSection(String html, long unitId) {
        int start = html.indexOf("id=\"unit-" + unitId + "\"");
        return html.substring(start, html.indexOf("</tr>", start));
    }

    @Test
    void theOverviewCountsOverdueAndDueThisWeek() throws Exception {
        custom("本周事项-" + org.tag(), "2026-12-18", org.unitA(), null);
        LocalDate today = LocalDate.of(2026, 12, 15);
        List<JsonNode> open = api(today.minusDays(90), today.plusDays(6)).stream()
                .filter(d -> !d.get("status").asText().equals("DONE")).toList();
        long overdue = open.stream().filter(d -> d.get("status").asText().equals("OVERDUE")).count();
        String home = page(as(get("/"), "BUREAU_ADMIN"));
        assertThat(home).containsPattern("id=\"card-overdue\"[^>]*><div class=\"num\"[^>]*>" + overdue + "</div>")
                .containsPattern("id=\"card-week\"[^>]*><div class=\"num\">" + (open.size() - overdue) + "</div>")
                .contains("7天内到期");
    }
}
