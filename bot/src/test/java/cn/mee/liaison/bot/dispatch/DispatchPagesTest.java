package cn.mee.liaison.bot.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.mee.liaison.bot.calendar.CalendarGap;
import cn.mee.liaison.bot.directory.DirectoryCache;
import cn.mee.liaison.bot.security.ConsoleUsers;
import cn.mee.liaison.bot.support.RunningBot;
import cn.mee.liaison.bot.support.TestOrganisation;
import cn.mee.liaison.storage.audit.AuditLogMapper;
import cn.mee.liaison.storage.dispatch.DailyReportRow;
import cn.mee.liaison.storage.dispatch.DispatchMapper;
import cn.mee.liaison.storage.user.ConsoleRole;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The console pages of the daily dispatch (看板, 统计与排名, 调度方案) and of the working-day calendar, on a running
 * bot with its clock moved by hand. The board must show exactly what {@code GET /api/v1/dispatch/{date}} answers for
 * the same day and filters, and the statistics must add up to what the boards show.
 */
@AutoConfigureMockMvc
@Import(ConsoleClock.class)
class DispatchPagesTest extends RunningBot {

    private static final RequestPostProcessor STAFF = user("staff").roles("BUREAU_STAFF");
    private static final RequestPostProcessor VIEWER = user("viewer").roles("VIEWER");

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    AuditLogMapper audit;
    @Autowired
    DirectoryCache directory;
    @Autowired
    ConsoleUsers users;
    @Autowired
    UserDetailsService userDetails;
    @Autowired
    DispatchMapper dispatch;

    private TestOrganisation org;

    /** A group on the board, as the page shows it or as the API gives it. */
    record Line(String group, String city, String unit, String kind, String status, boolean expected,
                String submittedAt, String reporter, Map<String, String> figures) {
    }

    @BeforeEach
    void organisation() {
        org = new TestOrganisation(UUID.randomUUID().toString().substring(0, 8));
        Answer put = call("PUT", "/api/v1/directory", org.document("2026-09-01", "2026-12-31"));
        assertThat(put.status()).as(put.text()).isEqualTo(200);
    }

    private static void at(int month, int day, int hour, int minute) {
        ConsoleClock.CLOCK.set(LocalDateTime.of(2026, month, day, hour, minute));
    }

    private void say(String chatId, String userId, String text) {
        Map<String, Object> message = new HashMap<>(Map.of("chatId", chatId, "userId", userId, "text", text));
        Answer answer = call("POST", "/api/v1/sandbox/messages", message);
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
    }

    /** 保定市第一组 on time at 17:40 and 廊坊市第一组 late at 21:20 on the day; 保定市中心组 never. */
    private void reportsOn(int month, int day) {
        at(month, day, 17, 40);
        say(org.ordinaryChat(), org.member(),
                "日报 检查企业十二家，发现问题3个，督办问题核查2件，交办问题1个，明日计划：继续排查清苑区涉VOCs企业");
        at(month, day, 21, 20);
        say(org.otherCityChat(), org.otherCityMember(), "日报 检查企业5家，发现问题2个，督办问题核查0个，明日计划：巡查城中村散煤");
    }

    private static MockHttpServletRequestBuilder with(MockHttpServletRequestBuilder request, Map<String, String> params) {
        params.forEach(request::param);
        return request;
    }

    private Document page(MockHttpServletRequestBuilder request, RequestPostProcessor who) throws Exception {
        MvcResult result = mvc.perform(request.with(who)).andExpect(status().isOk()).andReturn();
        return Jsoup.parse(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    private Document board(Map<String, String> params, RequestPostProcessor who) throws Exception {
        return page(with(get("/dispatch"), params), who);
    }

    private JsonNode api(String path, Map<String, String> params) {
        StringBuilder query = new StringBuilder();
        params.forEach((k, v) -> query.append(query.length() == 0 ? "?" : "&").append(k).append('=')
                .append(java.net.URLEncoder.encode(v, StandardCharsets.UTF_8)));
        Answer answer = call("GET", path + query, null);
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        return answer.body();
    }

    private static List<Line> lines(Document page) {
        List<String> codes = page.select("#board thead th[data-code]").eachAttr("data-code");
        List<Line> lines = new ArrayList<>();
        for (Element tr : page.select("#board tbody tr")) {
            List<String> values = tr.select("td.figure").stream().map(Element::text).toList();
            Map<String, String> figures = new LinkedHashMap<>();
            for (int i = 0; i < codes.size(); i++) {
                figures.put(codes.get(i), values.get(i));
            }
            lines.add(new Line(tr.attr("data-group"), tr.attr("data-city"), tr.attr("data-unit"),
                    tr.attr("data-kind"), tr.attr("data-status"), Boolean.parseBoolean(tr.attr("data-expected")),
                    tr.selectFirst("td.time").attr("data-at"), tr.selectFirst("td.reporter").text(), figures));
        }
        return lines;
    }

    private static List<Line> lines(JsonNode board, List<String> codes) {
        List<Line> lines = new ArrayList<>();
        for (JsonNode group : board.get("groups")) {
            Map<String, String> figures = new LinkedHashMap<>();
            codes.forEach(code -> figures.put(code, text(group.get("fields").get(code))));
            group.get("fields").fieldNames().forEachRemaining(code -> assertThat(codes)
                    .as("every figure the API gives has its column on the page").contains(code));
            lines.add(new Line(text(group.get("workGroup")), text(group.get("city")), text(group.get("unit")),
                    text(group.get("kind")), text(group.get("status")), group.get("expected").asBoolean(),
                    text(group.get("submittedAt")), text(group.get("reporter")), figures));
        }
        return lines;
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? "" : node.asText();
    }

    /** The board page and the API for the same day and filters: the same groups, statuses, times and figures. */
    private List<Line> assertBoardAgreesWithApi(Map<String, String> filters, RequestPostProcessor who,
                                                String apiUser, String apiPassword) throws Exception {
        Document page = board(filters, who);
        Map<String, String> apiFilters = new LinkedHashMap<>(filters);
        String date = apiFilters.remove("date");
        StringBuilder query = new StringBuilder();
        apiFilters.forEach((k, v) -> query.append(query.length() == 0 ? "?" : "&").append(k).append('=')
                .append(java.net.URLEncoder.encode(v, StandardCharsets.UTF_8)));
        Answer answer = call(apiUser, apiPassword, "GET", "/api/v1/dispatch/" + date + query, null);
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        JsonNode api = answer.body();

        List<String> codes = page.select("#board thead th[data-code]").eachAttr("data-code");
        List<Line> shown = lines(page);
        assertThat(shown).as("board page vs API for " + filters).containsExactlyElementsOf(lines(api, codes));
        Element counts = page.getElementById("counts");
        assertThat(counts.attr("data-expected")).isEqualTo(api.get("counts").get("expected").asText());
        assertThat(counts.attr("data-on-time")).isEqualTo(api.get("counts").get("submitted").asText());
        assertThat(counts.attr("data-late")).isEqualTo(api.get("counts").get("late").asText());
        assertThat(counts.attr("data-missing")).isEqualTo(api.get("counts").get("missing").asText());
        assertThat(page.getElementById("day-kind").text()).isEqualTo(api.get("dayKind").asText());
        assertThat(page.getElementById("date").val()).isEqualTo(api.get("date").asText());
        return shown;
    }

    private List<Line> assertBoardAgreesWithApi(Map<String, String> filters) throws Exception {
        return assertBoardAgreesWithApi(filters, STAFF, "admin", ADMIN_PASSWORD);
    }

    private static Map<String, String> params(String... pairs) {
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            params.put(pairs[i], pairs[i + 1]);
        }
        return params;
    }

    @Test
    void theBoardAndTheApiAgreeForEveryFilter() throws Exception {
        reportsOn(10, 13);
        at(10, 13, 22, 0);

        List<Map<String, String>> filters = List.of(
                params("date", "2026-10-13"),
                params("date", "2026-10-13", "city", org.cityA()),
                params("date", "2026-10-13", "city", org.cityB()),
                params("date", "2026-10-13", "unit", org.unitA()),
                params("date", "2026-10-13", "kind", "CENTRAL"),
                params("date", "2026-10-13", "city", org.cityA(), "kind", "ORDINARY"),
                params("date", "2026-10-05", "city", org.cityA()),
                params("date", "2026-10-10"),
                params("date", "2026-10-14", "unit", org.unitB()));
        for (Map<String, String> filter : filters) {
            assertBoardAgreesWithApi(filter);
        }

        // and what they agree on is right: the filters keep exactly their groups, with their statuses
        List<Line> cityA = assertBoardAgreesWithApi(params("date", "2026-10-13", "city", org.cityA()));
        assertThat(cityA).extracting(Line::group, Line::status)
                .containsExactly(tuple("保定市中心组", "MISSING"), tuple("保定市第一组", "SUBMITTED"));
        Line first = cityA.get(1);
        assertThat(first.submittedAt()).isEqualTo("2026-10-13T17:40+08:00");
        assertThat(first.reporter()).isEqualTo("李四");
        assertThat(first.figures()).containsEntry("enterprisesChecked", "12").containsEntry("problemsFound", "3")
                .containsEntry("tomorrowPlan", "继续排查清苑区涉VOCs企业");
        assertThat(assertBoardAgreesWithApi(params("date", "2026-10-13", "city", org.cityB())))
                .extracting(Line::group, Line::status).containsExactly(tuple("廊坊市第一组", "LATE"));
        assertThat(assertBoardAgreesWithApi(params("date", "2026-10-13", "city", org.cityA(), "kind", "CENTRAL")))
                .extracting(Line::group).containsExactly("保定市中心组");
        assertThat(assertBoardAgreesWithApi(params("date", "2026-10-13", "unit", org.unitB())))
                .extracting(Line::group).containsExactly("廊坊市第一组");
        assertThat(assertBoardAgreesWithApi(params("date", "2026-10-05", "city", org.cityA())))
                .as("国庆节: nobody is expected").isEmpty();

        Document page = board(params("date", "2026-10-13", "city", org.cityA()), STAFF);
        assertThat(page.getElementById("count-expected").text()).isEqualTo("2");
        assertThat(page.getElementById("count-on-time").text()).isEqualTo("1");
        assertThat(page.getElementById("count-missing").text()).isEqualTo("1");
        assertThat(page.getElementById("count-rate").text()).isEqualTo("50%");
        assertThat(page.select("#board tbody tr .status").eachText()).containsExactly("未报", "已报");
        assertThat(page.select("#city option[selected]").text()).isEqualTo(org.cityA());
        assertThat(page.getElementById("day").text()).contains("2026年10月13日（周二）", "工作日", "已截止");
        assertThat(page.getElementById("previous").attr("href")).startsWith("/dispatch?date=2026-10-12&city=");
        assertThat(board(params("date", "2026-10-10"), STAFF).getElementById("day-kind").text())
                .isEqualTo("国庆节调休上班");
        assertThat(board(params("date", "2026-10-05"), STAFF).getElementById("day-kind").text())
                .isEqualTo("国庆节假期");
    }

    @Test
    void theBoardOpensOnTodayByTheClockAndSaysWhatIsWrongWithABadDate() throws Exception {
        at(10, 15, 10, 30);
        Document today = board(params("city", org.cityA()), STAFF);
        assertThat(today.getElementById("date").val()).isEqualTo("2026-10-15");
        assertThat(today.getElementById("day").text()).contains("尚未截止");
        assertThat(lines(today)).extracting(Line::status).containsOnly("MISSING");

        Document bad = board(params("date", "2026-13-40"), STAFF);
        assertThat(bad.select(".flash.error").text()).contains("不是有效日期");
        assertThat(bad.getElementById("date").val()).isEqualTo("2026-10-15");
        assertThat(bad.select("nav a#nav-dispatch").hasClass("active")).isTrue();
        assertThat(bad.select("nav a#nav-calendar").text()).isEqualTo("工作日历");
    }

    @Test
    void remindingFromTheBoardNudgesTheMissingGroupsOfTheFilterOnly() throws Exception {
        at(10, 14, 18, 0);
        say(org.ordinaryChat(), org.member(), "日报 检查企业数：4，发现问题数：1，督办问题核查数：0，明日计划：继续");
        Document page = board(params("date", "2026-10-14", "city", org.cityA()), STAFF);
        assertThat(page.getElementById("remind").text()).isEqualTo("催报未报的 1 个工作组");

        mvc.perform(post("/dispatch/remind").param("date", "2026-10-14").param("city", org.cityA()).with(STAFF))
                .andExpect(status().isForbidden());
        mvc.perform(post("/dispatch/remind").param("date", "2026-10-14").param("city", org.cityA()).param("unit", "")
                        .param("kind", "").with(csrf()).with(STAFF))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/dispatch?date=2026-10-14&city="
                        + java.net.URLEncoder.encode(org.cityA(), StandardCharsets.UTF_8).replace("+", "%20")))
                .andExpect(flash().attribute("ok", "已在群内提醒 1 个尚未报送的工作组：保定市中心组。"));
        assertThat(reminders(org.centralChat())).isEqualTo(1);
        assertThat(reminders(org.ordinaryChat())).as("it reported").isZero();
        assertThat(reminders(org.otherCityChat())).as("outside the filter").isZero();

        mvc.perform(post("/dispatch/remind").param("date", "2026-10-15").with(csrf()).with(STAFF))
                .andExpect(flash().attribute("error", "date：不能提醒尚未到来的日期 2026-10-15"));
        assertThat(board(params("date", "2026-10-15"), STAFF).getElementById("remind")).as("a day to come").isNull();
    }

    private int reminders(String chatId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM outbox_message WHERE target_id = ? AND purpose = 'REMINDER'",
                Integer.class, chatId);
    }

    @Test
    void aViewerReadsButMayNotRemindExportOrEdit() throws Exception {
        at(10, 16, 19, 0);
        Document page = board(params("date", "2026-10-16", "city", org.cityA()), VIEWER);
        assertThat(lines(page)).hasSize(2);
        assertThat(page.getElementById("remind")).isNull();
        assertThat(page.getElementById("export-day")).isNull();
        mvc.perform(post("/dispatch/remind").param("date", "2026-10-16").with(csrf()).with(VIEWER))
                .andExpect(status().isForbidden());
        mvc.perform(get("/dispatch/export.xlsx").param("from", "2026-10-16").param("to", "2026-10-16").with(VIEWER))
                .andExpect(status().isForbidden());
        assertThat(reminders(org.centralChat())).isZero();

        Document plans = page(get("/dispatch/plans"), VIEWER);
        assertThat(plans.select("button.save")).isEmpty();
        assertThat(plans.select("fieldset[disabled]")).isNotEmpty();
        assertThat(plans.getElementById("new-plan")).isNull();
        mvc.perform(post("/dispatch/plans").param("id", "default").param("promptAt", "16:00").param("closeAt", "22:00")
                .param("label", "检查企业数").with(csrf()).with(VIEWER)).andExpect(status().isForbidden());

        Document calendar = page(get("/calendar"), VIEWER);
        assertThat(calendar.getElementById("editors")).isNull();
        assertThat(calendar.select("#months td.day")).hasSize(365);
        mvc.perform(post("/calendar/day").param("date", "2026-10-26").param("kind", "HOLIDAY").with(csrf())
                .with(VIEWER)).andExpect(status().isForbidden());
        mvc.perform(multipart("/calendar/import").file(new MockMultipartFile("file", "x.csv", "text/csv",
                "2030-01-01,HOLIDAY,元旦".getBytes(StandardCharsets.UTF_8))).with(csrf()).with(VIEWER))
                .andExpect(status().isForbidden());
        assertThat(call("GET", "/api/v1/calendar?year=2030", null).body().get("known").asBoolean()).isFalse();

        assertThat(page(get("/dispatch/stats"), VIEWER).getElementById("export-range")).isNull();
    }

    @Test
    void aUnitCoordinatorSeesAndRemindsOnlyTheOwnUnitsGroups() throws Exception {
        reportsOn(10, 19);
        at(10, 19, 22, 0);
        long unitA = directory.snapshot().unitNamed(org.unitA()).orElseThrow().id();
        String username = "coord-" + org.tag();
        users.create("admin", username, "王协调", ConsoleRole.UNIT_COORDINATOR, unitA, "coord-pass-1");
        RequestPostProcessor coordinator = user(userDetails.loadUserByUsername(username));

        List<Line> seen = assertBoardAgreesWithApi(params("date", "2026-10-19"), coordinator, username,
                "coord-pass-1");
        assertThat(seen).extracting(Line::unit).containsOnly(org.unitA());
        assertThat(seen).extracting(Line::group).containsExactly("保定市中心组", "保定市第一组");
        assertThat(board(params("date", "2026-10-19"), coordinator).select("#unit option").eachText())
                .containsExactly("全部", org.unitA());
        assertThat(assertBoardAgreesWithApi(params("date", "2026-10-19", "city", org.cityB()), coordinator, username,
                "coord-pass-1")).as("another unit's city").isEmpty();

        mvc.perform(post("/dispatch/remind").param("date", "2026-10-19").with(csrf()).with(coordinator))
                .andExpect(flash().attribute("ok", "已在群内提醒 1 个尚未报送的工作组：保定市中心组。"));

        Map<String, String> range = params("from", "2026-10-19", "to", "2026-10-19");
        JsonNode stats = json.readTree(mvc.perform(with(get("/dispatch/stats/data"), range).with(coordinator))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray());
        assertThat(stats.get("groups").findValuesAsText("unit")).containsOnly(org.unitA());
    }

    @Test
    void theExportOfADayAndOfARangeIsTheDispatchWorkbook() throws Exception {
        reportsOn(10, 20);
        reportsOn(10, 21);
        at(10, 21, 23, 0);
        Document page = board(params("date", "2026-10-21", "city", org.cityA()), STAFF);
        String link = page.getElementById("export-day").attr("href");
        assertThat(link).startsWith("/dispatch/export.xlsx?from=2026-10-21&to=2026-10-21&city=");

        long exportsBefore = audit.count("EXPORT", "staff", null, null);
        MvcResult day = mvc.perform(get("/dispatch/export.xlsx").param("from", "2026-10-21").param("to", "2026-10-21")
                .param("city", org.cityA()).with(STAFF)).andExpect(status().isOk()).andReturn();
        assertThat(day.getResponse().getHeader("Content-Disposition")).contains(".xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(day.getResponse()
                .getContentAsByteArray()))) {
            Sheet details = workbook.getSheet("调度明细");
            assertThat(details.getLastRowNum()).isEqualTo(2);
            assertThat(details.getRow(1).getCell(4).getStringCellValue()).isEqualTo("保定市中心组");
        }
        MvcResult range = mvc.perform(get("/dispatch/export.xlsx").param("from", "2026-10-20")
                .param("to", "2026-10-21").param("unit", org.unitB()).with(STAFF)).andExpect(status().isOk())
                .andReturn();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(range.getResponse()
                .getContentAsByteArray()))) {
            assertThat(workbook.getSheet("调度明细").getLastRowNum()).as("廊坊市第一组 on two days").isEqualTo(2);
            assertThat(workbook.getSheet("工作组排名").getRow(1).getCell(1).getStringCellValue()).isEqualTo("廊坊市第一组");
        }
        assertThat(audit.count("EXPORT", "staff", null, null)).isEqualTo(exportsBefore + 2);
        mvc.perform(get("/dispatch/export.xlsx").param("from", "2026-10-21").param("to", "2026-10-20").with(STAFF))
                .andExpect(status().isBadRequest());
    }

    @Test
    void aPlanWithABadValueIsShownAgainWithTheReasonInChineseAndNothingChanges() throws Exception {
        String before = call("GET", "/api/v1/dispatch/plans", null).text();
        long savedBefore = audit.count("DISPATCH_PLAN_SAVED", "staff", null, null);

        Document plans = page(get("/dispatch/plans"), STAFF);
        Element defaults = plan(plans, "default");
        assertThat(defaults.select("input[name=label]").eachAttr("value")).startsWith("检查企业数", "发现问题数");
        assertThat(defaults.selectFirst("input[name=closeAt]").val()).isEqualTo("21:00");

        // close before the prompt
        MvcResult refused = mvc.perform(post("/dispatch/plans").with(csrf()).with(STAFF)
                        .param("id", "default").param("round", "").param("kind", "").param("enabled", "true")
                        .param("code", "enterprisesChecked", "", "").param("label", "检查企业数", "夜查次数", "")
                        .param("itemKind", "NUMBER", "NUMBER", "NUMBER").param("aliases", "", "", "")
                        .param("required", "0", "1").param("promptAt", "17:00").param("reminders", "19:00")
                        .param("closeAt", "15:00").param("days", "WORKDAYS"))
                .andExpect(status().isBadRequest()).andReturn();
        Document shown = Jsoup.parse(refused.getResponse().getContentAsString(StandardCharsets.UTF_8));
        Element form = plan(shown, "default");
        assertThat(form.selectFirst(".field-error").text())
                .isEqualTo("未保存（方案保持原样）：截止时间：截止时间应晚于提示时间");
        assertThat(form.selectFirst("input[name=closeAt]").val()).as("shown as sent").isEqualTo("15:00");
        assertThat(form.select("input[name=label]").eachAttr("value")).contains("夜查次数");

        // a time that is none
        refused = mvc.perform(post("/dispatch/plans").with(csrf()).with(STAFF).param("id", "new")
                        .param("round", org.round()).param("kind", "ORDINARY").param("enabled", "true")
                        .param("code", "").param("label", "检查企业数").param("itemKind", "NUMBER").param("aliases", "")
                        .param("promptAt", "25:00").param("reminders", "").param("closeAt", "21:00")
                        .param("days", "WORKDAYS"))
                .andExpect(status().isBadRequest()).andReturn();
        shown = Jsoup.parse(refused.getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(shown.selectFirst("#new-plan .field-error").text())
                .isEqualTo("未保存（方案保持原样）：提示时间：\u201c25:00\u201d不是有效时间，应为 HH:mm，例如 17:00");
        assertThat(shown.select("#new-plan select[name=round] option[selected]").text()).isEqualTo(org.round());

        // no items at all
        mvc.perform(post("/dispatch/plans").with(csrf()).with(STAFF).param("id", "default").param("label", "", "")
                        .param("code", "", "").param("itemKind", "NUMBER", "NUMBER").param("aliases", "", "")
                        .param("promptAt", "17:00").param("closeAt", "21:00").param("days", "WORKDAYS"))
                .andExpect(status().isBadRequest());

        assertThat(call("GET", "/api/v1/dispatch/plans", null).text()).as("nothing saved").isEqualTo(before);
        assertThat(audit.count("DISPATCH_PLAN_SAVED", "staff", null, null)).isEqualTo(savedBefore);
    }

    @Test
    void aPlanForARoundIsCreatedEditedAndRemovedFromTheConsole() throws Exception {
        mvc.perform(post("/dispatch/plans").with(csrf()).with(STAFF).param("id", "new")
                        .param("round", org.round()).param("kind", "").param("enabled", "true")
                        .param("code", "", "", "", "").param("label", "检查企业数", "夜查次数", "明日计划", "")
                        .param("itemKind", "NUMBER", "NUMBER", "TEXT", "NUMBER").param("aliases", "", "夜查", "", "")
                        .param("required", "0", "1", "2").param("promptAt", "16:30")
                        .param("reminders", "19:00，20:00").param("closeAt", "22:00").param("days", "EVERY_DAY"))
                .andExpect(redirectedUrl("/dispatch/plans"))
                .andExpect(flash().attribute("ok", "已保存调度方案：" + org.round() + " · 所有组别。"));
        JsonNode plan = planOf(org.round());
        String key = plan.get("key").asText();
        assertThat(plan.get("fields").findValuesAsText("label")).containsExactly("检查企业数", "夜查次数", "明日计划");
        assertThat(plan.get("fields").findValuesAsText("code")).containsExactly("enterprisesChecked", "item1",
                "tomorrowPlan");
        assertThat(plan.get("reminders").toString()).isEqualTo("[\"19:00\",\"20:00\"]");
        assertThat(plan.get("days").asText()).isEqualTo("EVERY_DAY");

        // the page shows it; editing keeps the codes of the items it keeps
        Element form = plan(page(get("/dispatch/plans"), STAFF), key);
        assertThat(form.select("input[name=code]").eachAttr("value")).startsWith("enterprisesChecked", "item1");
        assertThat(form.selectFirst("h3").text()).isEqualTo(org.round() + " · 所有组别");
        mvc.perform(post("/dispatch/plans").with(csrf()).with(STAFF).param("id", key).param("round", org.round())
                        .param("kind", "").param("enabled", "true").param("code", "item1", "tomorrowPlan")
                        .param("label", "夜查次数", "明日计划").param("itemKind", "NUMBER", "TEXT")
                        .param("aliases", "夜查", "").param("required", "0").param("promptAt", "16:30")
                        .param("reminders", "").param("closeAt", "22:00").param("days", "WORKDAYS"))
                .andExpect(redirectedUrl("/dispatch/plans"));
        plan = planOf(org.round());
        assertThat(plan.get("fields").findValuesAsText("code")).containsExactly("item1", "tomorrowPlan");
        assertThat(plan.get("fields").get(1).get("required").asBoolean()).isFalse();
        assertThat(plan.get("reminders")).isEmpty();

        mvc.perform(post("/dispatch/plans/delete").param("key", key).with(csrf()).with(STAFF))
                .andExpect(flash().attribute("ok", "已删除调度方案，相关工作组改按默认方案报送。"));
        assertThat(planOf(org.round())).isNull();
    }

    private static Element plan(Document page, String key) {
        return page.select(".plan").stream().filter(e -> e.attr("data-key").equals(key)).findFirst()
                .orElseThrow(() -> new AssertionError("no form of plan " + key));
    }

    private JsonNode planOf(String round) {
        for (JsonNode plan : call("GET", "/api/v1/dispatch/plans", null).body()) {
            if (round.equals(text(plan.get("round")))) {
                return plan;
            }
        }
        return null;
    }

    @Test
    void aDayIsSetAndClearedOnTheCalendarAndTheBoardFollows() throws Exception {
        at(10, 22, 9, 0);
        Document year = page(get("/calendar").param("year", "2026"), STAFF);
        assertThat(year.getElementById("year").text()).isEqualTo("2026年");
        assertThat(year.selectFirst("#months td[data-date=2026-10-01]").hasClass("holiday")).isTrue();
        assertThat(year.selectFirst("#months td[data-date=2026-10-10]").hasClass("makeup")).isTrue();
        assertThat(year.selectFirst("#months td[data-date=2026-10-11]").hasClass("rest")).isTrue();
        assertThat(year.selectFirst("#months td[data-date=2026-10-22]").classNames()).contains("workday", "today");
        assertThat(year.select("#special-days tr[data-date=2026-10-10] td").eachText()).contains("调休上班");
        assertThat(year.getElementById("unknown-year")).isNull();

        mvc.perform(post("/calendar/day").param("date", "2026-10-23").param("kind", "HOLIDAY").param("name", "临时放假")
                        .with(csrf()).with(STAFF))
                .andExpect(redirectedUrl("/calendar?year=2026"))
                .andExpect(flash().attribute("ok", "2026-10-23 已设为放假（临时放假）。"));
        assertThat(page(get("/calendar"), STAFF).selectFirst("#months td[data-date=2026-10-23]").hasClass("holiday"))
                .isTrue();
        Document off = board(params("date", "2026-10-23", "city", org.cityA()), STAFF);
        assertThat(off.getElementById("day-kind").text()).isEqualTo("临时放假");
        assertThat(lines(off)).isEmpty();
        assertThat(audit.count("CALENDAR_CHANGED", "staff", null, null)).isPositive();

        mvc.perform(post("/calendar/day").param("date", "2026-10-23").param("kind", "CLEAR").with(csrf()).with(STAFF))
                .andExpect(flash().attribute("ok", "2026-10-23 已恢复按星期计（周一至周五上班，周六日休息）。"));
        Document on = board(params("date", "2026-10-23", "city", org.cityA()), STAFF);
        assertThat(on.getElementById("day-kind").text()).isEqualTo("工作日");
        assertThat(lines(on)).hasSize(2);

        // a Saturday made a working day
        mvc.perform(post("/calendar/day").param("date", "2026-10-24").param("kind", "WORKDAY").param("name", "测试")
                .with(csrf()).with(STAFF)).andExpect(flash().attribute("ok", "2026-10-24 已设为调休上班（测试）。"));
        assertThat(lines(board(params("date", "2026-10-24", "city", org.cityA()), STAFF))).hasSize(2);
        mvc.perform(post("/calendar/day").param("date", "2026-10-24").param("kind", "CLEAR").with(csrf()).with(STAFF));
    }

    @Test
    void nextYearsFileIsUploadedRefusedWholeNamingItsBadLinesOrTaken() throws Exception {
        MockMultipartFile bad = new MockMultipartFile("file", "2029.csv", "text/csv",
                "2029-01-01,HOLIDAY,元旦\n2029-02-30,HOLIDAY,春节\n2029-02-07,上课,春节调休\n".getBytes(StandardCharsets.UTF_8));
        MvcResult refused = mvc.perform(multipart("/calendar/import").file(bad).param("year", "2029").with(csrf())
                .with(STAFF)).andExpect(redirectedUrl("/calendar?year=2029")).andReturn();
        String error = (String) refused.getFlashMap().get("error");
        assertThat(error).startsWith("节假日文件未导入：\n").contains("第2行：日期\u201c2029-02-30\u201d无效", "第3行：类型\u201c上课\u201d无效")
                .doesNotContain("第1行");
        assertThat(call("GET", "/api/v1/calendar?year=2029", null).body().get("known").asBoolean()).isFalse();
        assertThat(page(get("/calendar").param("year", "2029"), STAFF).getElementById("unknown-year")).isNotNull();

        // saved by a spreadsheet on a Chinese Windows: GB18030
        MockMultipartFile good = new MockMultipartFile("file", "2029.csv", "text/csv",
                "# 2029\n2029-01-01,HOLIDAY,元旦\n2029-02-10,WORKDAY,春节调休上班\n".getBytes(Charset.forName("GB18030")));
        mvc.perform(multipart("/calendar/import").file(good).param("year", "2029").with(csrf()).with(STAFF))
                .andExpect(flash().attribute("ok", "已导入 2 天（2029.csv）。"));
        JsonNode year = call("GET", "/api/v1/calendar?year=2029", null).body();
        assertThat(year.get("known").asBoolean()).isTrue();
        assertThat(year.get("days").findValuesAsText("name")).containsExactly("元旦", "春节调休上班");
        Document page = page(get("/calendar").param("year", "2029"), STAFF);
        assertThat(page.selectFirst("#months td[data-date=2029-01-01]").hasClass("holiday")).isTrue();
        assertThat(page.selectFirst("#months td[data-date=2029-02-10]").hasClass("makeup")).isTrue();
        assertThat(page.getElementById("unknown-year")).isNull();

        MvcResult empty = mvc.perform(multipart("/calendar/import").file(new MockMultipartFile("file", "x.csv",
                "text/csv", new byte[0])).with(csrf()).with(STAFF)).andReturn();
        assertThat((String) empty.getFlashMap().get("error")).contains("请选择");
    }

    @Test
    void theStatisticsAddUpToWhatTheBoardsShow() throws Exception {
        reportsOn(11, 2);
        reportsOn(11, 3);
        at(11, 4, 18, 0);
        say(org.centralChat(), "center-lead-" + org.tag(), "日报 检查企业数：7，发现问题数：1，督办问题核查数：1，明日计划：夜查");
        at(11, 6, 12, 0);

        Map<String, String> range = params("from", "2026-11-01", "to", "2026-11-06", "city", org.cityA());
        JsonNode stats = json.readTree(mvc.perform(with(get("/dispatch/stats/data"), range).with(STAFF))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray());
        assertThat(stats).as("the same as the API's range").isEqualTo(api("/api/v1/dispatch/range", range));
        assertThat(stats.get("days")).hasSize(6);

        for (JsonNode day : stats.get("days")) {
            Document board = board(params("date", day.get("date").asText(), "city", org.cityA()), STAFF);
            Element counts = board.getElementById("counts");
            JsonNode total = day.get("total");
            assertThat(counts.attr("data-expected")).isEqualTo(total.get("expected").asText());
            assertThat(counts.attr("data-on-time")).isEqualTo(total.get("onTime").asText());
            assertThat(counts.attr("data-late")).isEqualTo(total.get("late").asText());
            assertThat(counts.attr("data-missing")).isEqualTo(total.get("missing").asText());
            // the totals row of the board: the numeric columns add up to the day's totals
            List<String> codes = board.select("#board thead th[data-code]").eachAttr("data-code");
            List<String> totals = board.select("#totals th.figure").stream().map(Element::text).toList();
            total.get("totals").fields().forEachRemaining(e -> assertThat(totals.get(codes.indexOf(e.getKey())))
                    .as(day.get("date").asText() + " " + e.getKey()).isEqualTo(e.getValue().asText()));
            // and the lines of the board add up to them too
            List<Line> lines = lines(board);
            total.get("totals").fields().forEachRemaining(e -> assertThat(lines.stream()
                    .map(l -> l.figures().get(e.getKey())).filter(v -> !v.isEmpty()).mapToLong(Long::parseLong)
                    .sum()).isEqualTo(e.getValue().asLong()));
        }
        JsonNode monday = stats.get("days").get(1);
        assertThat(monday.get("date").asText()).isEqualTo("2026-11-02");
        assertThat(monday.get("total").get("totals").get("enterprisesChecked").asLong()).isEqualTo(12);
        assertThat(stats.get("days").get(0).get("total").get("expected").asInt()).as("a Sunday").isZero();

        // the ranking tables are the range's standings
        Document page = page(with(get("/dispatch/stats"), range), STAFF);
        assertThat(page.select("#group-ranking tbody tr").eachAttr("data-name"))
                .containsExactlyElementsOf(stats.get("groups").findValuesAsText("name"));
        assertThat(page.select("#unit-ranking tbody tr").eachAttr("data-name"))
                .containsExactlyElementsOf(stats.get("units").findValuesAsText("name"));
        assertThat(page.select("#group-ranking tbody tr").first().text()).contains("保定市第一组", "40.0%");
        assertThat(page.selectFirst("main").attr("data-stats"))
                .startsWith("/dispatch/stats/data?from=2026-11-01&to=2026-11-06&city=");
        assertThat(page.select("script[src]").eachAttr("src")).anySatisfy(src -> assertThat(src)
                .startsWith("/webjars/echarts/").endsWith("/dist/echarts.min.js"));

        // without a range: the last 30 days up to today
        Document recent = page(get("/dispatch/stats"), STAFF);
        assertThat(recent.getElementById("from").val()).isEqualTo("2026-10-08");
        assertThat(recent.getElementById("to").val()).isEqualTo("2026-11-06");
        Document reversed = page(get("/dispatch/stats").param("from", "2026-11-06").param("to", "2026-11-01"), STAFF);
        assertThat(reversed.select(".flash.error").text()).contains("结束日期不能早于开始日期");
    }

    /** The range's figures are kept in memory by day: a report filed for a past day must show at once all the same. */
    @Test
    void aReportFiledForAPastDayShowsAtOnceOnItsBoardAndInTheRange() throws Exception {
        reportsOn(11, 16);
        at(11, 17, 18, 0);
        Map<String, String> range = params("from", "2026-11-16", "to", "2026-11-17", "city", org.cityA());
        JsonNode before = api("/api/v1/dispatch/range", range).get("days").get(0).get("total");
        assertThat(before.get("onTime").asInt()).isEqualTo(1);
        assertThat(before.get("late").asInt()).isZero();
        assertThat(before.get("totals").get("enterprisesChecked").asLong()).isEqualTo(12);

        // the central group makes up its report of the 16th a day later
        say(org.centralChat(), "center-lead-" + org.tag(),
                "11月16日日报 检查企业数：7，发现问题数：1，督办问题核查数：1，明日计划：夜查");
        JsonNode stats = json.readTree(mvc.perform(with(get("/dispatch/stats/data"), range).with(STAFF))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray());
        assertThat(stats).as("the chart data and the API's range").isEqualTo(api("/api/v1/dispatch/range", range));
        JsonNode after = stats.get("days").get(0).get("total");
        assertThat(after.get("onTime").asInt()).isEqualTo(1);
        assertThat(after.get("late").asInt()).as("made up after the close time").isEqualTo(1);
        assertThat(after.get("missing").asInt()).isZero();
        assertThat(after.get("totals").get("enterprisesChecked").asLong()).isEqualTo(19);
        assertThat(lines(board(params("date", "2026-11-16", "city", org.cityA()), STAFF)))
                .filteredOn(l -> l.group().equals("保定市中心组")).singleElement()
                .satisfies(l -> assertThat(l.status()).isEqualTo("LATE"));
        assertBoardAgreesWithApi(params("date", "2026-11-16", "city", org.cityA()));

        // a report that another instance filed (straight into the database) shows as well
        long group = directory.snapshot().groups().stream()
                .filter(g -> g.name().equals("保定市第一组") && org.cityA().equals(directory.snapshot().cityName(g.cityId())))
                .findFirst().orElseThrow().id();
        dispatch.insertCurrent(new DailyReportRow(null, LocalDate.of(2026, 11, 17), group, 0L, "u", "组长",
                LocalDateTime.of(2026, 11, 17, 17, 30).atZone(ConsoleClock.CLOCK.getZone()).toInstant(), false,
                Map.of("enterprisesChecked", 5), "", true));
        JsonNode today = api("/api/v1/dispatch/range", range).get("days").get(1).get("total");
        assertThat(today.get("onTime").asInt()).isEqualTo(1);
        assertThat(today.get("totals").get("enterprisesChecked").asLong()).isEqualTo(5);
    }

    @Test
    void theChartsLibraryIsServedWithoutALoginAndTheHomePageCountsTodaysDispatch() throws Exception {
        MvcResult script = mvc.perform(get("/webjars/echarts/dist/echarts.min.js")).andExpect(status().isOk())
                .andReturn();
        assertThat(script.getResponse().getContentAsByteArray().length).isGreaterThan(100_000);

        at(10, 27, 18, 0);
        say(org.ordinaryChat(), org.member(), "日报 检查企业数：4，发现问题数：1，督办问题核查数：0，明日计划：继续");
        Document home = page(get("/"), STAFF);
        assertThat(home.getElementById("dispatch-card").text()).contains("今日调度已报（工作日）");
        assertThat(home.getElementById("dispatch-card").attr("href")).isEqualTo("/dispatch");
        JsonNode today = api("/api/v1/dispatch/today", Map.of());
        assertThat(home.selectFirst("#dispatch-card .num").text()).isEqualTo(
                (today.get("counts").get("submitted").asInt() + today.get("counts").get("late").asInt()) + " / "
                        + today.get("counts").get("expected").asInt());
    }

    /** A report replaced later the same day stays in the history: on the board's row and through the API. */
    @Test
    void aReplacedReportIsListedOnTheBoardRowAndThroughTheApi() throws Exception {
        at(11, 10, 17, 40);
        say(org.ordinaryChat(), org.member(), "日报 检查企业数：4，发现问题数：1，督办问题核查数：0，明日计划：巡查");
        at(11, 10, 18, 5);
        say(org.ordinaryChat(), org.leader(), "日报 检查企业数：6");

        Document board = board(Map.of("date", "2026-11-10", "city", org.cityA()), VIEWER);
        Element details = board.selectFirst("#board tr[data-group='保定市第一组'] details.history");
        assertThat(details).isNotNull();
        assertThat(board.selectFirst("#board tr[data-group='保定市中心组'] details.history")).as("no report").isNull();
        String src = details.attr("data-src");
        assertThat(src).startsWith("/dispatch/history?date=2026-11-10&group=");
        String groupId = src.substring(src.indexOf("group=") + 6);
        Document list = page(get("/dispatch/history").param("date", "2026-11-10").param("group", groupId), VIEWER);
        assertThat(list.select("li").eachText()).containsExactly(
                "11月10日 18:05 张三（当前）：检查企业数 6，发现问题数 1，督办问题核查数 0，明日计划 巡查",
                "11月10日 17:40 李四（已被替换）：检查企业数 4，发现问题数 1，督办问题核查数 0，明日计划 巡查");

        String byName = "/api/v1/dispatch/2026-11-10/groups/" + java.net.URLEncoder.encode("保定市第一组",
                StandardCharsets.UTF_8) + "/history";
        JsonNode history = api(byName, Map.of("city", org.cityA()));
        assertThat(history.get("workGroupId").asText()).isEqualTo(groupId);
        assertThat(history.get("versions")).hasSize(2);
        JsonNode current = history.get("versions").get(0);
        assertThat(current.get("current").asBoolean()).isTrue();
        assertThat(current.get("reporter").asText()).isEqualTo("张三");
        assertThat(current.get("submittedAt").asText()).isEqualTo("2026-11-10T18:05+08:00");
        assertThat(current.get("fields").get("enterprisesChecked").asInt()).isEqualTo(6);
        JsonNode replaced = history.get("versions").get(1);
        assertThat(replaced.get("current").asBoolean()).isFalse();
        assertThat(replaced.get("reporter").asText()).isEqualTo("李四");
        assertThat(replaced.get("submittedAt").asText()).isEqualTo("2026-11-10T17:40+08:00");
        assertThat(replaced.get("fields").get("enterprisesChecked").asInt()).isEqualTo(4);
        assertThat(api("/api/v1/dispatch/2026-11-10/groups/" + groupId + "/history", Map.of()))
                .isEqualTo(history);

        Answer ambiguous = call("GET", byName, null);
        assertThat(ambiguous.status()).isEqualTo(400);
        assertThat(ambiguous.body().get("message").asText()).contains("city");
        assertThat(call("GET", "/api/v1/dispatch/2026-11-10/groups/0/history", null).status()).isEqualTo(404);
    }

    /**
     * A year without holiday data counts every weekday as a working day: from 1 November the console says the next
     * year is missing (概览, 看板, 工作日历) and the bureau chats are told once. 2039/2040 are years no other test loads.
     */
    @Test
    void aMissingNextYearIsShownInTheConsoleAndToldToTheBureauOnce(@Autowired CalendarGap gap) throws Exception {
        Answer known = call("POST", "/api/v1/calendar/import", "text/csv", "2039-01-01,HOLIDAY,元旦\n");
        assertThat(known.status()).as(known.text()).isEqualTo(200);
        String told = "SELECT content FROM outbox_message WHERE target_id = ? AND content LIKE '%工作日历提醒%'";
        ConsoleClock.CLOCK.set(LocalDateTime.of(2039, 10, 31, 10, 0));
        for (String path : List.of("/", "/dispatch", "/calendar")) {
            assertThat(page(get(path), VIEWER).getElementById("calendar-gap")).as(path).isNull();
        }
        gap.check();
        assertThat(jdbc.queryForList(told, String.class, org.bureauChat())).isEmpty();

        ConsoleClock.CLOCK.set(LocalDateTime.of(2039, 11, 1, 10, 0));
        for (String path : List.of("/", "/dispatch", "/calendar")) {
            Element banner = page(get(path), VIEWER).getElementById("calendar-gap");
            assertThat(banner).as(path).isNotNull();
            assertThat(banner.text()).contains("缺少2040年的法定节假日安排", "按工作日计", "上传");
        }
        gap.check();
        gap.check();
        ConsoleClock.CLOCK.set(LocalDateTime.of(2039, 11, 2, 10, 0));
        gap.check();
        assertThat(jdbc.queryForList(told, String.class, org.bureauChat())).singleElement()
                .satisfies(text -> assertThat(text).contains("2040年", "工作日历", "POST /api/v1/calendar/import"));

        Answer next = call("POST", "/api/v1/calendar/import", "text/csv", "2040-01-01,HOLIDAY,元旦\n");
        assertThat(next.status()).as(next.text()).isEqualTo(200);
        assertThat(page(get("/"), VIEWER).getElementById("calendar-gap")).isNull();
    }
}
