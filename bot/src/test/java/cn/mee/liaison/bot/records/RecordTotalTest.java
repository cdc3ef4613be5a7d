package cn.mee.liaison.bot.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.mee.liaison.bot.support.RunningBot;
import cn.mee.liaison.bot.support.TestOrganisation;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
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

    private final TestOrganisation org = new TestOrganisation(UUID.randomUUID().toString().substring(0, 8));

    @BeforeEach
    void fileManyProblems() {
        assertThat(call("PUT", "/api/v1/directory", org.document()).status()).isEqualTo(200);
        say("问题 清苑区某某建材有限公司，物料露天堆放未苫盖，扬尘污染");
        // the chat's one problem copied, doubling, to 1,024 (each with its own external id)
        for (int i = 0; i < 10; i++) {
            jdbc.update("INSERT INTO filed_message (channel, chat_id, chat_type, external_id, sender_id, sender_name, "
                    + "work_group_id, unit_id, city_id, round_id, record_type, content_kind, text, fields_json, "
                    + "raw_payload, received_at, mentioned, answered, search_text) "
                    + "SELECT channel, chat_id, chat_type, CONCAT(external_id, '/', ?, '-', id), sender_id, sender_name, "
                    + "work_group_id, unit_id, city_id, round_id, record_type, content_kind, text, fields_json, "
                    + "raw_payload, received_at, mentioned, answered, search_text FROM filed_message "
                    + "WHERE chat_id = ? AND record_type = 'PROBLEM'", i, org.ordinaryChat());
        }
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
