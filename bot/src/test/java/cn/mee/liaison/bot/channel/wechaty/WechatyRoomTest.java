package cn.mee.liaison.bot.channel.wechaty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import cn.mee.liaison.bot.directory.DirectoryDocument;
import cn.mee.liaison.bot.directory.DirectoryDocument.Chat;
import cn.mee.liaison.bot.directory.DirectoryDocument.City;
import cn.mee.liaison.bot.directory.DirectoryDocument.Member;
import cn.mee.liaison.bot.directory.DirectoryDocument.Person;
import cn.mee.liaison.bot.directory.DirectoryDocument.Round;
import cn.mee.liaison.bot.directory.DirectoryDocument.Unit;
import cn.mee.liaison.bot.directory.DirectoryDocument.WorkGroup;
import cn.mee.liaison.bot.support.MultipartBody;
import cn.mee.liaison.bot.support.RunningBot;
import cn.mee.liaison.testsupport.MutableClock;
import com.fasterxml.jackson.databind.JsonNode;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.TestPropertySource;

/**
 * WeChat rooms through the WECHATY door on a running bot, with a puppet service faked in process: a room's message is
 * filed once and answered in the room, the bot never answers itself, a reply @-mentions its sender, a broken or
 * silent event stream is reconnected, messages wait while the account is logged out, a refused send fails with the
 * reason, the account is paced, dispatch reminders reach the room, and room joins and leaves are told with what the
 * directory knows of the room. The silence timeout is an hour, far above the minutes the clock moves between tests
 * (with 90 s, each test's move set off a ding and, now and then, a reconnection in the middle of another test); the
 * gap between two sends is off here (the pacer's own test covers it).
 */
@Import(WechatyRoomTest.FakeService.class)
@TestPropertySource(properties = {
        "liaison.wechaty.endpoint=in-process",
        "liaison.wechaty.token=" + WechatyRoomTest.TOKEN,
        "liaison.wechaty.tls=false",
        "liaison.wechaty.silence-timeout=1h",
        "liaison.pacing.wechaty-min-gap=0s"})
class WechatyRoomTest extends RunningBot {

    static final String TOKEN = "insecure_room-test";
    static final FakePuppet PUPPET = new FakePuppet(TOKEN);
    static final MutableClock CLOCK = MutableClock.at(LocalDateTime.of(2026, 11, 30, 10, 0));
    static final Duration SILENCE_TIMEOUT = Duration.ofHours(1);

    @TestConfiguration
    static class FakeService {
        @Bean
        @Primary
        Clock wechatyClock() {
            return CLOCK;
        }

        @Bean
        @Primary
        PuppetChannels inProcessPuppet() {
            return new PuppetChannels() {
                @Override
                public ManagedChannel open(WechatyProperties settings) {
                    return PUPPET.channel();
                }
            };
        }
    }

    @Autowired
    WechatyConnection connection;

    @Autowired
    MeterRegistry meters;

    private String tag;
    private String room;
    private String leader;
    private String member;

    @AfterAll
    static void closePuppet() {
        PUPPET.close();
    }

    @BeforeEach
    void organisation() {
        tag = UUID.randomUUID().toString().substring(0, 8);
        room = "bd1-" + tag + "@chatroom";
        leader = "wxid_leader_" + tag;
        member = "wxid_member_" + tag;
        PUPPET.contact(leader, "张三").contact(member, "李四");
        assertThat(call("PUT", "/api/v1/directory", document(List.of(room))).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> connection.selfId().isPresent());
        CLOCK.advance(Duration.ofMinutes(2)); // a fresh pacing window for each test
    }

    private DirectoryDocument document(List<String> rooms) {
        String unit = "中国环境科学研究院-" + tag;
        String city = "保定市-" + tag;
        String round = "2026年第4轮-" + tag;
        List<WorkGroup> groups = new ArrayList<>();
        for (int i = 0; i < rooms.size(); i++) {
            groups.add(new WorkGroup(i == 0 ? "保定市第一组" : "保定市第" + (i + 1) + "组", city, unit, "ORDINARY", round,
                    i == 0 ? List.of(new Member(leader, "张三", "LEADER"), new Member(member, "李四", "MEMBER"))
                            : List.of(new Member("wxid_l" + i + "_" + tag, "组长" + i, "LEADER")),
                    List.of(new Chat("WECHATY", rooms.get(i), null, "微信群" + i))));
        }
        return new DirectoryDocument(List.of(new Unit(unit, new Person("coord-" + tag, "王协调"))),
                List.of(new City(city, unit, List.of())), List.of(new Round(round, "2026-11-01", "2026-12-31")),
                groups, List.of(), List.of());
    }

    private List<JsonNode> filed(String chatId) {
        Answer answer = call("GET", "/api/v1/messages?chatId=" + chatId + "&size=50", null);
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        List<JsonNode> items = new ArrayList<>();
        answer.body().get("items").forEach(items::add);
        return items;
    }

    @Test
    void aReportInARoomIsFiledOnceAndAnsweredThereAndTheBotNeverAnswersItself() {
        String id = PUPPET.say(member, room, "日报 检查企业数：3，发现问题数：1，督办问题核查数：0，明日计划：继续排查");
        await().atMost(Duration.ofSeconds(20)).until(() -> PUPPET.saidIn(room).size() == 1);
        assertThat(PUPPET.saidIn(room).get(0).text()).startsWith("@李四" + WechatyDoor.MENTION_GAP + "已登记【每日调度】保定市第一组")
                .contains("检查企业数：3");
        List<JsonNode> filed = filed(room);
        assertThat(filed).singleElement().satisfies(m -> {
            assertThat(m.get("externalId").asText()).isEqualTo(id);
            assertThat(m.get("channel").asText()).isEqualTo("WECHATY");
            assertThat(m.get("senderId").asText()).isEqualTo(member);
            assertThat(m.get("type").asText()).isEqualTo("DAILY_REPORT");
        });

        // the event again (a replay) and the bot's own reply coming back as a message: nothing new
        PUPPET.replay(id);
        String later = PUPPET.say(member, room, "好的");
        await().atMost(Duration.ofSeconds(20)).until(() -> filed(room).size() == 2);
        assertThat(filed(room)).extracting(m -> m.get("externalId").asText()).containsExactlyInAnyOrder(id, later);
        assertThat(PUPPET.saidIn(room)).as("no second answer, no answer to itself").hasSize(1);
    }

    @Test
    void aPersonalAnswerMentionsItsSenderAndHelpIsAnsweredToTheRoom() {
        PUPPET.say(leader, room, "已完成 987654321");
        await().atMost(Duration.ofSeconds(20)).until(() -> PUPPET.saidIn(room).size() == 1);
        assertThat(PUPPET.saidIn(room).get(0)).satisfies(s -> {
            assertThat(s.text()).startsWith("@张三" + WechatyDoor.MENTION_GAP).contains("没有编号为 987654321 的截止事项");
            assertThat(s.mentions()).containsExactly(leader);
        });
        PUPPET.say(member, room, "帮助");
        await().atMost(Duration.ofSeconds(20)).until(() -> PUPPET.saidIn(room).size() == 2);
        assertThat(PUPPET.saidIn(room).get(1).mentions()).isEmpty();
        assertThat(PUPPET.saidIn(room).get(1).text()).startsWith("您可以使用以下命令");
    }

    @Test
    void aBrokenStreamIsReconnectedAndMessagesFlowAgain() {
        int calls = PUPPET.eventCalls();
        int starts = PUPPET.starts();
        PUPPET.breakStreams();
        await().atMost(Duration.ofSeconds(20)).until(() -> PUPPET.eventCalls() > calls && PUPPET.starts() > starts
                && connection.selfId().isPresent() && PUPPET.openStreams() == 1);
        PUPPET.say(member, room, "帮助");
        await().atMost(Duration.ofSeconds(20)).until(() -> PUPPET.saidIn(room).size() == 1);
    }

    @Test
    void aSilentStreamIsPingedThenReconnected() {
        int calls = PUPPET.eventCalls();
        // silent for longer than the timeout, but the service answers the ding: the stream stays
        CLOCK.advance(SILENCE_TIMEOUT.plusSeconds(1));
        java.time.Instant later = CLOCK.instant();
        await().atMost(Duration.ofSeconds(20)).until(() -> !connection.lastHeard().isBefore(later));
        assertThat(PUPPET.eventCalls()).isEqualTo(calls);
        // silent again, and no answer to the ding: a dead stream, reconnected
        PUPPET.answerDings(false);
        try {
            CLOCK.advance(SILENCE_TIMEOUT.plusSeconds(1));
            await().atMost(Duration.ofSeconds(30)).until(() -> PUPPET.eventCalls() > calls
                    && connection.selfId().isPresent());
        } finally {
            PUPPET.answerDings(true);
        }
    }

    @Test
    void whileLoggedOutANoticeWaitsAndGoesOutAfterTheLogin() {
        PUPPET.logout();
        await().atMost(Duration.ofSeconds(20)).until(() -> connection.selfId().isEmpty());
        Answer sent = call("POST", "/api/v1/notices", Map.of("title", "通知", "content", "请于今日18时前报送周小结。",
                "format", "text", "targets", Map.of("chatIds", List.of(room)), "requireAck", false));
        assertThat(sent.status()).as(sent.text()).isEqualTo(201);
        String notice = "/api/v1/notices/" + sent.body().get("id").asLong();
        await().atMost(Duration.ofSeconds(20)).until(() -> call("GET", notice, null).body().get("deliveries").get(0)
                .get("attempts").asInt() >= 1);
        assertThat(PUPPET.saidIn(room)).isEmpty();
        assertThat(call("GET", notice, null).body().get("deliveries").get(0).get("status").asText()).isEqualTo("PENDING");

        PUPPET.login();
        CLOCK.advance(Duration.ofSeconds(31));
        await().atMost(Duration.ofSeconds(20)).until(() -> PUPPET.saidIn(room).size() == 1);
        assertThat(PUPPET.saidIn(room).get(0).text()).contains("请于今日18时前报送周小结");
        await().atMost(Duration.ofSeconds(20)).until(() -> call("GET", notice, null).body().get("deliveries").get(0)
                .get("status").asText().equals("SENT"));
    }

    /** WeChat takes no file from the bot: without a public base URL the room is told to ask the bureau for it. */
    @Test
    void aNoticeAttachmentBecomesALineSayingWhereToAskForIt() throws Exception {
        Answer sent = postMultipart("/api/v1/notices", new MultipartBody()
                .part("notice", "application/json", json.writeValueAsString(Map.of("title", "督办清单",
                        "content", "请查收附件。", "targets", Map.of("chatIds", List.of(room)))))
                .file("attachment", "督办清单.xlsx", "application/octet-stream", new byte[] {1, 2, 3}));
        assertThat(sent.status()).as(sent.text()).isEqualTo(201);
        String notice = "/api/v1/notices/" + sent.body().get("id").asLong();
        await().atMost(Duration.ofSeconds(20)).until(() -> PUPPET.saidIn(room).size() == 2);
        List<String> said = PUPPET.saidIn(room).stream().map(s -> s.text()).toList();
        assertThat(said).anySatisfy(text -> assertThat(text).contains("请查收附件"))
                .contains("［附件］督办清单.xlsx：请向执法局索取（机器人所在的群无法直接接收文件）");
        await().atMost(Duration.ofSeconds(20)).until(() -> call("GET", notice, null).body().get("deliveries").get(0)
                .get("status").asText().equals("SENT"));
    }

    @Test
    void aRefusedSendFailsWithTheReason() {
        PUPPET.failSendsWith(Status.NOT_FOUND.withDescription("room not found"));
        try {
            Answer sent = call("POST", "/api/v1/notices", Map.of("title", "通知", "content", "测试", "format", "text",
                    "targets", Map.of("chatIds", List.of(room)), "requireAck", false));
            String notice = "/api/v1/notices/" + sent.body().get("id").asLong();
            await().atMost(Duration.ofSeconds(20)).until(() -> call("GET", notice, null).body().get("deliveries")
                    .get(0).get("status").asText().equals("FAILED"));
        } finally {
            PUPPET.failSendsWith(null);
        }
        assertThat(PUPPET.saidIn(room)).isEmpty();
    }

    @Test
    void theAccountIsPacedToTenMessagesAMinute() {
        List<String> rooms = IntStream.range(0, 12).mapToObj(i -> "pace-" + i + "-" + tag + "@chatroom").toList();
        assertThat(call("PUT", "/api/v1/directory", document(rooms)).status()).isEqualTo(200);
        CLOCK.advance(Duration.ofMinutes(2));
        Answer sent = call("POST", "/api/v1/notices", Map.of("title", "通知", "content", "节奏测试", "format", "text",
                "targets", Map.of("chatIds", rooms), "requireAck", false));
        assertThat(sent.status()).as(sent.text()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(20)).until(() -> count(rooms) == 10);
        // a few more worker rounds in the same minute change nothing
        await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> true);
        assertThat(count(rooms)).isEqualTo(10);
        CLOCK.advance(Duration.ofSeconds(61));
        await().atMost(Duration.ofSeconds(20)).until(() -> count(rooms) == 12);
    }

    @Test
    void aDispatchReminderReachesTheRoomMentioningTheLeader() {
        Answer reminded = call("POST", "/api/v1/dispatch/2026-11-30/remind?city=" + "保定市-" + tag, null);
        assertThat(reminded.status()).as(reminded.text()).isEqualTo(200);
        assertThat(reminded.body().get("reminded").toString()).contains("保定市第一组");
        await().atMost(Duration.ofSeconds(20)).until(() -> PUPPET.saidIn(room).size() == 1);
        assertThat(PUPPET.saidIn(room).get(0)).satisfies(s -> {
            assertThat(s.text()).startsWith("@张三" + WechatyDoor.MENTION_GAP + "【调度提醒】本群11月30日（周一）工作调度尚未报送");
            assertThat(s.mentions()).containsExactly(leader);
        });
    }

    @Test
    void roomJoinsAndLeavesAreToldWithTheWorkGroupAndCounted() {
        Logger logger = (Logger) LoggerFactory.getLogger(WechatyRooms.class);
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        logger.addAppender(logged);
        double leaves = events("EVENT_TYPE_ROOM_LEAVE");
        try {
            String stranger = "wxid_stranger_" + tag;
            PUPPET.roomJoin(room, leader, stranger);
            PUPPET.roomLeave(room, leader, member, stranger);
            PUPPET.roomTopic(room, leader, "微信群0", "保定市第一组（新）");
            PUPPET.roomJoin("elsewhere-" + tag + "@chatroom", leader, stranger);
            await().atMost(Duration.ofSeconds(20)).until(() -> logged.list.size() == 4);
        } finally {
            logger.detachAppender(logged);
        }
        assertThat(logged.list.get(0).getFormattedMessage()).contains(room, "work group 保定市第一组",
                "not members of it in the directory: [wxid_stranger_" + tag + "]");
        assertThat(logged.list.get(1).getLevel()).isEqualTo(Level.WARN);
        assertThat(logged.list.get(1).getFormattedMessage()).contains(room, "work group 保定市第一组",
                "members [" + member + "] left");
        assertThat(logged.list.get(2).getFormattedMessage()).contains(room, "保定市第一组（新）");
        assertThat(logged.list.get(3).getFormattedMessage()).contains("elsewhere-" + tag, "not in the directory");
        assertThat(events("EVENT_TYPE_ROOM_LEAVE")).isEqualTo(leaves + 1);
    }

    @Test
    void aMessageTheServiceDoesNotKnowIsTriedAFewTimesThenDropped() {
        double dropped = dropped("not-found");
        PUPPET.replay("msg-unknown-" + tag);
        await().atMost(Duration.ofSeconds(40)).until(() -> dropped("not-found") == dropped + 1);
    }

    @Test
    void whileTheAccountsIdIsUnknownAMessageIsNeverTakenForSomeoneElses() {
        double dropped = dropped("not-logged-in");
        PUPPET.logout();
        await().atMost(Duration.ofSeconds(20)).until(() -> connection.selfId().isEmpty());
        try {
            PUPPET.say(FakePuppet.SELF, room, "帮助"); // the bot's own words, as an echo while the id is unknown
            await().atMost(Duration.ofSeconds(40)).until(() -> dropped("not-logged-in") == dropped + 1);
        } finally {
            PUPPET.login();
        }
        assertThat(filed(room)).isEmpty();
        assertThat(PUPPET.saidIn(room)).isEmpty();
    }

    private double dropped(String reason) {
        return meters.counter("liaison.wechaty.messages.dropped", "reason", reason).count();
    }

    private double events(String type) {
        return meters.counter("liaison.wechaty.events", "type", type).count();
    }

    private long count(List<String> rooms) {
        return PUPPET.said().stream().filter(s -> rooms.contains(s.conversationId())).count();
    }
}
