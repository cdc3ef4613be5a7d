package cn.mee.liaison.bot.channel.wecom.robot;

import cn.mee.liaison.bot.channel.wecom.WeComProperties;
import cn.mee.liaison.bot.channel.wecom.api.WeComFailure;
import cn.mee.liaison.bot.channel.wecom.api.WeComFailure.Kind;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The intelligent robot's long connection ({@code liaison.wecom.robot.mode=websocket}): the bot opens the WebSocket
 * itself, so no public URL is needed (the door for intranet deployments). It subscribes with bot id and secret,
 * pings every 30 s and takes two unanswered pings (or an unanswered subscribe) for a dead connection, reconnects
 * with exponential backoff (1 s doubling to 30 s), and stops for good, loudly, when WeCom says another connection
 * replaced it. Replies with one req_id go out strictly one after another, each waiting for its acknowledgement.
 */
@Component
public class RobotLongConnection implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RobotLongConnection.class);
    private static final int MAX_MISSED_PINGS = 2;

    private final WeComProperties.Robot settings;
    private final RobotFrames frames;
    private final LongConnectionCallbacks callbacks;
    private final ObjectMapper json;
    /** Made at the first connection (only when configured): it loads the TLS trust store and starts a thread. */
    private HttpClient http;
    private final ScheduledExecutorService timers;
    private final Map<String, CompletableFuture<JsonNode>> awaitingAck = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<JsonNode>> replyChains = new ConcurrentHashMap<>();
    private final AtomicInteger missedPings = new AtomicInteger();
    private final Object sendLock = new Object();
    private final AtomicReference<WebSocket> socket = new AtomicReference<>();
    private volatile boolean subscribed;
    private volatile boolean running;
    private volatile boolean replaced;
    private volatile ScheduledFuture<?> pings;
    private final AtomicInteger attempts = new AtomicInteger();

    RobotLongConnection(WeComProperties properties, LongConnectionCallbacks callbacks, ObjectMapper json,
                        MeterRegistry meters) {
        this.settings = properties.robot();
        this.frames = new RobotFrames(json);
        this.callbacks = callbacks;
        this.json = json;
        this.timers = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "robot-long-connection");
            thread.setDaemon(true);
            return thread;
        });
        Gauge.builder("liaison.wecom.robot.connected", () -> subscribed ? 1 : 0).register(meters);
    }

    public boolean configured() {
        return settings.longConnectionConfigured();
    }

    /** Subscribed and ready to send. */
    public boolean ready() {
        return subscribed && socket.get() != null;
    }

    /** Another connection with the same bot replaced this one; the bot no longer reconnects. */
    public boolean replaced() {
        return replaced;
    }

    @Override
    public void start() {
        if (!configured()) {
            return;
        }
        running = true;
        callbacks.replaySpooled(this);
        timers.execute(this::connect);
    }

    @Override
    public void stop() {
        running = false;
        cancelPings();
        WebSocket current = socket.getAndSet(null);
        if (current != null) {
            current.sendClose(WebSocket.NORMAL_CLOSURE, "bot stopping");
        }
        timers.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /**
     * Answers a callback with its req_id (aibot_respond_msg); waits for the answers before it with the same req_id.
     *
     * @return WeCom's acknowledgement
     * @throws WeComFailure when not connected, not acknowledged in time, or refused
     */
    public JsonNode respond(String reqId, ObjectNode body) {
        ObjectNode frame = frames.frame(RobotFrames.RESPOND, reqId, body);
        CompletableFuture<JsonNode> mine = replyChains.compute(reqId, (id, previous) ->
                (previous == null ? CompletableFuture.<JsonNode>completedFuture(null)
                        : previous.exceptionally(e -> null)).thenCompose(done -> sendAwaitingAck(frame)));
        try {
            return await(mine);
        } finally {
            replyChains.remove(reqId, mine);
        }
    }

    /** A proactive message to a chat (or, by user id, a single chat): aibot_send_msg. */
    public JsonNode send(String chatId, String markdown) {
        return await(sendAwaitingAck(frames.frame(RobotFrames.SEND, RobotFrames.newRequestId(RobotFrames.SEND),
                frames.markdown(chatId, markdown))));
    }

    ObjectNode finishedStream(String content) {
        return frames.finishedStream(content);
    }

    private JsonNode await(CompletableFuture<JsonNode> ack) {
        try {
            return ack.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof WeComFailure failure) {
                throw failure;
            }
            throw new WeComFailure(Kind.TRANSIENT, "长连接发送失败：" + e.getCause(), e.getCause());
        }
    }

    private CompletableFuture<JsonNode> sendAwaitingAck(ObjectNode frame) {
        String reqId = frame.path("headers").path("req_id").asText();
        if (!ready()) {
            return CompletableFuture.failedFuture(new WeComFailure(Kind.TRANSIENT, 0, "智能机器人长连接未建立"));
        }
        CompletableFuture<JsonNode> ack = new CompletableFuture<>();
        awaitingAck.put(reqId, ack);
        try {
            sendText(frames.text(frame));
        } catch (RuntimeException e) {
            awaitingAck.remove(reqId, ack);
            return CompletableFuture.failedFuture(new WeComFailure(Kind.TRANSIENT, "长连接发送失败", e));
        }
        return ack.orTimeout(settings.ackTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .handle((answer, error) -> {
                    awaitingAck.remove(reqId, ack);
                    if (error instanceof TimeoutException) {
                        throw new CompletionException(new WeComFailure(Kind.TRANSIENT, 0, "企业微信未在时限内确认"));
                    }
                    if (error != null) {
                        throw error instanceof CompletionException c ? c : new CompletionException(error);
                    }
                    int errcode = answer.path("errcode").asInt(0);
                    if (errcode != 0) {
                        throw new CompletionException(new WeComFailure(
                                errcode == 846605 || errcode == 846608 ? Kind.PERMANENT : Kind.TRANSIENT, errcode,
                                answer.path("errmsg").asText("")));
                    }
                    return answer;
                });
    }

    private void sendText(String text) {
        WebSocket current = socket.get();
        if (current == null) {
            throw new IllegalStateException("not connected");
        }
        synchronized (sendLock) {
            current.sendText(text, true).join();
        }
    }

    /** Only the timers thread connects, so only it calls this. */
    private HttpClient http() {
        if (http == null) {
            http = HttpClient.newHttpClient();
        }
        return http;
    }

    private void connect() {
        if (!running || replaced) {
            return;
        }
        log.info("opening the robot long connection to {}", settings.wsUrl());
        try {
            http().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
                    .buildAsync(URI.create(settings.wsUrl()), new Listener())
                    .whenComplete((ws, error) -> {
                        if (error != null) {
                            log.warn("robot long connection could not be opened: {}", error.toString());
                            reconnectLater();
                            return;
                        }
                        opened(ws);
                    });
        } catch (RuntimeException e) {
            // thrown before any attempt (a malformed address, no client): tried again like a failed attempt
            log.warn("robot long connection could not be opened: {}", e.toString());
            reconnectLater();
        }
    }

    /** Subscribes on a new socket; a subscribe WeCom does not answer within the ack timeout gives the socket up. */
    private void opened(WebSocket ws) {
        socket.set(ws);
        missedPings.set(0);
        try {
            sendText(frames.text(frames.subscribe(settings.botId(), settings.secret())));
            timers.schedule(() -> subscribeUnanswered(ws), settings.ackTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException stopping) {
            // the bot is stopping
        } catch (RuntimeException e) {
            log.warn("robot long connection could not subscribe: {}", e.toString());
            ws.abort();
            lost(ws);
        }
    }

    private void subscribeUnanswered(WebSocket ws) {
        if (!subscribed && socket.get() == ws) {
            log.warn("WeCom did not answer the robot long connection's subscribe within {}: reconnecting",
                    settings.ackTimeout());
            ws.abort();
            lost(ws);
        }
    }

    /** This socket is gone (closed, failed or given up on): reconnect, once per socket. */
    private void lost(WebSocket gone) {
        if (socket.compareAndSet(gone, null)) {
            reconnectLater();
        }
    }

    private void reconnectLater() {
        subscribed = false;
        cancelPings();
        failAwaiting("connection lost");
        if (!running || replaced) {
            return;
        }
        int attempt = attempts.getAndIncrement();
        long delay = Math.min(settings.reconnectMaxDelay().toMillis(),
                settings.reconnectBaseDelay().toMillis() << Math.min(attempt, 16));
        log.info("reconnecting the robot long connection in {} ms (attempt {})", delay, attempt + 1);
        try {
            timers.schedule(this::connect, delay, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException stopping) {
            // the bot is stopping
        }
    }

    private void subscribedAnswer(JsonNode frame) {
        int errcode = frame.path("errcode").asInt(-1);
        if (errcode != 0) {
            log.error("the robot long connection refused bot id {}: errcode {} {} (check liaison.wecom.robot.bot-id "
                    + "and secret)", settings.botId(), errcode, frame.path("errmsg").asText(""));
            WebSocket current = socket.get();
            if (current != null) {
                current.abort();
                lost(current);
            }
            return;
        }
        subscribed = true;
        attempts.set(0);
        log.info("robot long connection subscribed as bot {}", settings.botId());
        cancelPings();
        pings = timers.scheduleAtFixedRate(this::ping, settings.pingInterval().toMillis(),
                settings.pingInterval().toMillis(), TimeUnit.MILLISECONDS);
    }

    private void ping() {
        WebSocket current = socket.get();
        if (current == null) {
            return;
        }
        if (missedPings.get() >= MAX_MISSED_PINGS) {
            log.warn("the robot long connection answered none of the last {} pings: taking it for dead",
                    MAX_MISSED_PINGS);
            current.abort();
            lost(current);
            return;
        }
        missedPings.incrementAndGet();
        try {
            sendText(frames.text(frames.ping()));
        } catch (RuntimeException e) {
            log.warn("ping failed: {}", e.toString());
        }
    }

    private void replacedByAnother() {
        replaced = true;
        subscribed = false;
        cancelPings();
        log.error("!!! WeCom closed this robot long connection because another connection with bot id {} replaced "
                + "it. This instance will NOT reconnect: two deployments are using the same robot. Stop the other "
                + "one or give this one its own robot, then restart.", settings.botId());
    }

    private void received(String text) {
        JsonNode frame;
        try {
            frame = json.readTree(text);
        } catch (Exception e) {
            log.warn("ignored a long-connection frame that is not JSON");
            return;
        }
        String cmd = frame.path("cmd").asText("");
        String reqId = frame.path("headers").path("req_id").asText("");
        switch (cmd) {
            case RobotFrames.MESSAGE_CALLBACK -> callbacks.handle(frame, this);
            case RobotFrames.EVENT_CALLBACK -> {
                if ("disconnected_event".equals(frame.path("body").path("event").path("eventtype").asText())) {
                    replacedByAnother();
                } else {
                    callbacks.handle(frame, this);
                }
            }
            default -> acknowledged(reqId, frame);
        }
    }

    private void acknowledged(String reqId, JsonNode frame) {
        if (reqId.startsWith(RobotFrames.SUBSCRIBE)) {
            subscribedAnswer(frame);
        } else if (reqId.startsWith(RobotFrames.PING)) {
            missedPings.set(0);
        } else {
            CompletableFuture<JsonNode> ack = awaitingAck.remove(reqId);
            if (ack != null) {
                ack.complete(frame);
            } else {
                log.debug("acknowledgement for an unknown req_id");
            }
        }
    }

    private void failAwaiting(String reason) {
        awaitingAck.values().forEach(ack -> ack.completeExceptionally(
                new WeComFailure(Kind.TRANSIENT, 0, "长连接已断开：" + reason)));
        awaitingAck.clear();
    }

    private void cancelPings() {
        ScheduledFuture<?> current = pings;
        if (current != null) {
            current.cancel(false);
        }
    }

    /** Receives frames; text may arrive in parts. */
    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                received(text);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            log.info("robot long connection closed ({} {})", statusCode, reason);
            lost(webSocket);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            log.warn("robot long connection failed: {}", error.toString());
            lost(webSocket);
        }
    }
}
