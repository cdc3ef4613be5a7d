package cn.mee.liaison.bot.channel.wecom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.mee.liaison.bot.LiaisonBotApplication;
import cn.mee.liaison.bot.channel.wecom.fake.FakeWeCom;
import cn.mee.liaison.bot.channel.wecom.fake.Recorded;
import cn.mee.liaison.bot.directory.DirectoryDocument;
import cn.mee.liaison.bot.directory.DirectoryDocument.Chat;
import cn.mee.liaison.bot.directory.DirectoryDocument.Member;
import cn.mee.liaison.bot.directory.DirectoryDocument.WorkGroup;
import cn.mee.liaison.bot.directory.DirectoryImport;
import cn.mee.liaison.bot.notice.NoticeRequest;
import cn.mee.liaison.bot.notice.NoticeTargets;
import cn.mee.liaison.bot.notice.Notices;
import cn.mee.liaison.testsupport.OffsetClock;
import cn.mee.liaison.testsupport.TestDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The bot stops in the middle of a notice and starts again on the same database: the second run sends what the
 * first did not, and every chat receives the notice once.
 */
class NoticeRestartTest {

    private static final int CHATS = 100;

    private final OffsetClock clock = OffsetClock.shanghai();
    private final FakeWeCom wecom = FakeWeCom.start(clock).corp("ww-restart", "restart-secret");
    private final String tag = UUID.randomUUID().toString().substring(0, 8);
    private final Map<String, String> database = new HashMap<>(TestDatabase.preferredProperties());
    private ConfigurableApplicationContext running;

    @AfterEach
    void stop() {
        if (running != null) {
            running.close();
        }
        wecom.close();
    }

    private ConfigurableApplicationContext start() {
        Map<String, Object> properties = new HashMap<>(database);
        properties.put("server.port", "0");
        properties.put("liaison.data-dir", "target/restart-" + tag);
        properties.put("liaison.security.admin-password", "restart-admin-1");
        properties.put("liaison.wecom.api-base-url", wecom.apiBaseUrl());
        properties.put("liaison.wecom.app.corp-id", "ww-restart");
        properties.put("liaison.wecom.app.agent-id", String.valueOf(FakeWeCom.DEFAULT_AGENT_ID));
        properties.put("liaison.wecom.app.secret", "restart-secret");
        properties.put("liaison.pacing.app-api-per-minute", "40");
        properties.put("liaison.outbox.poll-interval", "200ms");
        properties.put("spring.quartz.properties.org.quartz.scheduler.instanceName", "liaison-restart-" + tag);
        if (TestDatabase.mysqlAvailable()) {
            properties.put("spring.profiles.active", "mysql");
        }
        // as command-line arguments: they outrank the defaults in application.yml, as a deployment's would
        String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        return new SpringApplicationBuilder(LiaisonBotApplication.class)
                .initializers(context -> context.getBeanFactory().registerSingleton("testClock", clock))
                .run(args);
    }

    @Test
    void aNoticeInterruptedByAStopIsFinishedAfterTheStartWithEveryChatReachedOnce() {
        running = start();
        List<WorkGroup> groups = new ArrayList<>();
        for (int i = 0; i < CHATS; i++) {
            String a = "r-a-" + i + "-" + tag;
            String b = "r-b-" + i + "-" + tag;
            wecom.member(a).member(b).appChat(chat(i), List.of(a, b));
            groups.add(new WorkGroup("重启组" + i, "保定市", "单位", "ORDINARY", "重启轮",
                    List.of(new Member(a, "甲", "LEADER"), new Member(b, "乙", "MEMBER")),
                    List.of(new Chat("WECOM_APPCHAT", chat(i), null, null))));
        }
        running.getBean(DirectoryImport.class).apply(new DirectoryDocument(
                List.of(new DirectoryDocument.Unit("单位", null)),
                List.of(new DirectoryDocument.City("保定市", "单位", List.of())),
                List.of(new DirectoryDocument.Round("重启轮", "2026-11-01", "2026-12-31")), groups, List.of(),
                List.of()), "test", "test");
        long id = running.getBean(Notices.class).send(new NoticeRequest("重启测试", "请各组核对督办清单。", "text",
                new NoticeTargets(null, null, null, null, List.of("重启轮"), null), false, null), "test");

        // the first run gets as far as the platform's limit allows this minute, then stops
        await().atMost(Duration.ofSeconds(30)).until(() -> sent(id) == 40);
        running.close();
        running = null;
        assertThat(reached()).hasSize(40);

        running = start();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
            if (sent(id) == CHATS) {
                return true;
            }
            clock.advance(Duration.ofSeconds(61));
            return false;
        });
        Map<String, Integer> reached = reached();
        assertThat(reached).hasSize(CHATS);
        assertThat(reached.values()).containsOnly(1);
        assertThat(wecom.violations()).isEmpty();
    }

    private String chat(int i) {
        return "restart-" + i + "-" + tag;
    }

    private int sent(long id) {
        return running.getBean(Notices.class).view(id).counts().sent();
    }

    /** The chats the notice reached, and how often (the groups also get the day's dispatch prompts and reminders). */
    private Map<String, Integer> reached() {
        Map<String, Integer> reached = new HashMap<>();
        for (Recorded r : wecom.received("/cgi-bin/appchat/send")) {
            if (r.bodyText().contains("请各组核对督办清单")) {
                reached.merge(r.json().path("chatid").asText(), 1, Integer::sum);
            }
        }
        return reached;
    }
}
