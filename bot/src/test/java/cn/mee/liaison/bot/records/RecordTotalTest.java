package cn.mee.liaison.bot.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.mee.liaison.bot.support.RunningBot;
import cn.mee.liaison.bot.support.TestOrganisation;
import com.fasterxml.jackson.databind.JsonNode;
import cn.mee.liaison.storage.message.SearchText;
import cn.mee.liaison.storage.support.StoredTime;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A search matching more than {@code liaison.records.exact-total-up-to} (1,000) messages: counted that far and said
 * to be "at least" that many, in the API, the console and the 查询 command; exact when asked, and for a page past it.
 */
@AutoConfigureMockMvc
class RecordTotalTest extends RunningBot {

    private static final int FILED = 1024;

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    KeywordStatistics statistics;
    @Autowired
    MeterRegistry meters;

    private final TestOrganisation org = new TestOrganisation(UUID.randomUUID().toString().substring(0, 8));

    @BeforeEach
    void fileManyProblems() {
        assertThat(call("PUT", "/api/v1/directory", org.document()).status()).isEqualTo(200);
        say("问题 清苑区某某建材有限公司，物料露天堆放未苫盖，扬尘污染");
        // the chat's one problem copied, doubling, to 1,024 (each with its own external id)
        for (int i = 0; i < 10; i++) {
            copyTheChatsProblems(i);
        }
    }

    /** Every problem of the chat once more, each with an external id of its own. */
    private void copyTheChatsProblems(int round) {
        jdbc.update("INSERT INTO filed_message (channel, chat_id, chat_type, external_id, sender_id, sender_name, "
                + "work_group_id, unit_id, city_id, round_id, record_type, content_kind, text, fields_json, "
                + "raw_payload, received_at, mentioned, answered, search_text) "
                + "SELECT channel, chat_id, chat_type, CONCAT(external_id, '/', ?, '-', id), sender_id, sender_name, "
                + "work_group_id, unit_id, city_id, round_id, record_type, content_kind, text, fields_json, "
                + "raw_payload, received_at, mentioned, answered, search_text FROM filed_message "
                + "WHERE chat_id = ? AND record_type = 'PROBLEM'", round, org.ordinaryChat());
    }

    @Test
    void aCommonKeywordGivesTheSameTotalsAndPages() {
        // the sample now says the keyword is in most messages: its page read in time order
        statistics.refresh();
        theApiCountsToTheLimitUnlessAskedForTheExactTotal();
        theQueryCommandSaysMoreThanTheLimit();
        JsonNode small = call("GET", "/api/v1/messages?type=PROBLEM&q=建材有限公司&chatId=" + org.otherCityChat(), null)
                .body();
        assertThat(small.get("total").asLong()).isZero();
        assertThat(small.get("totalExact").asBoolean()).isTrue();
    }

    @Test
    void aPageIsReadInTimeOrderOnlyWhereItsMatchesAreNotTooFewAmongTheRowsWalked() {
        // 2,048 problems in the chat, then 100 newer ones naming a coking plant: about 5 % of the chat
        copyTheChatsProblems(10);
        var first = jdbc.queryForMap("SELECT unit_id, city_id, work_group_id, received_at FROM filed_message "
                + "WHERE chat_id = ? AND record_type = 'PROBLEM' ORDER BY id LIMIT 1", org.ordinaryChat());
        String text = "问题 徐水区某焦化厂煤场未苫盖，扬尘污染";
        Object stored = first.get("received_at");
        LocalDateTime firstAt = stored instanceof Timestamp t ? t.toLocalDateTime() : (LocalDateTime) stored;
        for (int i = 1; i <= 100; i++) {
            LocalDateTime at = firstAt.plusSeconds(i);
            jdbc.update("INSERT INTO filed_message (channel, chat_id, chat_type, external_id, sender_id, sender_name, "
                    + "work_group_id, unit_id, city_id, round_id, record_type, content_kind, text, fields_json, "
                    + "raw_payload, received_at, mentioned, answered, search_text) "
                    + "SELECT channel, chat_id, chat_type, CONCAT(external_id, '/coking-', ?), sender_id, sender_name, "
                    + "work_group_id, unit_id, city_id, round_id, record_type, content_kind, ?, fields_json, "
                    + "raw_payload, ?, mentioned, answered, ? FROM filed_message WHERE chat_id = ? "
                    + "AND record_type = 'PROBLEM' ORDER BY id LIMIT 1", i, text, at,
                    SearchText.of(text, ((Number) first.get("unit_id")).longValue(),
                            ((Number) first.get("city_id")).longValue(),
                            ((Number) first.get("work_group_id")).longValue(), "PROBLEM", StoredTime.fromColumn(at)),
                    org.ordinaryChat());
        }
        statistics.refresh();
        String search = "/api/v1/messages?q=焦化厂&chatId=" + org.ordinaryChat();

        // a page of 20 of the 100: about 430 of the chat's 2,148 rows walked, within the 2,000 a walk may take
        double inOrder = pages("in-order");
        JsonNode twenty = call("GET", search + "&size=20", null).body();
        assertThat(twenty.get("total").asLong()).isEqualTo(100);
        assertThat(twenty.get("totalExact").asBoolean()).isTrue();
        assertThat(pages("in-order")).isEqualTo(inOrder + 1);
        // a page of all 100: the whole chat walked, past 2,000: through the index at once
        double tooLong = pages("index-walk-too-long");
        JsonNode hundred = call("GET", search + "&size=100", null).body();
        assertThat(pages("index-walk-too-long")).isEqualTo(tooLong + 1);
        assertThat(pages("in-order")).isEqualTo(inOrder + 1);
        // the same messages either way, newest first
        List<String> all = new ArrayList<>();
        hundred.get("items").forEach(item -> all.add(item.get("id").asText()));
        List<String> firstTwenty = new ArrayList<>();
        twenty.get("items").forEach(item -> firstTwenty.add(item.get("id").asText()));
        assertThat(all).hasSize(100).startsWith(firstTwenty.toArray(String[]::new));
        hundred.get("items").forEach(item -> assertThat(item.get("text").asText()).contains("焦化厂"));
    }

    private double pages(String read) {
        var counter = meters.find("liaison.records.pages").tag("read", read).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void theApiCountsToTheLimitUnlessAskedForTheExactTotal() {
        String problems = "/api/v1/messages?type=PROBLEM&chatId=" + org.ordinaryChat();
        JsonNode capped = call("GET", problems, null).body();
        assertThat(capped.get("total").asLong()).isEqualTo(1000);
        assertThat(capped.get("totalExact").asBoolean()).isFalse();
        assertThat(capped.get("items")).hasSize(20);

        JsonNode keyword = call("GET", problems + "&q=建材有限公司", null).body();
        assertThat(keyword.get("total").asLong()).isEqualTo(1000);
        assertThat(keyword.get("totalExact").asBoolean()).isFalse();

        JsonNode exact = call("GET", problems + "&q=建材有限公司&exactTotal=true", null).body();
        assertThat(exact.get("total").asLong()).isEqualTo(FILED);
        assertThat(exact.get("totalExact").asBoolean()).isTrue();

        // a page past the limit is counted as far as it reaches: here to the end
        JsonNode last = call("GET", problems + "&page=51&size=20", null).body();
        assertThat(last.get("total").asLong()).isEqualTo(FILED);
        assertThat(last.get("totalExact").asBoolean()).isTrue();
        assertThat(last.get("items")).hasSize(FILED - 51 * 20);

        JsonNode few = call("GET", "/api/v1/messages?type=DAILY_REPORT&chatId=" + org.ordinaryChat(), null).body();
        assertThat(few.get("total").asLong()).isZero();
        assertThat(few.get("totalExact").asBoolean()).isTrue();
    }

    @Test
    void theConsoleShowsTheTotalAsAtLeastAndLetsOneGoOnPaging() throws Exception {
        String page = mvc.perform(get("/records").param("chatId", org.ordinaryChat()).param("type", "PROBLEM")
                        .with(user("staff").roles("BUREAU_STAFF")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("id=\"total\">1000+</b>").contains("id=\"total-capped\"")
                .contains("第 1 / 20+ 页").contains("page=1");
        String exact = mvc.perform(get("/records").param("chatId", org.ordinaryChat()).param("type", "ACK")
                        .with(user("staff").roles("BUREAU_STAFF")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(exact).contains("id=\"total\">0</b>").doesNotContain("total-capped");
    }

    @Test
    void theQueryCommandSaysMoreThanTheLimit() {
        say("查询 问题 建材");
        Answer said = call("GET", "/api/v1/sandbox/chats/" + org.ordinaryChat() + "/messages", null);
        String last = said.body().get(said.body().size() - 1).get("text").asText();
        assertThat(last).contains("找到 1000+ 条记录").contains("建材有限公司");
    }

    private void say(String text) {
        Answer answer = call("POST", "/api/v1/sandbox/messages", Map.of("chatId", org.ordinaryChat(), "userId",
                org.member(), "userName", "李四", "text", text));
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
    }
}
