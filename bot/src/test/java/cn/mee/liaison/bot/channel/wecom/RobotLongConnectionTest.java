package cn.mee.liaison.bot.channel.wecom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;

import cn.mee.liaison.bot.channel.wecom.fake.Fault;
import cn.mee.liaison.bot.channel.wecom.fake.FakeWeCom;
import cn.mee.liaison.bot.channel.wecom.fake.Recorded;
import cn.mee.liaison.bot.channel.wecom.robot.RobotLongConnection;
import cn.mee.liaison.bot.command.CommandRouter;
import cn.mee.liaison.bot.command.Exchange;
import cn.mee.liaison.bot.directory.DirectoryDocument;
import cn.mee.liaison.bot.directory.DirectoryDocument.Chat;
import cn.mee.liaison.bot.directory.DirectoryDocument.Member;
import cn.mee.liaison.bot.directory.DirectoryDocument.Person;
import cn.mee.liaison.bot.directory.DirectoryDocument.WorkGroup;
import cn.mee.liaison.bot.support.MultipartBody;
import cn.mee.liaison.bot.support.RunningBot;
import cn.mee.liaison.testsupport.OffsetClock;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * The intelligent robot's long connection end to end against the fake WeCom ({@code liaison.wecom.robot.mode=
 * websocket}): subscribe and pings, messages pushed in, filed once and answered with their own req_id, replies to one
 * req_id one at a time, proactive pushes, a dead or dropped connection replaced with backoff, and the end for good
 * when another connection takes the robot over. The tests share one connection and run in order: the last one ends it.
 */
@ExtendWith(OutputCaptureExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RobotLongConnectionTest extends RunningBot {

    static final String BOT_ID = "aibot-lc-1";
    static final String SECRET = "lc-Secret-7f3Kq9Zx2Wm";
    static final String CORP = "ww-lc-corp";
    static final String APP_SECRET = "lc-app-secret-1";
    static final Duration PING_INTERVAL = Duration.ofMillis(300);
    static final Duration MAX_BACKOFF = Duration.ofMillis(800);
    static final Duration WAIT = Duration.ofSeconds(10);
    /** The bot's address as the groups reach it: links to files are made on it. */
    static final String PUBLIC_BASE = "https://liaison.example.gov.cn/bot";

    static final OffsetClock CLOCK = OffsetClock.shanghai();
    static final FakeWeCom WECOM = FakeWeCom.start(CLOCK).robot(BOT_ID, SECRET).corp(CORP, APP_SECRET);

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
        registry.add("liaison.wecom.robot.mode", () -> "websocket");
        registry.add("liaison.public-base-url", () -> PUBLIC_BASE + "/");
        registry.add("liaison.wecom.robot.ws-url", WECOM::wsUrl);
        registry.add("liaison.wecom.robot.bot-id", () -> BOT_ID);
        registry.add("liaison.wecom.robot.secret", () -> SECRET);
        registry.add("liaison.wecom.robot.ping-interval", () -> PING_INTERVAL.toMillis() + "ms");
        registry.add("liaison.wecom.robot.reconnect-base-delay", () -> "100ms");
        registry.add("liaison.wecom.robot.reconnect-max-delay", () -> MAX_BACKOFF.toMillis() + "ms");
        registry.add("liaison.wecom.robot.ack-timeout", () -> "2s");
        registry.add("liaison.wecom.app.corp-id", () -> CORP);
        registry.add("liaison.wecom.app.agent-id", () -> String.valueOf(FakeWeCom.DEFAULT_AGENT_ID));
        registry.add("liaison.wecom.app.secret", () -> APP_SECRET);
        registry.add("liaison.outbox.poll-interval", () -> "200ms");
        registry.add("liaison.attachments.poll-interval", () -> "200ms");
    }

    @AfterAll
    static void stopFake() {
        WECOM.close();
    }

    @Autowired
    RobotLongConnection connection;

    @Autowired
    MeterRegistry meters;

    @MockitoSpyBean
    CommandRouter commands;

    private final String tag = UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void organisation() {
        WECOM.member(leader()).member(member()).member(coordinator());
        DirectoryDocument doc = new DirectoryDocument(
                List.of(new DirectoryDocument.Unit("单位-" + tag, new Person(coordinator(), "王协调"))),
                List.of(new DirectoryDocument.City("保定市-" + tag, "单位-" + tag, List.of())),
                List.of(new DirectoryDocument.Round("轮次-" + tag, "2026-11-01", "2026-12-31")),
                List.of(new WorkGroup("保定市第一组", "保定市-" + tag, "单位-" + tag, "ORDINARY", "轮次-" + tag,
                        List.of(new Member(leader(), "张三", "LEADER"), new Member(member(), "李四", "MEMBER")),
                        List.of(new Chat("WECOM_ROBOT", robotChat(), null, null)))),
                List.of(new Chat("WECOM_ROBOT", bureauChat(), null, "执法局群")),
                List.of(new Person("zfj-" + tag, "周执法")));
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

    String bureauChat() {
        return "bureau-" + tag;
    }

    // --- 1. subscribe and ping ----------------------------------------------------------------------------------

    @Test
    @Order(1)
    void theBotSubscribesWithItsBotIdAndSecretAndPingsAtTheConfiguredInterval() {
        JsonNode subscribe = WECOM.awaitFrame(cmd("aibot_subscribe"), WAIT);
        assertThat(subscribe.get("body").get("bot_id").asText()).isEqualTo(BOT_ID);
        assertThat(subscribe.get("body").get("secret").asText()).isEqualTo(SECRET);
        assertThat(subscribe.get("headers").get("req_id").asText()).startsWith("aibot_subscribe");
        assertThat(ackFor(subscribe.get("headers").get("req_id").asText()).path("errcode").asInt(-1)).isZero();
        await().atMost(WAIT).until(connection::ready);
        assertThat(WECOM.connectionsAccepted()).isEqualTo(1);
        assertThat(meters.get("liaison.wecom.robot.connected").gauge().value()).isEqualTo(1.0);

        int pingsBefore = frames(cmd("ping")).size();
        long start = System.nanoTime();
        await().atMost(WAIT).until(() -> frames(cmd("ping")).size() >= pingsBefore + 4);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        // four pings after any moment span at least three intervals (two, should a late one be caught up at once)
        assertThat(took).isGreaterThanOrEqualTo(PING_INTERVAL.multipliedBy(2));
        List<JsonNode> pings = frames(cmd("ping"));
        assertThat(pings).allSatisfy(ping -> {
            assertThat(ping.get("headers").get("req_id").asText()).startsWith("ping");
            assertThat(ping.has("body")).isFalse();
        });
        assertThat(pings.stream().map(p -> p.get("headers").get("req_id").asText()).distinct()).hasSameSizeAs(pings);
        // WeCom answers them, and the bot stays on the same connection
        String lastPing = pings.get(pings.size() - 1).get("headers").get("req_id").asText();
        assertThat(ackFor(lastPing).path("errcode").asInt(-1)).isZero();
        assertThat(WECOM.connectionsAccepted()).isEqualTo(1);
        assertThat(WECOM.violations()).isEmpty();
    }

    // --- 2. messages in, answered with their own req_id -----------------------------------------------------------

    @Test
    @Order(2)
    void aGroupMessageIsFiledOnceAndAnsweredWithItsOwnReqId() {
        awaitReady();
        ObjectNode body = groupText("lc-m1-" + tag, "日报 检查企业3家，发现问题1个，督办问题核查0个，明日计划：复查");
        String reqId = WECOM.pushMessage(body);

        JsonNode reply = awaitRespond(reqId);
        assertThat(reply.get("body").get("msgtype").asText()).isEqualTo("stream");
        JsonNode stream = reply.get("body").get("stream");
        assertThat(stream.get("finish").asBoolean()).isTrue();
        assertThat(stream.get("id").asText()).isNotBlank();
        assertThat(stream.get("content").asText()).contains("已登记【每日调度】").contains("保定市第一组")
                .contains("检查企业数：3");
        assertThat(ackFor(reqId).path("errcode").asInt(-1)).isZero();

        JsonNode records = call("GET", "/api/v1/messages?chatId=" + robotChat(), null).body();
        assertThat(records.get("total").asInt()).isEqualTo(1);
        JsonNode record = records.get("items").get(0);
        assertThat(record.get("channel").asText()).isEqualTo("WECOM_ROBOT");
        assertThat(record.get("workGroup").asText()).isEqualTo("保定市第一组");
        assertThat(record.get("fields").get("enterprisesChecked").asInt()).isEqualTo(3);

        // the same msgid pushed again (another req_id): recognised, not filed again, not answered again
        String again = WECOM.pushMessage(body);
        assertThat(again).isNotEqualTo(reqId);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() ->
                respondsTo(again).isEmpty() && filed(robotChat()) == 1);
        assertThat(respondsTo(reqId)).hasSize(1);
        assertThat(WECOM.violations()).isEmpty();
    }

    @Test
    @Order(3)
    void aSingleChatMessageIsAnsweredTheSameWay() {
        awaitReady();
        ObjectNode body = message("lc-s1-" + tag, "日报 检查企业2家，发现问题0个，督办问题核查1个，明日计划：走访");
        body.put("chattype", "single");
        String reqId = WECOM.pushMessage(body);

        JsonNode reply = awaitRespond(reqId);
        assertThat(reply.get("body").get("msgtype").asText()).isEqualTo("stream");
        assertThat(reply.get("body").get("stream").get("finish").asBoolean()).isTrue();
        assertThat(reply.get("body").get("stream").get("content").asText()).contains("已登记【每日调度】")
                .contains("检查企业数：2");
        assertThat(ackFor(reqId).path("errcode").asInt(-1)).isZero();
        // a single chat is filed under the member's own id
        JsonNode records = call("GET", "/api/v1/messages?chatId=" + member(), null).body();
        assertThat(records.get("total").asInt()).isEqualTo(1);
        assertThat(records.get("items").get(0).get("channel").asText()).isEqualTo("WECOM_ROBOT");
        assertThat(WECOM.violations()).isEmpty();
    }

    @Test
    @Order(4)
    void theSameMsgIdPushedTwiceAtOnceFilesOneRecordAndOneAnswer() {
        awaitReady();
        ObjectNode body = groupText("lc-dup-" + tag, "党建 今天开展主题党日，参加5人，学习实施细则");
        String first = WECOM.pushMessage(body);
        String second = WECOM.pushMessage(body);

        await().atMost(WAIT).until(() -> respondsTo(first).size() + respondsTo(second).size() >= 1);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() ->
                respondsTo(first).size() + respondsTo(second).size() == 1 && filed(robotChat()) == 1);
        JsonNode records = call("GET", "/api/v1/messages?chatId=" + robotChat(), null).body();
        assertThat(records.get("total").asInt()).isEqualTo(1);
        assertThat(WECOM.violations()).isEmpty();
    }

    // --- 3. replies with one req_id, one at a time -----------------------------------------------------------------

    @Test
    @Order(5)
    void repliesWithOneReqIdGoOutOneAfterAnotherEachWaitingForItsAck() throws Exception {
        awaitReady();
        // an event the bot files nothing for and does not answer: only these two replies use its req_id
        ObjectNode event = json.createObjectNode().put("msgid", "lc-evt-" + tag).put("aibotid", BOT_ID)
                .put("create_time", CLOCK.instant().getEpochSecond()).put("msgtype", "event");
        event.putObject("event").put("eventtype", "template_card_event");
        String reqId = WECOM.pushEvent(event);
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> respondsTo(reqId).isEmpty());

        // every ack waits, pings' too: keep it under the ping interval, or the bot rightly takes the line for dead
        Duration ackDelay = Duration.ofMillis(200);
        WECOM.ackDelay(ackDelay);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            long start = System.nanoTime();
            CompletableFuture<Long> one = CompletableFuture.supplyAsync(() -> respondTimed(reqId, "第一段", start), pool);
            CompletableFuture<Long> two = CompletableFuture.supplyAsync(() -> respondTimed(reqId, "第二段", start), pool);
            long firstDone = Math.min(one.get(10, TimeUnit.SECONDS), two.get(10, TimeUnit.SECONDS));
            long lastDone = Math.max(one.get(), two.get());
            // each waited for its own ack in turn: the second was sent only once the first was acknowledged
            assertThat(Duration.ofNanos(firstDone)).isGreaterThanOrEqualTo(ackDelay);
            assertThat(Duration.ofNanos(lastDone)).isGreaterThanOrEqualTo(ackDelay.multipliedBy(2));
        } finally {
            WECOM.ackDelay(Duration.ZERO);
            pool.shutdownNow();
        }
        List<JsonNode> sent = respondsTo(reqId);
        assertThat(sent).hasSize(2);
        assertThat(sent).extracting(f -> f.get("body").get("stream").get("content").asText())
                .containsExactlyInAnyOrder("第一段", "第二段");
        assertThat(WECOM.framesToBot().stream().filter(f -> !f.has("cmd")
                && reqId.equals(f.path("headers").path("req_id").asText()) && f.path("errcode").asInt(-1) == 0))
                .hasSize(2);
        // the fake flags a reply sent while another with the same req_id awaits its ack
        assertThat(WECOM.violations()).isEmpty();
    }

    private long respondTimed(String reqId, String content, long start) {
        ObjectNode body = json.createObjectNode().put("msgtype", "stream");
        body.putObject("stream").put("id", "stream-" + UUID.randomUUID()).put("finish", true)
                .put("content", content);
        JsonNode ack = connection.respond(reqId, body);
        long took = System.nanoTime() - start;
        assertThat(ack.get("errcode").asInt(-1)).isZero();
        assertThat(ack.get("headers").get("req_id").asText()).isEqualTo(reqId);
        return took;
    }

    @Test
    @Order(5)
    void aReplyLongerThanOneStreamGoesOutInPartsEachWithinTheLimit() {
        awaitReady();
        doAnswer(invocation -> {
            Exchange exchange = invocation.getArgument(0);
            return List.of(exchange.reply("长".repeat(10_000), false)); // 30,000 bytes: (1/2) and (2/2)
        }).when(commands).respond(any());
        String reqId = WECOM.pushMessage(groupText("lc-long-" + tag, "说得长一些"));
        await().atMost(WAIT).until(() -> respondsTo(reqId).size() == 2);
        List<String> parts = respondsTo(reqId).stream()
                .map(f -> f.get("body").get("stream").get("content").asText()).toList();
        assertThat(parts).anySatisfy(part -> assertThat(part).startsWith("（1/2）"))
                .anySatisfy(part -> assertThat(part).startsWith("（2/2）"))
                .allSatisfy(part -> assertThat(part.getBytes(StandardCharsets.UTF_8).length)
                        .isLessThanOrEqualTo(20480));
        assertThat(WECOM.violations()).isEmpty();
    }

    // --- 4. proactive push ---------------------------------------------------------------------------------------

    @Test
    @Order(6)
    void anEmergencyIsPushedToTheBureauChatWithSendMsg() {
        awaitReady();
        String reqId = WECOM.pushMessage(groupText("lc-sos-" + tag, "急报 组员李四发生交通事故，轻伤，已送医院"));

        JsonNode reply = awaitRespond(reqId);
        assertThat(reply.get("body").get("stream").get("content").asText()).contains("已立即转报执法局")
                .contains("王协调");
        JsonNode push = WECOM.awaitFrame(cmd("aibot_send_msg").and(f ->
                bureauChat().equals(f.path("body").path("chatid").asText())), WAIT);
        assertThat(push.get("body").get("msgtype").asText()).isEqualTo("markdown");
        assertThat(push.get("body").get("markdown").get("content").asText()).contains("突发情况急报")
                .contains("交通事故").contains("保定市第一组");
        assertThat(ackFor(push.get("headers").get("req_id").asText()).path("errcode").asInt(-1)).isZero();
        // the relay went to the bureau chat only: nothing of it was said back into the group's chat
        assertThat(respondsTo(reqId)).hasSize(1);
        assertThat(respondsTo(reqId).get(0).get("body").get("stream").get("content").asText())
                .doesNotContain("突发情况急报");
        // and the unit's coordinator is told personally through the app
        await().atMost(WAIT).until(() -> !sentTo(coordinator()).isEmpty());
        assertThat(sentTo(coordinator()).get(0).json().get("text").get("content").asText()).contains("突发情况急报");
        assertThat(WECOM.violations()).isEmpty();
    }

    /** The fan-out through the robot: a notice to many robot chats goes out as one aibot_send_msg to each. */
    @Test
    @Order(6)
    void aNoticeToManyRobotChatsIsPushedOnceToEach() {
        awaitReady();
        int chats = 30;
        List<WorkGroup> groups = new ArrayList<>();
        for (int i = 0; i < chats; i++) {
            groups.add(new WorkGroup("机器人组" + i, "保定市-" + tag, "单位-" + tag, "ORDINARY", "机器人轮-" + tag,
                    List.of(new Member("rb-" + i + "-" + tag, "组长" + i, "LEADER")),
                    List.of(new Chat("WECOM_ROBOT", "rb-chat-" + i + "-" + tag, null, null))));
        }
        assertThat(call("PUT", "/api/v1/directory", new DirectoryDocument(List.of(), List.of(),
                List.of(new DirectoryDocument.Round("机器人轮-" + tag, "2026-11-01", "2026-12-31")), groups, List.of(),
                List.of())).status()).isEqualTo(200);
        Answer created = call("POST", "/api/v1/notices", Map.of("title", "机器人扇出", "format", "markdown",
                "content", "**今晚**开展夜查 " + tag, "targets", Map.of("rounds", List.of("机器人轮-" + tag))));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        long id = created.body().get("id").asLong();

        await().atMost(Duration.ofSeconds(30)).until(() -> call("GET", "/api/v1/notices/" + id, null).body()
                .get("status").asText().equals("COMPLETED"));
        JsonNode notice = call("GET", "/api/v1/notices/" + id, null).body();
        assertThat(notice.get("counts").get("sent").asInt()).isEqualTo(chats);
        List<JsonNode> pushes = frames(cmd("aibot_send_msg").and(f -> f.path("body").path("markdown")
                .path("content").asText().contains("开展夜查 " + tag)));
        assertThat(pushes.stream().map(f -> f.path("body").path("chatid").asText()).distinct()).hasSize(chats);
        assertThat(pushes).as("once to each").hasSize(chats);
        assertThat(pushes.get(0).path("body").path("markdown").path("content").asText())
                .startsWith("### 机器人扇出").contains("**今晚**");
        assertThat(WECOM.violations()).isEmpty();
    }

    /**
     * The robot cannot upload a file: a notice's attachment reaches a robot chat as a download link on the public base
     * URL, which any member opens without login; a wrong token, or the token on another delivery, finds nothing.
     */
    @Test
    @Order(6)
    void aNoticeAttachmentReachesARobotChatAsALinkOpenWithoutLogin() throws Exception {
        awaitReady();
        byte[] file = ("第4轮督办问题清单 " + tag).getBytes(StandardCharsets.UTF_8);
        String name = "督办清单（第4轮）.txt";
        Answer created = postMultipart("/api/v1/notices", new MultipartBody()
                .part("notice", "application/json", json.writeValueAsString(Map.of("title", "督办清单",
                        "content", "请查收附件 " + tag, "targets", Map.of("chatIds", List.of(robotChat())))))
                .file("attachment", name, "text/plain", file));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        long id = created.body().get("id").asLong();
        await().atMost(Duration.ofSeconds(30)).until(() -> call("GET", "/api/v1/notices/" + id, null).body()
                .get("status").asText().equals("COMPLETED"));
        assertThat(call("GET", "/api/v1/notices/" + id, null).body().get("deliveries").get(0).get("status").asText())
                .isEqualTo("SENT");

        JsonNode push = WECOM.awaitFrame(cmd("aibot_send_msg").and(f -> robotChat().equals(f.path("body")
                .path("chatid").asText()) && f.path("body").path("markdown").path("content").asText()
                .startsWith("［附件］")), WAIT);
        String line = push.get("body").get("markdown").get("content").asText();
        Matcher link = Pattern.compile("\\(" + Pattern.quote(PUBLIC_BASE) + "(/files/notice/(\\d+)/([^)\\s]+))\\)")
                .matcher(line);
        assertThat(link.find()).as(line).isTrue();
        assertThat(line).startsWith("［附件］[" + name + "](").contains("前有效");

        HttpResponse<byte[]> download = anonymous("GET", link.group(1));
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(file);
        String disposition = download.headers().firstValue("Content-Disposition").orElse("");
        assertThat(disposition).startsWith("attachment;").contains("filename*=UTF-8''");
        assertThat(URLDecoder.decode(disposition.substring(disposition.indexOf("filename*=UTF-8''") + 17),
                StandardCharsets.UTF_8)).isEqualTo(name);

        String token = link.group(3);
        String wrong = token.substring(0, token.length() - 1) + (token.endsWith("A") ? "B" : "A");
        assertThat(anonymous("GET", "/files/notice/" + link.group(2) + "/" + wrong).statusCode()).isEqualTo(404);
        assertThat(anonymous("GET", "/files/notice/" + (Long.parseLong(link.group(2)) + 1) + "/" + token)
                .statusCode()).isEqualTo(404);
        assertThat(anonymous("POST", link.group(1)).statusCode()).isEqualTo(403);
        assertThat(WECOM.violations()).isEmpty();
    }

    private HttpResponse<byte[]> anonymous(String method, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url(path)))
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    // --- 5. / 6. a dead or dropped connection --------------------------------------------------------------------

    @Test
    @Order(7)
    void aConnectionThatStopsAnsweringPingsIsReplaced(CapturedOutput output) {
        awaitReady();
        int connections = WECOM.connectionsAccepted();
        List<JsonNode> subscribes = frames(cmd("aibot_subscribe"));
        int deadBefore = count(output.getAll(), "answered none of the last 2 pings");
        WECOM.stopAnsweringPings();
        try {
            WECOM.awaitConnections(connections + 1, WAIT);
            awaitNewSubscribe(subscribes);
        } finally {
            WECOM.resumeAnsweringPings();
        }
        assertThat(count(output.getAll(), "answered none of the last 2 pings")).isGreaterThan(deadBefore);
        JsonNode subscribe = awaitNewSubscribe(subscribes);
        assertThat(subscribe.get("body").get("bot_id").asText()).isEqualTo(BOT_ID);
        assertThat(ackFor(subscribe.get("headers").get("req_id").asText()).path("errcode").asInt(-1)).isZero();
        await().atMost(WAIT).until(connection::ready);
        // pings are answered again, and the new connection stays
        int pings = frames(cmd("ping")).size();
        int now = WECOM.connectionsAccepted();
        await().atMost(WAIT).until(() -> frames(cmd("ping")).size() >= pings + 3);
        assertThat(WECOM.connectionsAccepted()).isEqualTo(now);
        assertThat(WECOM.violations()).isEmpty();
    }

    @Test
    @Order(8)
    void aDroppedConnectionIsReopenedWithBackoffAndKeepsWorking(CapturedOutput output) {
        awaitReady();
        int connections = WECOM.connectionsAccepted();
        List<JsonNode> subscribes = frames(cmd("aibot_subscribe"));
        // WeCom is busy for a while after the drop: the next four subscriptions are refused
        WECOM.failNext("aibot_subscribe", Fault.errcode(-1), 4);
        long dropped = System.nanoTime();
        try {
            WECOM.dropConnection();
            WECOM.awaitConnections(connections + 5, WAIT);
            await().atMost(WAIT).until(connection::ready);
        } finally {
            WECOM.clearFaults();
        }
        Duration took = Duration.ofNanos(System.nanoTime() - dropped);
        assertThat(WECOM.connectionsAccepted()).isEqualTo(connections + 5);
        List<JsonNode> tried = frames(cmd("aibot_subscribe")).stream().filter(f -> !subscribes.contains(f)).toList();
        assertThat(tried).hasSize(5).allSatisfy(f -> {
            assertThat(f.get("body").get("bot_id").asText()).isEqualTo(BOT_ID);
            assertThat(f.get("body").get("secret").asText()).isEqualTo(SECRET);
        });
        assertThat(ackFor(tried.get(4).get("headers").get("req_id").asText()).path("errcode").asInt(-1)).isZero();
        // the waits double from the base delay up to the maximum; the method's own output is the capture's tail
        Matcher waits = Pattern.compile("reconnecting the robot long connection in (\\d+) ms \\(attempt (\\d+)\\)")
                .matcher(output.getAll());
        List<String> seen = new ArrayList<>();
        while (waits.find()) {
            seen.add(waits.group(1) + "/" + waits.group(2));
        }
        assertThat(seen.subList(Math.max(0, seen.size() - 5), seen.size()))
                .containsExactly("100/1", "200/2", "400/3", "800/4", "800/5");
        assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(100 + 200 + 400 + 800 + 800));

        String reqId = WECOM.pushMessage(groupText("lc-after-drop-" + tag, "日报 检查企业4家，发现问题2个，督办问题核查0个，明日计划：复查"));
        JsonNode reply = awaitRespond(reqId);
        assertThat(reply.get("body").get("stream").get("content").asText()).contains("已登记【每日调度】")
                .contains("检查企业数：4");
        assertThat(ackFor(reqId).path("errcode").asInt(-1)).isZero();
        assertThat(filed(robotChat())).isEqualTo(1);
        assertThat(WECOM.violations()).isEmpty();
    }

    // --- 7. replaced by another connection: the end ---------------------------------------------------------------

    @Test
    @Order(8)
    void aSubscribeWeComNeverAnswersIsGivenUpAndTriedAgain(CapturedOutput output) {
        awaitReady();
        int connections = WECOM.connectionsAccepted();
        List<JsonNode> subscribes = frames(cmd("aibot_subscribe"));
        WECOM.failNext("aibot_subscribe", Fault.timeout(), 1);
        try {
            WECOM.dropConnection();
            // reopened, subscribed without an answer, given up after the ack timeout, and opened once more
            WECOM.awaitConnections(connections + 2, WAIT);
            await().atMost(WAIT).until(connection::ready);
        } finally {
            WECOM.clearFaults();
        }
        assertThat(output.getAll()).contains("did not answer the robot long connection's subscribe");
        List<JsonNode> tried = frames(cmd("aibot_subscribe")).stream().filter(f -> !subscribes.contains(f)).toList();
        assertThat(tried).hasSize(2);
        assertThat(ackFor(tried.get(1).get("headers").get("req_id").asText()).path("errcode").asInt(-1)).isZero();
        assertThat(WECOM.violations()).isEmpty();
    }

    @Test
    @Order(9)
    void replacedByAnotherConnectionTheBotStopsForGoodAndSaysSoLoudly(CapturedOutput output) {
        awaitReady();
        int connections = WECOM.connectionsAccepted();
        WECOM.sendDisconnectedEvent();

        await().atMost(WAIT).until(connection::replaced);
        // longer than the longest backoff: no new connection is opened
        await().during(MAX_BACKOFF.multipliedBy(2)).atMost(MAX_BACKOFF.multipliedBy(4))
                .until(() -> WECOM.connectionsAccepted() == connections);
        assertThat(connection.replaced()).isTrue();
        assertThat(connection.ready()).isFalse();
        assertThat(meters.get("liaison.wecom.robot.connected").gauge().value()).isZero();
        Pattern loud = Pattern.compile("(?m)^.*ERROR.*another connection with bot id " + Pattern.quote(BOT_ID)
                + " replaced it.*$");
        await().atMost(WAIT).until(() -> loud.matcher(output.getAll()).find());
        assertThat(WECOM.violations()).isEmpty();
    }

    // --- 8. the secret stays out of the log ------------------------------------------------------------------------

    @Test
    @Order(10)
    void theSecretNeverAppearsInTheLog(CapturedOutput output) {
        // the output captured while the tests above connected, failed, reconnected and were replaced: the bot id is
        // logged (the loud error of the replacement at least), the secret never
        assertThat(output.getAll()).contains(BOT_ID).doesNotContain(SECRET);
        // yet the secret was used: every subscription carried it
        assertThat(frames(cmd("aibot_subscribe"))).hasSizeGreaterThanOrEqualTo(3)
                .allSatisfy(f -> assertThat(f.get("body").get("secret").asText()).isEqualTo(SECRET));
    }

    // --- helpers ---------------------------------------------------------------------------------------------------

    private ObjectNode message(String msgId, String text) {
        ObjectNode body = json.createObjectNode().put("msgid", msgId).put("aibotid", BOT_ID);
        body.putObject("from").put("userid", member());
        body.put("msgtype", "text");
        body.putObject("text").put("content", text);
        return body;
    }

    private ObjectNode groupText(String msgId, String text) {
        return message(msgId, text).put("chatid", robotChat()).put("chattype", "group");
    }

    private void awaitReady() {
        await().atMost(WAIT).until(connection::ready);
    }

    private static Predicate<JsonNode> cmd(String cmd) {
        return frame -> cmd.equals(frame.path("cmd").asText());
    }

    private static List<JsonNode> frames(Predicate<JsonNode> matching) {
        return WECOM.framesFromBot().stream().filter(matching).toList();
    }

    /** The first subscribe frame (handled by the fake, so answered) that is not one of these earlier ones. */
    private static JsonNode awaitNewSubscribe(List<JsonNode> earlier) {
        Set<String> seen = earlier.stream().map(f -> f.path("headers").path("req_id").asText())
                .collect(Collectors.toSet());
        return WECOM.awaitFrame(cmd("aibot_subscribe").and(f ->
                !seen.contains(f.path("headers").path("req_id").asText())), WAIT);
    }

    private static List<JsonNode> respondsTo(String reqId) {
        return frames(cmd("aibot_respond_msg").and(f -> reqId.equals(f.path("headers").path("req_id").asText())));
    }

    private static JsonNode awaitRespond(String reqId) {
        return WECOM.awaitFrame(cmd("aibot_respond_msg").and(f ->
                reqId.equals(f.path("headers").path("req_id").asText())), WAIT);
    }

    /** WeCom's answer to a frame of the bot's (a frame without cmd carrying its req_id). */
    private static JsonNode ackFor(String reqId) {
        await().atMost(WAIT).until(() -> WECOM.framesToBot().stream().anyMatch(f -> isAck(f, reqId)));
        return WECOM.framesToBot().stream().filter(f -> isAck(f, reqId)).reduce((a, b) -> b).orElseThrow();
    }

    private static boolean isAck(JsonNode frame, String reqId) {
        return !frame.has("cmd") && reqId.equals(frame.path("headers").path("req_id").asText());
    }

    private long filed(String chatId) {
        return call("GET", "/api/v1/messages?chatId=" + chatId, null).body().get("total").asLong();
    }

    private List<Recorded> sentTo(String userId) {
        return WECOM.received("/cgi-bin/message/send").stream()
                .filter(r -> userId.equals(r.json().path("touser").asText())).toList();
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
            count++;
        }
        return count;
    }
}
