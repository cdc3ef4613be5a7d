package cn.mee.liaison.bot.channel.wecom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.mee.liaison.bot.channel.wecom.fake.Fault;
import cn.mee.liaison.bot.channel.wecom.fake.FakeWeCom;
import cn.mee.liaison.bot.channel.wecom.fake.Recorded;
import cn.mee.liaison.bot.directory.DirectoryDocument;
import cn.mee.liaison.bot.directory.DirectoryDocument.Chat;
import cn.mee.liaison.bot.directory.DirectoryDocument.Member;
import cn.mee.liaison.bot.directory.DirectoryDocument.WorkGroup;
import cn.mee.liaison.storage.support.StoredTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * For a minute of the platform's time WeCom answers every group-chat message with 45009 (rate limited), every
 * group-robot webhook with HTTP 500, and holds every app message without an answer (the bot's 1 s request timeout
 * runs out). The clock is moved, not slept. Then WeCom recovers: every chat receives its notice once, every member
 * the answer to what they asked, nothing is FAILED, and the group-robot webhook's 20 per minute holds throughout
 * — counting the attempts that failed too.
 */
class PlatformTroubleTest extends WeComTestBase {

    private static final int CHATS = 20;
    private static final int TO_ONE_HOOK = 25;
    private static final int ASKING = 4;

    @Autowired
    JdbcTemplate jdbc;

    private String appChat(int i) {
        return "pt-app-" + i + "-" + tag;
    }

    private String hookChat(int i) {
        return "pt-hook-" + i + "-" + tag;
    }

    private String hookKey(int i) {
        return "pt-key-" + i + "-" + tag;
    }

    private String asker(int i) {
        return "pt-a-" + i + "-" + tag;
    }

    private String round() {
        return "故障轮-" + tag;
    }

    private void troubleOrganisation() {
        List<WorkGroup> groups = new ArrayList<>();
        for (int i = 0; i < CHATS; i++) {
            String a = "pt-a-" + i + "-" + tag;
            String b = "pt-b-" + i + "-" + tag;
            WECOM.member(a).member(b).appChat(appChat(i), List.of(a, b)).webhookKey(hookKey(i));
            groups.add(group("应用群组" + i, List.of(new Member(a, "甲" + i, "LEADER"), new Member(b, "乙" + i, "MEMBER")),
                    new Chat("WECOM_APPCHAT", appChat(i), null, null)));
            groups.add(group("推送组" + i, List.of(new Member("pt-w-" + i + "-" + tag, "丙" + i, "LEADER")),
                    new Chat("WECOM_WEBHOOK", hookChat(i), hookKey(i), null)));
        }
        Answer imported = call("PUT", "/api/v1/directory", new DirectoryDocument(List.of(), List.of(),
                List.of(new DirectoryDocument.Round(round(), "2026-11-01", "2026-12-31")), groups, List.of(),
                List.of()));
        assertThat(imported.status()).as(imported.text()).isEqualTo(200);
    }

    private WorkGroup group(String name, List<Member> members, Chat chat) {
        return new WorkGroup(name, "保定市-" + tag, "单位-" + tag, "ORDINARY", round(), members, List.of(chat));
    }

    @Test
    void aMinuteOfRateLimitsServerErrorsAndTimeoutsLosesNothingAndKeepsThePace() {
        troubleOrganisation();
        WECOM.alwaysFail("/cgi-bin/appchat/send", Fault.errcode(45009));
        WECOM.alwaysFail("/cgi-bin/webhook/send", Fault.http(500));
        WECOM.alwaysFail("/cgi-bin/message/send", Fault.timeout());
        Instant troubleStarts = CLOCK.instant();

        List<Long> notices = new ArrayList<>();
        notices.add(notice("故障演练", "请各组核对本周夜查安排。", Map.of("rounds", List.of(round()))));
        for (int i = 0; i < TO_ONE_HOOK; i++) {
            notices.add(notice("限频" + i, "第" + i + "条", Map.of("chatIds", List.of(hookChat(0)))));
        }
        for (int i = 0; i < ASKING; i++) {
            String xml = "<xml><ToUserName><![CDATA[" + CORP + "]]></ToUserName><FromUserName><![CDATA[" + asker(i)
                    + "]]></FromUserName><CreateTime>" + CLOCK.instant().getEpochSecond() + "</CreateTime>"
                    + "<MsgType><![CDATA[text]]></MsgType><Content><![CDATA[帮助]]></Content><MsgId>pt-" + i + "-"
                    + tag + "</MsgId><AgentID>" + FakeWeCom.DEFAULT_AGENT_ID + "</AgentID></xml>";
            assertThat(app.post("/wecom/app/callback", app.app(xml, CORP, FakeWeCom.DEFAULT_AGENT_ID)).status())
                    .isEqualTo(200);
        }

        // a minute of trouble, ten seconds of the platform's time at a step: each step, whatever is due is tried
        for (int step = 0; step < 6; step++) {
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(this::nothingDue);
            CLOCK.advance(Duration.ofSeconds(10));
        }
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(this::nothingDue);
        int appChatTries = WECOM.received("/cgi-bin/appchat/send").size();
        int webhookTries = WECOM.received("/cgi-bin/webhook/send").size();
        int appTries = WECOM.received("/cgi-bin/message/send").size();
        assertThat(WECOM.accepted("/cgi-bin/")).as("nothing got through during the trouble").noneMatch(r ->
                r.path().endsWith("/send"));
        assertThat(failedRows()).as("nothing given up during the trouble").isZero();
        WECOM.clearFaults();
        Instant troubleEnds = CLOCK.instant();

        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() -> {
            if (openRows() == 0) {
                return true;
            }
            if (nothingDue()) {
                CLOCK.advance(Duration.ofSeconds(30));
            }
            return false;
        });

        assertThat(failedRows()).isZero();
        for (long id : notices) {
            assertThat(call("GET", "/api/v1/notices/" + id, null).body().get("status").asText()).isEqualTo("COMPLETED");
        }
        Map<String, Long> chats = count("/cgi-bin/appchat/send", r -> r.json().path("chatid").asText());
        assertThat(chats).hasSize(CHATS);
        assertThat(chats.values()).as("each chat once").containsOnly(1L);
        Map<String, Long> hooks = count("/cgi-bin/webhook/send", r -> r.query().get("key"));
        assertThat(hooks).hasSize(CHATS);
        assertThat(hooks.get(hookKey(0))).isEqualTo(1L + TO_ONE_HOOK);
        hooks.remove(hookKey(0));
        assertThat(hooks.values()).containsOnly(1L);
        Map<String, Long> members = count("/cgi-bin/message/send", r -> r.json().path("touser").asText());
        assertThat(members).hasSize(ASKING);
        assertThat(members.values()).as("the help in two parts, each once").containsOnly(2L);

        // the 20 per minute of a group-robot webhook held across trouble and recovery, failed attempts counted
        List<Instant> toOneHook = WECOM.received("/cgi-bin/webhook/send").stream()
                .filter(r -> hookKey(0).equals(r.query().get("key"))).map(Recorded::at).sorted().toList();
        for (int i = 20; i < toOneHook.size(); i++) {
            assertThat(Duration.between(toOneHook.get(i - 20), toOneHook.get(i)))
                    .isGreaterThanOrEqualTo(Duration.ofSeconds(60));
        }
        assertThat(WECOM.violations()).isEmpty();
        assertThat(WECOM.dropped()).isEmpty();
        System.out.print(String.format(
                "FAULT-REPORT platform trouble: %d s of platform time (45009 on appchat/send, HTTP 500 on "
                        + "webhook/send, no answer on message/send); tries during it: appchat %d, webhook %d, "
                        + "message/send %d, none through, none FAILED; recovered within %d s of platform time: %d chat "
                        + "messages once each, %d webhook messages (%d to one webhook, never more than 20 in 60 s), %d "
                        + "app messages (each member's 2 parts once); violations 0, dropped 0%n",
                Duration.between(troubleStarts, troubleEnds).toSeconds(), appChatTries, webhookTries, appTries,
                Duration.between(troubleEnds, CLOCK.instant()).toSeconds(), CHATS, CHATS + TO_ONE_HOOK, TO_ONE_HOOK + 1,
                2 * ASKING));
    }

    private long notice(String title, String content, Map<String, Object> targets) {
        Answer created = call("POST", "/api/v1/notices", Map.of("title", title, "content", content,
                "targets", targets));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.body().get("id").asLong();
    }

    private Map<String, Long> count(String path, Function<Recorded, String> key) {
        return WECOM.accepted(path).stream().collect(Collectors.groupingBy(key, Collectors.counting()));
    }

    /** This test's rows: none due now and none being sent (every due row was tried at this clock time). */
    private boolean nothingDue() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM outbox_message WHERE target_id LIKE ? AND "
                + "((status = 'PENDING' AND next_attempt_at <= ?) OR status = 'SENDING')", Integer.class,
                "%" + tag, StoredTime.toColumnText(CLOCK.instant())) == 0;
    }

    private int openRows() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM outbox_message WHERE target_id LIKE ? AND status IN "
                + "('PENDING', 'SENDING')", Integer.class, "%" + tag);
    }

    private int failedRows() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM outbox_message WHERE target_id LIKE ? AND status = 'FAILED'",
                Integer.class, "%" + tag);
    }
}
