package cn.mee.liaison.bot.channel.wechaty;

import cn.mee.liaison.bot.channel.wechaty.grpc.EventResponse;
import cn.mee.liaison.bot.channel.wechaty.grpc.EventType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.grpc.stub.StreamObserver;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The bot's session with a Wechaty puppet service ({@code liaison.wechaty.endpoint}): it follows the event stream,
 * starts the puppet, learns its own contact id from the login event (and forgets it at logout), passes messages on,
 * and reconnects when the stream breaks or falls silent — after 1 s, doubling to 30 s, with jitter; the backoff starts
 * over after a login or a connection that stayed up a minute ({@link ReconnectBackoff}). Any event (a heartbeat
 * above all) shows the stream alive; errors and room events are logged and counted by type.
 */
@Component
public class WechatyConnection implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WechatyConnection.class);
    private static final Duration FIRST_EVENT_WAIT = Duration.ofSeconds(5);

    private final WechatyProperties settings;
    private final WechatyMessages messages;
    private final ObjectMapper json;
    private final Clock clock;
    private final MeterRegistry meters;
    private final Function<WechatyProperties, PuppetClient> clients;
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "wechaty-connection");
        thread.setDaemon(true);
        return thread;
    });
    private final ReconnectBackoff backoff;
    private final WechatyRooms rooms;
    private final AtomicLong generation = new AtomicLong();
    private volatile PuppetClient client;
    private volatile Runnable cancelStream;
    private volatile Session session;
    private volatile Instant lastHeard;
    private volatile boolean dingSent;
    private volatile boolean running;
    private volatile ScheduledFuture<?> watchdog;
    private volatile Duration lastReconnectDelay;

    WechatyConnection(WechatyProperties settings, WechatyMessages messages, ObjectMapper json, Clock clock,
                      MeterRegistry meters, PuppetChannels channels, WechatyRooms rooms) {
        this.settings = settings;
        this.rooms = rooms;
        this.backoff = new ReconnectBackoff(settings.reconnectMinDelay(), settings.reconnectMaxDelay(),
                settings.reconnectResetAfter());
        this.messages = messages;
        this.json = json;
        this.clock = clock;
        this.meters = meters;
        this.clients = s -> new PuppetClient(channels.open(s), s.token(), s.callTimeout());
    }

    /** The account's contact id and the client of the connection it logged in on, taken together. */
    record Session(PuppetClient client, String selfId) {
    }

    /** The logged-in account's contact id; empty before login and after logout. */
    public Optional<String> selfId() {
        return session().map(Session::selfId);
    }

    /** The client to send with, while the account is logged in. */
    Optional<PuppetClient> loggedInClient() {
        return session().map(Session::client);
    }

    /** The client and the account's id in one read (both or neither), while the account is logged in. */
    Optional<Session> session() {
        return Optional.ofNullable(session);
    }

    /** When the service was last heard from (any event), for the health of the stream. */
    Instant lastHeard() {
        return lastHeard;
    }

    /** The wait before the last reconnection, without its jitter; null before the first. */
    Duration lastReconnectDelay() {
        return lastReconnectDelay;
    }

    @Override
    public void start() {
        if (!settings.enabled()) {
            return;
        }
        running = true;
        messages.replaySpooled();
        log.info("connecting to the Wechaty puppet service at {} ({})", settings.endpoint(),
                settings.tls() ? "TLS" : "plain text");
        timers.execute(this::connect);
        long check = Math.max(500, Math.min(5_000, settings.silenceTimeout().toMillis() / 3));
        watchdog = timers.scheduleWithFixedDelay(this::checkSilence, check, check, TimeUnit.MILLISECONDS);
    }

    private void connect() {
        if (!running) {
            return;
        }
        long mine = generation.incrementAndGet();
        closeClient();
        try {
            PuppetClient c = clients.apply(settings);
            client = c;
            backoff.connected(clock.instant());
            lastHeard = clock.instant();
            dingSent = false;
            Events events = new Events(mine);
            cancelStream = c.events(events);
            // as Wechaty's own client does: Start once the stream is open (the service greets it with a heartbeat)
            if (!events.opened.await(FIRST_EVENT_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                log.info("no first event from the Wechaty puppet service within {} s; starting anyway",
                        FIRST_EVENT_WAIT.toSeconds());
            }
            c.start();
            log.info("the Wechaty puppet service accepted Start");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.warn("cannot start the Wechaty puppet service at {}: {}", settings.endpoint(), e.toString());
            reconnect(mine);
        }
    }

    /** The stream broke or fell silent: drop it and connect again after the backoff. */
    private void reconnect(long brokenGeneration) {
        if (!running || !generation.compareAndSet(brokenGeneration, brokenGeneration + 1)) {
            return; // stopping, or another failure already scheduled the reconnect
        }
        session = null;
        Duration wait = backoff.next(clock.instant());
        lastReconnectDelay = wait;
        long delay = wait.toMillis() + ThreadLocalRandom.current().nextLong(Math.max(1, wait.toMillis() / 5));
        meters.counter("liaison.wechaty.reconnects").increment();
        log.info("reconnecting to the Wechaty puppet service in {} ms", delay);
        timers.schedule(this::connect, delay, TimeUnit.MILLISECONDS);
    }

    private void checkSilence() {
        PuppetClient c = client;
        Instant heard = lastHeard;
        if (!running || c == null || heard == null) {
            return;
        }
        Duration silent = Duration.between(heard, clock.instant());
        if (silent.compareTo(settings.silenceTimeout()) < 0) {
            return;
        }
        if (!dingSent) {
            dingSent = true; // a live service answers a ding with a dong event
            try {
                c.ding("liaison-" + clock.millis());
                return;
            } catch (RuntimeException e) {
                log.warn("the Wechaty puppet service does not answer a ding: {}", e.toString());
            }
        }
        log.warn("the Wechaty event stream has been silent for {} s: reconnecting", silent.toSeconds());
        reconnect(generation.get());
    }

    /** Any event shows the stream alive: the silence timer starts again. */
    private void heard() {
        lastHeard = clock.instant();
        dingSent = false;
    }

    void onEvent(EventResponse event) {
        heard();
        JsonNode payload = payload(event.getPayload());
        EventType type = event.getType();
        switch (type) {
            case EVENT_TYPE_HEARTBEAT, EVENT_TYPE_DONG -> log.trace("Wechaty {}: {}", type, event.getPayload());
            case EVENT_TYPE_LOGIN -> {
                backoff.loggedIn();
                String self = payload.path("contactId").asText("");
                PuppetClient c = client;
                session = self.isBlank() || c == null ? null : new Session(c, self);
                log.info("the personal WeChat account {} logged in", self);
            }
            case EVENT_TYPE_LOGOUT -> {
                log.warn("the personal WeChat account {} logged out ({}); messages to WECHATY chats wait",
                        selfId().orElse(null), payload.path("data").asText(""));
                session = null;
            }
            case EVENT_TYPE_MESSAGE -> {
                String messageId = payload.path("messageId").asText("");
                if (!messageId.isBlank()) {
                    messages.arrived(messageId, this);
                }
            }
            case EVENT_TYPE_SCAN -> log.warn("the personal WeChat account must log in: scan the QR code of the puppet "
                    + "service (status {}, {})", payload.path("status").asText(), payload.path("qrcode").asText(""));
            case EVENT_TYPE_ROOM_JOIN -> rooms.joined(payload);
            case EVENT_TYPE_ROOM_LEAVE -> rooms.left(payload);
            case EVENT_TYPE_ROOM_TOPIC -> rooms.topicChanged(payload);
            case EVENT_TYPE_ERROR -> log.warn("the Wechaty puppet service reports an error: {}",
                    payload.has("gerror") ? payload.path("gerror").asText() : payload.path("data").asText(
                            event.getPayload()));
            case EVENT_TYPE_RESET -> log.info("the Wechaty puppet service asks for a reset: {}", event.getPayload());
            default -> log.debug("Wechaty event {}: {}", type, event.getPayload());
        }
        meters.counter("liaison.wechaty.events", "type", type.name()).increment();
    }

    private JsonNode payload(String text) {
        try {
            return text == null || text.isBlank() ? json.createObjectNode() : json.readTree(text);
        } catch (Exception e) {
            log.warn("a Wechaty event payload is not JSON: {}", text);
            return json.createObjectNode();
        }
    }

    @Override
    public void stop() {
        running = false;
        ScheduledFuture<?> w = watchdog;
        if (w != null) {
            w.cancel(false);
        }
        closeClient();
        timers.shutdownNow();
    }

    private void closeClient() {
        Runnable cancel = cancelStream;
        cancelStream = null;
        if (cancel != null) {
            cancel.run();
        }
        session = null;
        PuppetClient c = client;
        client = null;
        if (c != null) {
            c.close();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100; // after the pipeline and the outbox are up, before the web server stops
    }

    /** The events of one connection; a stale connection's end is ignored. */
    private final class Events implements StreamObserver<EventResponse> {

        private final long mine;
        private final CountDownLatch opened = new CountDownLatch(1);

        Events(long mine) {
            this.mine = mine;
        }

        @Override
        public void onNext(EventResponse event) {
            opened.countDown();
            if (generation.get() == mine) {
                onEvent(event);
            }
        }

        @Override
        public void onError(Throwable t) {
            opened.countDown();
            if (running && generation.get() == mine) {
                log.warn("the Wechaty event stream broke: {}", t.toString());
                timers.execute(() -> reconnect(mine));
            }
        }

        @Override
        public void onCompleted() {
            opened.countDown();
            if (running && generation.get() == mine) {
                log.warn("the Wechaty puppet service ended the event stream");
                timers.execute(() -> reconnect(mine));
            }
        }
    }
}
