package cn.mee.liaison.bot.channel.wecom.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A bot's end of the long connection, on the JDK's own WebSocket client, for the fake's tests. */
final class BotSocket implements AutoCloseable {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private final BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    /** Held for the socket's lifetime: once a JDK HttpClient is unreachable its selector thread stops reading. */
    private final HttpClient client = HttpClient.newHttpClient();
    private final WebSocket socket;

    private BotSocket(String url) throws Exception {
        socket = client.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5))
                .buildAsync(URI.create(url), new Listener()).get(5, TimeUnit.SECONDS);
    }

    static BotSocket connect(String url) {
        try {
            return new BotSocket(url);
        } catch (Exception e) {
            throw new IllegalStateException("cannot connect to " + url, e);
        }
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    void send(String cmd, String reqId, ObjectNode body) {
        ObjectNode frame = MAPPER.createObjectNode().put("cmd", cmd);
        frame.putObject("headers").put("req_id", reqId);
        if (body != null) {
            frame.set("body", body);
        }
        sendText(frame.toString());
    }

    void sendText(String text) {
        socket.sendText(text, true).join();
    }

    void sendBinary(byte[] bytes) {
        socket.sendBinary(java.nio.ByteBuffer.wrap(bytes), true).join();
    }

    /** Subscribes and returns the answer. */
    JsonNode subscribe(String botId, String secret) {
        send("aibot_subscribe", "sub-" + botId, object().put("bot_id", botId).put("secret", secret));
        return next(Duration.ofSeconds(5));
    }

    JsonNode next(Duration timeout) {
        return poll(timeout).orElseThrow(() -> new AssertionError("no frame within " + timeout));
    }

    Optional<JsonNode> poll(Duration timeout) {
        try {
            return Optional.ofNullable(frames.poll(timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** The next frame that matches, skipping others. */
    JsonNode next(Predicate<JsonNode> matching, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<JsonNode> frame = poll(Duration.ofNanos(deadline - System.nanoTime()));
            if (frame.isPresent() && matching.test(frame.get())) {
                return frame.get();
            }
        }
        throw new AssertionError("no matching frame within " + timeout);
    }

    /** The close status code (or -1 if the connection failed without a close frame). */
    int awaitClosed(Duration timeout) {
        try {
            return closed.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new AssertionError("the connection did not close within " + timeout, e);
        }
    }

    boolean isClosed() {
        return closed.isDone();
    }

    /**
     * Whether the connection is gone after a drop: closed as the listener saw it, or, since the JDK client sometimes
     * misses a bare TCP close, dead: a ping goes unanswered.
     */
    boolean isGone(Duration timeout) {
        try {
            closed.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (Exception notSeen) {
            try {
                send("ping", "are-you-there", null);
            } catch (RuntimeException sendFailed) {
                return true;
            }
            return poll(Duration.ofMillis(500)).isEmpty();
        }
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
        }
        socket.abort();
    }

    private final class Listener implements WebSocket.Listener {

        private final StringBuilder partial = new StringBuilder();

        @Override
        public void onOpen(WebSocket webSocket) {
            // unbounded demand: a close or EOF is noticed even while a test holds an unread frame
            webSocket.request(Long.MAX_VALUE);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    frames.add(MAPPER.readTree(partial.toString()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                partial.setLength(0);
            }
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.complete(-1);
        }
    }
}
