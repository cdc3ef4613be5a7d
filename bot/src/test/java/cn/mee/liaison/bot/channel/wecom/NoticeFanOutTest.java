package cn.mee.liaison.bot.channel.wecom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.mee.liaison.bot.channel.wecom.fake.Fault;
import cn.mee.liaison.bot.channel.wecom.fake.Recorded;
import cn.mee.liaison.bot.directory.DirectoryDocument;
import cn.mee.liaison.bot.directory.DirectoryDocument.Chat;
import cn.mee.liaison.bot.directory.DirectoryDocument.Member;
import cn.mee.liaison.bot.directory.DirectoryDocument.WorkGroup;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * One notice to hundreds of chats across the doors, against the fake WeCom: faults injected on the way recover with
 * nothing lost and nothing sent twice, and the group-robot webhook's 20 per minute holds.
 */
class NoticeFanOutTest extends WeComTestBase {

    private static final int PER_DOOR = 60;

    private String appChat(int i) {
        return "fan-app-" + i + "-" + tag;
    }

    private String hook(int i) {
        return "fan-hook-" + i + "-" + tag;
    }

    private String hookKey(int i) {
        return "fan-key-" + i + "-" + tag;
    }

    /** A round of its own with PER_DOOR groups on app chats, PER_DOOR on webhooks and PER_DOOR in the sandbox. */
    private void manyGroups() {
        List<WorkGroup> groups = new ArrayList<>();
        for (int i = 0; i < PER_DOOR; i++) {
            String a = "m-a-" + i + "-" + tag;
            String b = "m-b-" + i + "-" + tag;
            WECOM.member(a).member(b).appChat(appChat(i), List.of(a, b)).webhookKey(hookKey(i));
            groups.add(group("应用群组" + i, List.of(new Member(a, "甲" + i, "LEADER"), new Member(b, "乙" + i, "MEMBER")),
                    new Chat("WECOM_APPCHAT", appChat(i), null, null)));
            groups.add(group("机器人组" + i, List.of(new Member("w-" + i + "-" + tag, "丙" + i, "LEADER")),
                    new Chat("WECOM_WEBHOOK", hook(i), hookKey(i), null)));
            groups.add(group("模拟组" + i, List.of(new Member("s-" + i + "-" + tag, "丁" + i, "LEADER")),
                    new Chat("SANDBOX", "fan-sb-" + i + "-" + tag, null, null)));
        }
        DirectoryDocument doc = new DirectoryDocument(List.of(), List.of(),
                List.of(new DirectoryDocument.Round("扇出轮-" + tag, "2026-11-01", "2026-12-31")), groups, List.of(),
                List.of());
        Answer imported = call("PUT", "/api/v1/directory", doc);
        assertThat(imported.status()).as(imported.text()).isEqualTo(200);
    }

    private WorkGroup group(String name, List<Member> members, Chat chat) {
        return new WorkGroup(name, "保定市-" + tag, "单位-" + tag, "ORDINARY", "扇出轮-" + tag, members, List.of(chat));
    }

    private JsonNode notice(long id) {
        return call("GET", "/api/v1/notices/" + id, null).body();
    }

    @Test
    void aNoticeToHundredsOfChatsSurvivesFaultsWithNothingLostOrDoubled() {
        manyGroups();
        WECOM.failNext("/cgi-bin/appchat/send", Fault.errcode(45009), 4);
        WECOM.failNext("/cgi-bin/webhook/send", Fault.http(502), 3);
        WECOM.failNext("/cgi-bin/appchat/send", Fault.timeout(), 2);
        WECOM.failNext("/cgi-bin/webhook/send", Fault.errcode(-1), 3);
        Answer created = call("POST", "/api/v1/notices", Map.of("title", "扇出测试", "content", "请各组今晚开展夜查。",
                "targets", Map.of("rounds", List.of("扇出轮-" + tag))));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        long id = created.body().get("id").asLong();

        // the platform's minute passes as often as needed: every retry comes due
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
            if (notice(id).get("status").asText().equals("COMPLETED")) {
                return true;
            }
            CLOCK.advance(Duration.ofSeconds(65));
            return false;
        });
        JsonNode notice = notice(id);
        assertThat(notice.get("counts").get("total").asInt()).isEqualTo(3 * PER_DOOR);
        assertThat(notice.get("counts").get("sent").asInt()).isEqualTo(3 * PER_DOOR);

        // the notice's requests only: the groups also get the day's dispatch prompts and reminders at their times
        Map<String, Integer> reached = new HashMap<>();
        // each door in its own form: an app group chat text, a group-robot webhook markdown
        for (Recorded r : WECOM.received("/cgi-bin/appchat/send")) {
            if (r.bodyText().contains("请各组今晚开展夜查")) {
                reached.merge(r.json().path("chatid").asText(), 1, Integer::sum);
                assertThat(r.json().path("msgtype").asText()).isEqualTo("text");
            }
        }
        for (Recorded r : WECOM.received("/cgi-bin/webhook/send")) {
            if (r.bodyText().contains("请各组今晚开展夜查")) {
                reached.merge(r.query().get("key"), 1, Integer::sum);
                assertThat(r.json().path("msgtype").asText()).isEqualTo("markdown");
                assertThat(r.json().path("markdown").path("content").asText()).startsWith("### 扇出测试");
            }
        }
        // every chat was reached, by no more requests than its row's attempts (an attempt may also fail before it
        // reaches WeCom: a dropped connection); and all requests together are one per chat plus the injected faults,
        // so no chat received the notice twice
        int injected = 4 + 3 + 2 + 3;
        for (JsonNode d : notice.get("deliveries")) {
            String chat = d.get("chatId").asText();
            String key = d.get("channel").asText().equals("WECOM_WEBHOOK") ? hookKey(index(chat)) : chat;
            if (!d.get("channel").asText().equals("SANDBOX")) {
                assertThat(reached.get(key)).as(chat).isBetween(1, d.get("attempts").asInt());
            }
        }
        assertThat(reached.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(2 * PER_DOOR + injected);
        assertThat(WECOM.violations()).isEmpty();
        assertThat(WECOM.dropped()).isEmpty();
    }

    private static int index(String chat) {
        return Integer.parseInt(chat.split("-")[2]);
    }

    @Test
    void aGroupRobotWebhookGetsNoMoreThanTwentyAMinute() {
        manyGroups();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            Answer created = call("POST", "/api/v1/notices", Map.of("title", "限频测试" + i, "content", "第" + i + "条",
                    "targets", Map.of("chatIds", List.of(hook(0)))));
            ids.add(created.body().get("id").asLong());
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> sentTo(hookKey(0)).size() == 20);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> sentTo(hookKey(0)).size() == 20);
        CLOCK.advance(Duration.ofSeconds(61));
        await().atMost(Duration.ofSeconds(20)).until(() -> sentTo(hookKey(0)).size() == 25);

        List<Instant> times = sentTo(hookKey(0)).stream().map(Recorded::at).sorted().toList();
        for (int i = 20; i < times.size(); i++) {
            assertThat(Duration.between(times.get(i - 20), times.get(i))).isGreaterThanOrEqualTo(Duration.ofSeconds(60));
        }
        assertThat(ids).allSatisfy(id -> assertThat(notice(id).get("status").asText()).isEqualTo("COMPLETED"));
        assertThat(WECOM.violations()).isEmpty();
        Answer metrics = call(null, null, "GET", "/actuator/prometheus", null);
        assertThat(metrics.text()).contains("liaison_pacing_sends_last_minute{").contains("liaison_pacing_deferred_total");
    }

    private List<Recorded> sentTo(String key) {
        return WECOM.received("/cgi-bin/webhook/send").stream().filter(r -> key.equals(r.query().get("key"))).toList();
    }
}
