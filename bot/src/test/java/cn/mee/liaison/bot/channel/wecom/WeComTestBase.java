package cn.mee.liaison.bot.channel.wecom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;

import cn.mee.liaison.bot.channel.wecom.crypto.WeComCipher;
import cn.mee.liaison.bot.channel.wecom.fake.FakeWeCom;
import cn.mee.liaison.bot.command.CommandRouter;
import cn.mee.liaison.bot.directory.DirectoryDocument;
import cn.mee.liaison.bot.directory.DirectoryDocument.Chat;
import cn.mee.liaison.bot.directory.DirectoryDocument.Member;
import cn.mee.liaison.bot.directory.DirectoryDocument.Person;
import cn.mee.liaison.bot.directory.DirectoryDocument.WorkGroup;
import cn.mee.liaison.bot.support.RunningBot;
import cn.mee.liaison.storage.message.FiledMessageMapper;
import cn.mee.liaison.storage.message.MessageQuery;
import cn.mee.liaison.testsupport.OffsetClock;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * A running bot wired to one fake WeCom (shared by the WeCom test classes, so they share one Spring context): the
 * intelligent robot in webhook mode, the self-built app, and a small organisation per test with a robot chat, a
 * bureau webhook chat and a coordinator.
 */
@Import(WeComTestBase.TestClock.class)
abstract class WeComTestBase extends RunningBot {

    static final String ROBOT_TOKEN = "robotToken1";
    static final String ROBOT_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
    static final String APP_TOKEN = "appToken1";
    static final String APP_KEY = "ZYXWVUTSRQPONMLKJIHGFEDCBA9876543210zyxwvut";
    static final String CORP = "ww-test-corp";
    static final String APP_SECRET = "app-secret-value-1";

    static final OffsetClock CLOCK = OffsetClock.shanghai();
    static final FakeWeCom WECOM = FakeWeCom.start(CLOCK).corp(CORP, APP_SECRET);

    /** Closed while a test holds the bot's answers back (filing goes on). */
    static volatile CountDownLatch answering = new CountDownLatch(0);

    @TestConfiguration
    static class TestClock {
        @Bean
        @Primary
        Clock testClock() {
            return CLOCK;
        }
    }

    @DynamicPropertySource
    static void wecom(DynamicPropertyRegistry registry) {
        registry.add("liaison.wecom.api-base-url", WECOM::apiBaseUrl);
        registry.add("liaison.wecom.robot.token", () -> ROBOT_TOKEN);
        registry.add("liaison.wecom.robot.encoding-aes-key", () -> ROBOT_KEY);
        registry.add("liaison.wecom.robot.bot-id", () -> "bot-1");
        registry.add("liaison.wecom.robot.reply-budget", () -> "1500ms");
        registry.add("liaison.wecom.app.corp-id", () -> CORP);
        registry.add("liaison.wecom.app.agent-id", () -> String.valueOf(FakeWeCom.DEFAULT_AGENT_ID));
        registry.add("liaison.wecom.app.secret", () -> APP_SECRET);
        registry.add("liaison.wecom.app.token", () -> APP_TOKEN);
        registry.add("liaison.wecom.app.encoding-aes-key", () -> APP_KEY);
        registry.add("liaison.wecom.http.request-timeout", () -> "1s");
        registry.add("liaison.wecom.http.max-download", () -> "64KB");
        registry.add("liaison.outbox.poll-interval", () -> "200ms");
        registry.add("liaison.attachments.poll-interval", () -> "200ms");
    }

    @MockitoSpyBean
    CommandRouter commands;

    @Autowired
    FiledMessageMapper messages;

    @Autowired
    MeterRegistry meters;

    protected final String tag = UUID.randomUUID().toString().substring(0, 8);
    protected SignedCallbacks robot;
    protected SignedCallbacks app;
    protected final WeComCipher robotCipher = new WeComCipher(ROBOT_TOKEN, ROBOT_KEY, "");
    protected final WeComCipher appCipher = new WeComCipher(APP_TOKEN, APP_KEY, CORP);

    @BeforeEach
    void organisation() {
        WECOM.reset();
        doAnswer(invocation -> {
            answering.await(30, TimeUnit.SECONDS);
            return invocation.callRealMethod();
        }).when(commands).respond(any());
        robot = new SignedCallbacks(url(""), robotCipher, CLOCK);
        app = new SignedCallbacks(url(""), appCipher, CLOCK);
        WECOM.member(leader()).member(member()).member(coordinator());
        DirectoryDocument doc = new DirectoryDocument(
                List.of(new DirectoryDocument.Unit("单位-" + tag, new Person(coordinator(), "王协调"))),
                List.of(new DirectoryDocument.City("保定市-" + tag, "单位-" + tag, List.of())),
                List.of(new DirectoryDocument.Round("轮次-" + tag, "2026-11-01", "2026-12-31")),
                List.of(new WorkGroup("保定市第一组", "保定市-" + tag, "单位-" + tag, "ORDINARY", "轮次-" + tag,
                        List.of(new Member(leader(), "张三", "LEADER"), new Member(member(), "李四", "MEMBER")),
                        List.of(new Chat("WECOM_ROBOT", robotChat(), null, null)))),
                List.of(new Chat("WECOM_WEBHOOK", bureauHook(), hookKey(), "执法局群"),
                        new Chat("WECOM_APPCHAT", bureauAppChat(), null, "执法局应用群")),
                List.of(new Person("zfj-" + tag, "周执法")));
        WECOM.webhookKey(hookKey()).appChat(bureauAppChat(), List.of(leader(), coordinator()));
        assertThat(call("PUT", "/api/v1/directory", doc).status()).isEqualTo(200);
    }

    String leader() {
        return "zhangsan-" + tag;
    }

    String member() {
        return "lisi-" + tag;
    }

    String coordinator() {
        return "coord-" + tag;
    }

    String robotChat() {
        return "wrk-" + tag;
    }

    String bureauHook() {
        return "bureau-hook-" + tag;
    }

    String hookKey() {
        return "key-" + tag;
    }

    String bureauAppChat() {
        return "bureau-app-" + tag;
    }

    String robotText(String msgId, String text) {
        return "{\"msgid\":\"" + msgId + "\",\"aibotid\":\"bot-1\",\"chatid\":\"" + robotChat()
                + "\",\"chattype\":\"group\",\"from\":{\"userid\":\"" + member() + "\"},\"response_url\":\""
                + WECOM.newResponseUrl() + "\",\"msgtype\":\"text\",\"text\":{\"content\":"
                + quoted(text) + "}}";
    }

    String quoted(String text) {
        try {
            return json.writeValueAsString(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Robot callbacks refused with this HTTP status so far, as the metric counts them. */
    double refusedCount(String status) {
        var counter = meters.find("liaison.wecom.callbacks.refused").tags("door", "ROBOT", "status", status).counter();
        return counter == null ? 0 : counter.count();
    }

    long filed(String chatId) {
        return messages.count(MessageQuery.all().inChat(chatId));
    }
}
