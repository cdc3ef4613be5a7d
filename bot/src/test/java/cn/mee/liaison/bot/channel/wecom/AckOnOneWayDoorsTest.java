package cn.mee.liaison.bot.channel.wecom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.mee.liaison.bot.channel.wecom.fake.Recorded;
import cn.mee.liaison.bot.directory.DirectoryDocument;
import cn.mee.liaison.bot.directory.DirectoryDocument.Chat;
import cn.mee.liaison.bot.directory.DirectoryDocument.Member;
import cn.mee.liaison.bot.directory.DirectoryDocument.WorkGroup;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * A notice that asks for 收到, to groups on the one-way doors: a group-robot webhook group and an app group chat
 * cannot carry a member's answer back to the bot (wecom.md). The preview and the counts say so (回执不可用), and
 * neither the reminder nor the coordinator's message chases them; a group that can answer is chased as before.
 */
@TestPropertySource(properties = {"liaison.notices.follow-up-interval=200ms",
        "liaison.notices.ack-reminder-after=2h", "liaison.notices.ack-escalate-after=4h"})
class AckOnOneWayDoorsTest extends WeComTestBase {

    private String appChat() {
        return "ack-app-" + tag;
    }

    private String hookKey2() {
        return "ack-key-" + tag;
    }

    private String sandboxChat() {
        return "ack-sb-" + tag;
    }

    private void threeDoors() {
        String a = "ack-a-" + tag;
        String b = "ack-b-" + tag;
        WECOM.member(a).member(b).appChat(appChat(), List.of(a, b)).webhookKey(hookKey2());
        List<WorkGroup> groups = List.of(
                group("应用群组", new Member(a, "甲", "LEADER"), new Chat("WECOM_APPCHAT", appChat(), null, null)),
                group("推送组", new Member("ack-w-" + tag, "丙", "LEADER"),
                        new Chat("WECOM_WEBHOOK", "ack-hook-" + tag, hookKey2(), null)),
                group("模拟组", new Member("ack-s-" + tag, "丁", "LEADER"), new Chat("SANDBOX", sandboxChat(), null,
                        null)));
        Answer imported = call("PUT", "/api/v1/directory", new DirectoryDocument(List.of(), List.of(),
                List.of(new DirectoryDocument.Round("回执轮-" + tag, "2026-11-01", "2026-12-31")), groups, List.of(),
                List.of()));
        assertThat(imported.status()).as(imported.text()).isEqualTo(200);
    }

    private WorkGroup group(String name, Member leader, Chat chat) {
        return new WorkGroup(name + "-" + tag, "保定市-" + tag, "单位-" + tag, "ORDINARY", "回执轮-" + tag,
                List.of(leader), List.of(chat));
    }

    private JsonNode notice(long id) {
        return call("GET", "/api/v1/notices/" + id, null).body();
    }

    private List<String> said(String path) {
        List<String> texts = new ArrayList<>();
        call("GET", path, null).body().forEach(line -> texts.add(line.get("text").asText()));
        return texts;
    }

    private long reminders(String path) {
        return WECOM.received(path).stream().map(Recorded::bodyText).filter(t -> t.contains("回执提醒")).count();
    }

    @Test
    void oneWayDoorsAreMarkedUnavailableAndNotChased() {
        threeDoors();
        Map<String, Object> targets = Map.of("rounds", List.of("回执轮-" + tag));
        JsonNode preview = call("POST", "/api/v1/notices/preview", targets).body();
        assertThat(preview.get("total").asInt()).isEqualTo(3);
        assertThat(preview.get("ackUnavailable").asInt()).isEqualTo(2);
        preview.get("chats").forEach(c -> assertThat(c.get("ackable").asBoolean())
                .as(c.get("chatId").asText()).isEqualTo(c.get("channel").asText().equals("SANDBOX")));

        Answer created = call("POST", "/api/v1/notices", Map.of("title", "回执测试", "content", "请回复收到。",
                "targets", targets, "requireAck", true));
        long id = created.body().get("id").asLong();
        await().atMost(Duration.ofSeconds(20)).until(() -> notice(id).get("status").asText().equals("COMPLETED"));
        JsonNode counts = notice(id).get("counts");
        assertThat(counts.get("sent").asInt()).isEqualTo(3);
        assertThat(counts.get("ackUnavailable").asInt()).isEqualTo(2);
        assertThat(counts.get("awaitingAck").asInt()).isEqualTo(1);

        CLOCK.advance(Duration.ofHours(2).plusMinutes(1));
        await().atMost(Duration.ofSeconds(20)).until(() -> said("/api/v1/sandbox/chats/" + sandboxChat()
                + "/messages").stream().anyMatch(t -> t.startsWith("【回执提醒】") && t.contains("回执测试")));
        CLOCK.advance(Duration.ofHours(2));
        await().atMost(Duration.ofSeconds(20)).until(() -> said("/api/v1/sandbox/users/" + coordinator()
                + "/messages").stream().anyMatch(t -> t.contains("回执测试")));
        String told = said("/api/v1/sandbox/users/" + coordinator() + "/messages").stream()
                .filter(t -> t.contains("回执测试")).findFirst().orElseThrow();
        assertThat(told).contains("模拟组-" + tag).doesNotContain("应用群组").doesNotContain("推送组");
        assertThat(reminders("/cgi-bin/appchat/send")).as("no reminder to the app chat").isZero();
        assertThat(reminders("/cgi-bin/webhook/send")).as("no reminder through the webhook").isZero();
        assertThat(WECOM.received("/cgi-bin/message/send").stream().map(Recorded::bodyText))
                .noneMatch(t -> t.contains("回执测试"));
    }
}
