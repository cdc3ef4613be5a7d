package cn.mee.liaison.bot.channel.wecom.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.BinaryNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.java_websocket.WebSocket;
import org.java_websocket.exceptions.WebsocketNotConnectedException;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/**
 * The intelligent robot's long connection (101463): a WebSocket server speaking JSON frames
 * {@code {"cmd", "headers": {"req_id"}, "body"}}. It answers {@code aibot_subscribe}, {@code ping},
 * {@code aibot_respond_msg} and {@code aibot_send_msg} with acks {@code {"headers": {"req_id"}, "errcode", "errmsg"}},
 * pushes {@code aibot_msg_callback} / {@code aibot_event_callback}, and checks that replies to one callback go out one
 * at a time. A newer subscription for the same bot replaces the older connection with a disconnected_event, as WeCom
 * does.
 */
final class FakeLongConnection extends WebSocketServer {

    static final int CONTENT_MAX_BYTES = 20480;

    private final Clock clock;
    private final Journal journal;
    private final Faults faults;
    private final ObjectMapper mapper;
    private final ScheduledExecutorService acks;
    private final Map<String, String> robots = new HashMap<>();
    private final Map<String, BotSession> active = new HashMap<>();
    private final Map<WebSocket, BotSession> sessions = new ConcurrentHashMap<>();
    private final AtomicInteger accepted = new AtomicInteger();
    private final Object acceptance = new Object();
    private final CountDownLatch started = new CountDownLatch(1);
    private BotSession latest;
    private volatile Exception startFailure;
    private volatile Duration ackDelay = Duration.ZERO;
    private volatile boolean answeringPings = true;

    FakeLongConnection(Clock clock, Journal journal, Faults faults, ObjectMapper mapper) {
        super(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        this.clock = clock;
        this.journal = journal;
        this.faults = faults;
        this.mapper = mapper;
        this.acks = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "fake-wecom-ws-acks");
            thread.setDaemon(true);
            return thread;
        });
        setReuseAddr(true);
        setConnectionLostTimeout(0);
        setDaemon(true);
    }

    void startAndWait() {
        start();
        try {
            if (!started.await(10, TimeUnit.SECONDS) || startFailure != null) {
                throw new IllegalStateException("the fake long connection did not start", startFailure);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the fake long connection", e);
        }
    }

    void shutdown() {
        acks.shutdownNow();
        try {
            stop(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    synchronized void robot(String botId, String secret) {
        robots.put(botId, secret);
    }

    void ackDelay(Duration delay) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("ack delay must not be negative");
        }
        ackDelay = delay;
    }

    void answerPings(boolean answer) {
        answeringPings = answer;
    }

    int connectionsAccepted() {
        return accepted.get();
    }

    boolean awaitConnections(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (acceptance) {
            while (accepted.get() < count) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                acceptance.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            }
            return true;
        }
    }

    /** Pushes a callback frame to the most recently subscribed connection; answers its fresh req_id. */
    String push(String cmd, JsonNode body) {
        BotSession target = subscribedSession();
        String reqId = UUID.randomUUID().toString().replace("-", "");
        target.pushed(reqId);
        ObjectNode frame = mapper.createObjectNode().put("cmd", cmd);
        frame.putObject("headers").put("req_id", reqId);
        frame.set("body", body);
        send(target, frame);
        return reqId;
    }

    /** Tells the subscribed connection it was replaced (disconnected_event) and closes it. */
    void disconnectSubscribed() {
        disconnect(subscribedSession());
    }

    /** Closes every open connection abruptly: no close frame, just the TCP connection gone. */
    void dropAll() {
        for (WebSocket socket : List.copyOf(sessions.keySet())) {
            drop(socket);
        }
    }

    /**
     * Ends the TCP connection without a close frame, as a dead peer or network would. Clients may notice only through
     * missing ping acks (the JDK's WebSocket client sometimes misses the bare TCP close altogether).
     */
    private static void drop(WebSocket socket) {
        socket.closeConnection(CloseFrame.ABNORMAL_CLOSE, "dropped by the fake");
    }

    @Override
    public void onStart() {
        started.countDown();
    }

    @Override
    public void onOpen(WebSocket socket, ClientHandshake handshake) {
        sessions.put(socket, new BotSession(socket));
        synchronized (acceptance) {
            accepted.incrementAndGet();
            acceptance.notifyAll();
        }
    }

    @Override
    public void onClose(WebSocket socket, int code, String reason, boolean remote) {
        BotSession session = sessions.remove(socket);
        if (session == null) {
            return;
        }
        synchronized (this) {
            if (session.botId() != null && active.get(session.botId()) == session) {
                active.remove(session.botId());
            }
            if (latest == session) {
                latest = null;
            }
        }
    }

    @Override
    public void onError(WebSocket socket, Exception failure) {
        if (socket == null) {
            startFailure = failure;
            started.countDown();
        }
    }

    @Override
    public void onMessage(WebSocket socket, String text) {
        BotSession session = sessions.get(socket);
        if (session == null) {
            return;
        }
        JsonNode frame = parse(text);
        JsonNode recorded = frame != null ? frame : TextNode.valueOf(text);
        journal.frameFromBot(recorded);
        try {
            process(session, frame, text);
        } finally {
            journal.frameHandled(recorded);
        }
    }

    private void process(BotSession session, JsonNode frame, String text) {
        if (frame == null || !frame.isObject()) {
            journal.violation("ws: a frame that is not a JSON object: " + abbreviate(text));
            return;
        }
        String cmd = frame.path("cmd").isTextual() ? frame.get("cmd").textValue() : null;
        JsonNode reqIdNode = frame.path("headers").path("req_id");
        String reqId = reqIdNode.isTextual() ? reqIdNode.textValue() : "";
        if (reqId.isEmpty()) {
            journal.violation("ws " + cmd + ": headers.req_id is missing");
            return;
        }
        Optional<Fault> fault = cmd == null ? Optional.empty() : faults.take(cmd);
        if (fault.isPresent()) {
            inject(session, reqId, fault.get());
            return;
        }
        try {
            handle(session, cmd, reqId, frame);
        } catch (Rejection rejection) {
            if (rejection.isViolation()) {
                journal.violation("ws " + cmd + ": " + rejection.error().code() + " " + rejection.getMessage());
            }
            send(session, answer(reqId, rejection.error().code(), rejection.errmsg()));
        }
    }

    @Override
    public void onMessage(WebSocket socket, ByteBuffer bytes) {
        byte[] data = new byte[bytes.remaining()];
        bytes.duplicate().get(data);
        JsonNode recorded = BinaryNode.valueOf(data);
        journal.frameFromBot(recorded);
        journal.violation("ws: a binary frame of " + data.length + " bytes; WeCom frames are JSON text");
        journal.frameHandled(recorded);
    }

    private void handle(BotSession session, String cmd, String reqId, JsonNode frame) {
        if (cmd == null) {
            throw Rejection.violation(WeComError.INVALID_PARAMETER, "cmd is missing");
        }
        switch (cmd) {
            case "aibot_subscribe" -> subscribe(session, reqId, body(frame));
            case "ping" -> {
                if (answeringPings) {
                    ack(session, reqId, null);
                }
            }
            case "aibot_respond_msg" -> respond(session, reqId, body(frame));
            case "aibot_send_msg" -> sendMessage(session, reqId, body(frame));
            default -> throw Rejection.violation(WeComError.INVALID_PARAMETER, "unknown cmd " + cmd);
        }
    }

    private void subscribe(BotSession session, String reqId, Payload body) {
        String botId = body.requiredText("bot_id");
        String secret = body.requiredText("secret");
        BotSession replaced;
        synchronized (this) {
            if (!secret.equals(robots.get(botId))) {
                journal.violation("ws aibot_subscribe: " + WeComError.INVALID_SECRET.code()
                        + " wrong bot_id or secret for " + botId);
                send(session, answer(reqId, WeComError.INVALID_SECRET.code(), "invalid bot_id or secret"));
                session.socket().close(CloseFrame.POLICY_VALIDATION, "subscribe failed");
                return;
            }
            replaced = active.put(botId, session);
            latest = session;
            session.subscribed(botId);
        }
        ack(session, reqId, null);
        if (replaced != null && replaced != session && replaced.socket().isOpen()) {
            disconnect(replaced);
        }
    }

    private void respond(BotSession session, String reqId, Payload body) {
        requireSubscribed(session);
        if (!session.knows(reqId)) {
            throw Rejection.violation(WeComError.INVALID_REQ_ID, "req_id " + reqId + " belongs to no callback");
        }
        String msgtype = msgtype(body);
        String finishedStream = null;
        switch (msgtype) {
            case "stream" -> {
                Payload stream = body.body("stream");
                String streamId = stream.requiredText("id");
                boolean finish = stream.requiredBoolean("finish");
                String content = stream.optionalString("content").orElse("");
                if (Payload.utf8Length(content) > CONTENT_MAX_BYTES) {
                    throw Rejection.violation(WeComError.CONTENT_TOO_LONG, "stream.content exceeds "
                            + CONTENT_MAX_BYTES + " bytes");
                }
                if (session.isFinished(streamId)) {
                    throw Rejection.violation(WeComError.STREAM_FINISHED, "stream " + streamId + " already finished");
                }
                finishedStream = finish ? streamId : null;
            }
            case "markdown" -> body.body("markdown").content("content", CONTENT_MAX_BYTES);
            default -> throw Rejection.violation(WeComError.INVALID_MSGTYPE, "cannot reply with msgtype " + msgtype);
        }
        if (!session.startReply(reqId)) {
            throw Rejection.violation(WeComError.INVALID_PARAMETER,
                    "another reply for req_id " + reqId + " was sent before the previous one was acked");
        }
        if (finishedStream != null) {
            session.finish(finishedStream);
        }
        ack(session, reqId, () -> session.acked(reqId));
    }

    private void sendMessage(BotSession session, String reqId, Payload body) {
        requireSubscribed(session);
        body.requiredText("chatid");
        String msgtype = msgtype(body);
        if (!msgtype.equals("markdown")) {
            throw Rejection.violation(WeComError.INVALID_MSGTYPE, "aibot_send_msg takes markdown, not " + msgtype);
        }
        body.body("markdown").content("content", CONTENT_MAX_BYTES);
        ack(session, reqId, null);
    }

    private void inject(BotSession session, String reqId, Fault fault) {
        if (fault instanceof Fault.ErrCode errCode) {
            send(session, answer(reqId, errCode.code(), "injected fault"));
        } else if (fault instanceof Fault.Drop) {
            drop(session.socket());
        }
        // Fault.Timeout: never answer. Fault.Http cannot be registered for a cmd.
    }

    private void disconnect(BotSession session) {
        ObjectNode body = mapper.createObjectNode()
                .put("msgid", UUID.randomUUID().toString().replace("-", ""))
                .put("create_time", clock.instant().getEpochSecond())
                .put("aibotid", session.botId())
                .put("msgtype", "event");
        body.putObject("event").put("eventtype", "disconnected_event");
        String reqId = UUID.randomUUID().toString().replace("-", "");
        session.pushed(reqId);
        ObjectNode frame = mapper.createObjectNode().put("cmd", "aibot_event_callback");
        frame.putObject("headers").put("req_id", reqId);
        frame.set("body", body);
        send(session, frame);
        session.socket().close(CloseFrame.NORMAL, "replaced by a newer connection");
    }

    private void ack(BotSession session, String reqId, Runnable beforeSending) {
        ObjectNode ack = answer(reqId, 0, "ok");
        Runnable sending = () -> {
            if (beforeSending != null) {
                beforeSending.run();
            }
            send(session, ack);
        };
        Duration delay = ackDelay;
        if (delay.isZero()) {
            sending.run();
        } else {
            acks.schedule(sending, delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private ObjectNode answer(String reqId, int errcode, String errmsg) {
        ObjectNode frame = mapper.createObjectNode();
        frame.putObject("headers").put("req_id", reqId);
        return frame.put("errcode", errcode).put("errmsg", errmsg);
    }

    private void send(BotSession session, ObjectNode frame) {
        // journaled before it is sent: a test that has the frame in hand finds it in the journal
        journal.frameToBot(frame);
        try {
            session.socket().send(frame.toString());
        } catch (WebsocketNotConnectedException closed) {
            journal.frameNotDelivered(frame); // the bot went away; nothing delivered
        }
    }

    private synchronized BotSession subscribedSession() {
        if (latest == null || !latest.socket().isOpen()) {
            throw new IllegalStateException("no subscribed bot connection");
        }
        return latest;
    }

    private static void requireSubscribed(BotSession session) {
        if (session.botId() == null) {
            throw Rejection.violation(WeComError.INVALID_PARAMETER, "aibot_subscribe must come first");
        }
    }

    private static String msgtype(Payload body) {
        if (!body.has("msgtype")) {
            throw Rejection.violation(WeComError.INVALID_MSGTYPE, "msgtype is missing");
        }
        return body.requiredString("msgtype");
    }

    private static Payload body(JsonNode frame) {
        JsonNode body = frame.get("body");
        if (body == null || !body.isObject()) {
            throw Rejection.violation(WeComError.INVALID_PARAMETER, "body must be a JSON object");
        }
        return new Payload(body, "body.");
    }

    private JsonNode parse(String text) {
        try {
            return mapper.readTree(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            return null;
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "…";
    }
}
