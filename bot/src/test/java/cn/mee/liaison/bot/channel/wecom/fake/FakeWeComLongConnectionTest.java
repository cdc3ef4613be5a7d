package cn.mee.liaison.bot.channel.wecom.fake;

import static cn.mee.liaison.bot.channel.wecom.fake.BotSocket.object;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.mee.liaison.testsupport.MutableClock;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fake's long connection, driven by the JDK's own WebSocket client. */
class FakeWeComLongConnectionTest {

    static final String BOT = "bot-1";
    static final String SECRET = "bot-secret";
    static final Duration WAIT = Duration.ofSeconds(15);
    static final Duration SILENCE = Duration.ofMillis(300);

    final MutableClock clock = MutableClock.at(LocalDateTime.of(2025, 6, 2, 9, 0));
    final List<BotSocket> sockets = new ArrayList<>();
    FakeWeCom wecom;

    @BeforeEach
    void start() {
        wecom = FakeWeCom.start(clock).robot(BOT, SECRET);
    }

    @AfterEach
    void stop() {
        sockets.forEach(BotSocket::close);
        wecom.close();
    }

    BotSocket connect() {
        BotSocket socket = BotSocket.connect(wecom.wsUrl());
        sockets.add(socket);
        return socket;
    }

    BotSocket subscribed() {
        BotSocket socket = connect();
        assertThat(socket.subscribe(BOT, SECRET).path("errcode").asInt()).isZero();
        return socket;
    }

    static ObjectNode textMessage(String content) {
        ObjectNode body = object().put("msgid", "msg-1").put("aibotid", BOT).put("chatid", "chat-1")
                .put("chattype", "group").put("msgtype", "text");
        body.putObject("from").put("userid", "zhangsan");
        body.putObject("text").put("content", content);
        return body;
    }

    static ObjectNode stream(String id, boolean finish, String content) {
        ObjectNode body = object().put("msgtype", "stream");
        body.putObject("stream").put("id", id).put("finish", finish).put("content", content);
        return body;
    }

    static ObjectNode markdown(String content) {
        ObjectNode body = object().put("msgtype", "markdown");
        body.putObject("markdown").put("content", content);
        return body;
    }

    static String reqId(JsonNode frame) {
        return frame.path("headers").path("req_id").asText();
    }

    @Test
    void subscribeIsAckedWithTheSameReqId() {
        BotSocket socket = connect();
        wecom.awaitConnections(1, WAIT);

        JsonNode ack = socket.subscribe(BOT, SECRET);

        assertThat(ack.toString())
                .isEqualTo("{\"headers\":{\"req_id\":\"sub-bot-1\"},\"errcode\":0,\"errmsg\":\"ok\"}");
        assertThat(wecom.connectionsAccepted()).isEqualTo(1);
        assertThat(wecom.framesFromBot()).singleElement().satisfies(frame -> {
            assertThat(frame.path("cmd").asText()).isEqualTo("aibot_subscribe");
            assertThat(frame.path("body").path("bot_id").asText()).isEqualTo(BOT);
        });
        assertThat(wecom.framesToBot()).containsExactly(ack);
        assertThat(wecom.violations()).isEmpty();
    }

    @Test
    void wrongCredentialsAreRefusedAndTheSocketClosed() {
        BotSocket socket = connect();

        JsonNode answer = socket.subscribe(BOT, "wrong");

        assertThat(answer.path("errcode").asInt()).isEqualTo(40001);
        assertThat(reqId(answer)).isEqualTo("sub-bot-1");
        assertThat(socket.awaitClosed(WAIT)).isEqualTo(1008);
        assertThat(wecom.violations()).containsExactly("ws aibot_subscribe: 40001 wrong bot_id or secret for bot-1");
    }

    @Test
    void pingsAreAckedUntilTheFakeStopsAnswering() {
        BotSocket socket = subscribed();

        socket.send("ping", "ping-1", null);
        assertThat(socket.next(WAIT).toString())
                .isEqualTo("{\"headers\":{\"req_id\":\"ping-1\"},\"errcode\":0,\"errmsg\":\"ok\"}");

        wecom.stopAnsweringPings();
        socket.send("ping", "ping-2", null);
        assertThat(socket.poll(SILENCE)).isEmpty();

        wecom.resumeAnsweringPings();
        socket.send("ping", "ping-3", null);
        assertThat(reqId(socket.next(WAIT))).isEqualTo("ping-3");
    }

    @Test
    void aPushedMessageIsAnsweredWithStreamRepliesOneAtATime() {
        BotSocket socket = subscribed();

        String reqId = wecom.pushMessage(textMessage("@机器人 帮助"));

        JsonNode callback = socket.next(WAIT);
        assertThat(callback.path("cmd").asText()).isEqualTo("aibot_msg_callback");
        assertThat(reqId(callback)).isEqualTo(reqId);
        assertThat(callback.path("body").path("text").path("content").asText()).isEqualTo("@机器人 帮助");
        socket.send("aibot_respond_msg", reqId, stream("s-1", false, "正在处理"));
        assertThat(socket.next(WAIT).toString())
                .isEqualTo("{\"headers\":{\"req_id\":\"" + reqId + "\"},\"errcode\":0,\"errmsg\":\"ok\"}");
        socket.send("aibot_respond_msg", reqId, stream("s-1", true, "可用命令：日报 …"));
        assertThat(socket.next(WAIT).path("errcode").asInt()).isZero();
        assertThat(wecom.awaitFrame(f -> f.path("body").path("stream").path("finish").asBoolean(), WAIT)
                .path("body").path("stream").path("content").asText()).isEqualTo("可用命令：日报 …");
        assertThat(wecom.violations()).isEmpty();
    }

    @Test
    void aMarkdownReplyAndAProactiveMessageAreAcked() {
        BotSocket socket = subscribed();
        String reqId = wecom.pushMessage(textMessage("查询"));
        socket.next(WAIT);

        socket.send("aibot_respond_msg", reqId, markdown("**3** 条记录"));
        assertThat(socket.next(WAIT).path("errcode").asInt()).isZero();
        ObjectNode proactive = markdown("急报：某企业停产").put("chatid", "chat-1");
        socket.send("aibot_send_msg", "send-1", proactive);

        JsonNode ack = socket.next(WAIT);
        assertThat(reqId(ack)).isEqualTo("send-1");
        assertThat(ack.path("errcode").asInt()).isZero();
        assertThat(wecom.violations()).isEmpty();
    }

    @Test
    void aReplyToAnUnknownReqIdIsRefused() {
        BotSocket socket = subscribed();

        socket.send("aibot_respond_msg", "never-pushed", markdown("hello"));

        JsonNode answer = socket.next(WAIT);
        assertThat(answer.path("errcode").asInt()).isEqualTo(846605);
        assertThat(reqId(answer)).isEqualTo("never-pushed");
        assertThat(wecom.violations()).containsExactly("ws aibot_respond_msg: 846605 req_id never-pushed belongs to "
                + "no callback");
    }

    @Test
    void aSecondReplyBeforeTheFirstAckIsAViolation() {
        BotSocket socket = subscribed();
        String reqId = wecom.pushMessage(textMessage("日报"));
        socket.next(WAIT);
        wecom.ackDelay(Duration.ofMillis(400));

        socket.send("aibot_respond_msg", reqId, stream("s-1", false, "第一段"));
        socket.send("aibot_respond_msg", reqId, stream("s-1", true, "第二段"));

        JsonNode refused = socket.next(WAIT);
        assertThat(refused.path("errcode").asInt()).isEqualTo(40058);
        JsonNode firstAck = socket.next(WAIT);
        assertThat(firstAck.path("errcode").asInt()).isZero();
        assertThat(reqId(firstAck)).isEqualTo(reqId);
        assertThat(wecom.violations()).containsExactly("ws aibot_respond_msg: 40058 another reply for req_id " + reqId
                + " was sent before the previous one was acked");
    }

    @Test
    void delayedAcksRespectedOneAfterAnotherAreFine() {
        BotSocket socket = subscribed();
        String reqId = wecom.pushMessage(textMessage("日报"));
        socket.next(WAIT);
        wecom.ackDelay(Duration.ofMillis(200));

        long started = System.nanoTime();
        socket.send("aibot_respond_msg", reqId, stream("s-1", false, "一"));
        assertThat(socket.next(WAIT).path("errcode").asInt()).isZero();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
        socket.send("aibot_respond_msg", reqId, stream("s-1", true, "一二"));
        assertThat(socket.next(WAIT).path("errcode").asInt()).isZero();
        assertThat(wecom.violations()).isEmpty();
    }

    @Test
    void aFinishedStreamCannotBeUpdated() {
        BotSocket socket = subscribed();
        String reqId = wecom.pushMessage(textMessage("日报"));
        socket.next(WAIT);
        socket.send("aibot_respond_msg", reqId, stream("s-1", true, "done"));
        socket.next(WAIT);

        socket.send("aibot_respond_msg", reqId, stream("s-1", false, "more"));

        assertThat(socket.next(WAIT).path("errcode").asInt()).isEqualTo(846608);
    }

    @Test
    void malformedFramesAreRefusedAndRecorded() {
        BotSocket socket = connect();
        socket.send("aibot_send_msg", "early", markdown("x").put("chatid", "c"));
        assertThat(socket.next(WAIT).path("errcode").asInt()).isEqualTo(40058);
        socket.subscribe(BOT, SECRET);
        String reqId = wecom.pushMessage(textMessage("x"));
        socket.next(WAIT);

        socket.send("aibot_send_msg", "s-1", markdown("no chat"));
        assertThat(socket.next(WAIT).path("errcode").asInt()).isEqualTo(40058);
        ObjectNode text = object().put("chatid", "c").put("msgtype", "text");
        text.putObject("text").put("content", "x");
        socket.send("aibot_send_msg", "s-2", text);
        assertThat(socket.next(WAIT).path("errcode").asInt()).isEqualTo(40008);
        socket.send("aibot_respond_msg", reqId, markdown("x".repeat(20481)));
        assertThat(socket.next(WAIT).path("errcode").asInt()).isEqualTo(45002);
        socket.send("aibot_respond_msg", reqId, object().put("msgtype", "stream"));
        assertThat(socket.next(WAIT).path("errcode").asInt()).isEqualTo(40058);
        socket.send("aibot_unknown", "u-1", object());
        assertThat(socket.next(WAIT).path("errcode").asInt()).isEqualTo(40058);
        socket.sendText("not json");
        socket.send("ping", "", null);

        wecom.awaitFrame(f -> f.isTextual() && f.asText().equals("not json"), WAIT);
        assertThat(socket.poll(SILENCE)).isEmpty();
        assertThat(wecom.violations()).containsExactly(
                "ws aibot_send_msg: 40058 aibot_subscribe must come first",
                "ws aibot_send_msg: 40058 body.chatid is missing",
                "ws aibot_send_msg: 40008 aibot_send_msg takes markdown, not text",
                "ws aibot_respond_msg: 45002 body.markdown.content is 20481 bytes, limit 20480",
                "ws aibot_respond_msg: 40058 body.stream is missing",
                "ws aibot_unknown: 40058 unknown cmd aibot_unknown",
                "ws: a frame that is not a JSON object: not json",
                "ws ping: headers.req_id is missing");
    }

    @Test
    void aBinaryFrameIsAViolation() {
        BotSocket socket = subscribed();

        socket.sendBinary(new byte[] {1, 2, 3});

        assertThat(wecom.awaitFrame(JsonNode::isBinary, WAIT).isBinary()).isTrue();
        assertThat(wecom.violations()).containsExactly("ws: a binary frame of 3 bytes; WeCom frames are JSON text");
    }

    @Test
    void aDisconnectedEventIsPushedBeforeTheFakeCloses() {
        BotSocket socket = subscribed();

        wecom.sendDisconnectedEvent();

        JsonNode event = socket.next(WAIT);
        assertThat(event.path("cmd").asText()).isEqualTo("aibot_event_callback");
        assertThat(event.path("body").path("event").path("eventtype").asText()).isEqualTo("disconnected_event");
        assertThat(event.path("body").path("aibotid").asText()).isEqualTo(BOT);
        assertThat(event.path("body").path("create_time").asLong()).isEqualTo(clock.instant().getEpochSecond());
        assertThat(socket.awaitClosed(WAIT)).isEqualTo(1000);
        assertThatThrownBy(() -> wecom.pushMessage(textMessage("nobody there")))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aNewerSubscriptionReplacesTheOlderConnection() {
        BotSocket first = subscribed();
        BotSocket second = subscribed();

        JsonNode event = first.next(WAIT);
        assertThat(event.path("body").path("event").path("eventtype").asText()).isEqualTo("disconnected_event");
        assertThat(first.awaitClosed(WAIT)).isEqualTo(1000);
        String reqId = wecom.pushMessage(textMessage("to the newer one"));
        assertThat(reqId(second.next(WAIT))).isEqualTo(reqId);
        assertThat(wecom.connectionsAccepted()).isEqualTo(2);
    }

    @Test
    void aDroppedConnectionEndsWithoutACloseFrameAndTheBotMayReconnect() {
        BotSocket socket = subscribed();

        wecom.dropConnection();

        assertThatThrownBy(() -> wecom.pushMessage(textMessage("nobody there")))
                .isInstanceOf(IllegalStateException.class);
        assertThat(socket.isGone(WAIT)).isTrue();
        BotSocket again = subscribed();
        wecom.awaitConnections(2, WAIT);
        String reqId = wecom.pushMessage(textMessage("after reconnect"));
        assertThat(reqId(again.next(WAIT))).isEqualTo(reqId);
    }

    @Test
    void faultsApplyToCmds() {
        BotSocket socket = subscribed();
        wecom.failNext("aibot_send_msg", Fault.errcode(-1), 1);
        wecom.failNext("ping", Fault.timeout(), 1);
        ObjectNode message = markdown("x").put("chatid", "c");

        socket.send("aibot_send_msg", "s-1", message);
        assertThat(socket.next(WAIT).path("errcode").asInt()).isEqualTo(-1);
        socket.send("aibot_send_msg", "s-2", message);
        assertThat(socket.next(WAIT).path("errcode").asInt()).isZero();
        socket.send("ping", "p-1", null);
        assertThat(socket.poll(SILENCE)).isEmpty();
        socket.send("ping", "p-2", null);
        assertThat(reqId(socket.next(WAIT))).isEqualTo("p-2");

        wecom.failNext("aibot_send_msg", Fault.drop(), 1);
        socket.send("aibot_send_msg", "s-3", message);
        wecom.awaitFrame(f -> reqId(f).equals("s-3"), WAIT);
        assertThatThrownBy(() -> wecom.pushMessage(textMessage("nobody there")))
                .isInstanceOf(IllegalStateException.class);
        assertThat(socket.isGone(WAIT)).isTrue();
        assertThat(wecom.violations()).isEmpty();
    }

    @Test
    void pushingWithoutASubscribedBotFails() {
        connect();
        wecom.awaitConnections(1, WAIT);

        assertThatThrownBy(() -> wecom.pushEvent(object().put("msgtype", "event")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("no subscribed bot connection");
    }

    @Test
    void eventsArePushedWithTheirOwnReqIdAndCanBeAnswered() {
        BotSocket socket = subscribed();
        ObjectNode enter = object().put("msgtype", "event");
        enter.putObject("event").put("eventtype", "enter_chat");

        String reqId = wecom.pushEvent(enter);

        JsonNode frame = socket.next(WAIT);
        assertThat(frame.path("cmd").asText()).isEqualTo("aibot_event_callback");
        assertThat(reqId(frame)).isEqualTo(reqId);
        socket.send("aibot_respond_msg", reqId, markdown("欢迎"));
        assertThat(socket.next(WAIT).path("errcode").asInt()).isZero();
    }

    @Test
    void awaitingAFrameThatNeverComesFailsTheTest() {
        subscribed();

        assertThatThrownBy(() -> wecom.awaitFrame(f -> f.path("cmd").asText().equals("ping"), SILENCE))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("no matching frame");
        assertThatThrownBy(() -> wecom.awaitConnections(2, SILENCE)).isInstanceOf(AssertionError.class);
    }
}
