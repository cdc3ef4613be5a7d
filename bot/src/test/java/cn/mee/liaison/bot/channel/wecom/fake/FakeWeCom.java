package cn.mee.liaison.bot.channel.wecom.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * A local stand-in for WeCom's servers, for tests: the self-built app API (gettoken, message/send, appchat, media),
 * the group robot webhook, the intelligent robot's response_url and media downloads over HTTP on
 * {@link #apiBaseUrl()}, and the intelligent robot's long connection on {@link #wsUrl()}. It checks every request
 * against the documented protocol and limits ({@link #violations()}), drops what WeCom drops silently
 * ({@link #dropped()}), records everything, and injects faults. Token expiry, rate windows and code lifetimes follow
 * the given clock. Thread-safe.
 *
 * <pre>{@code
 * try (FakeWeCom wecom = FakeWeCom.start(clock)) {
 *     wecom.corp("ww1", "app-secret").member("zhangsan").member("lisi");
 *     // point the bot at wecom.apiBaseUrl() …
 *     assertThat(wecom.violations()).isEmpty();
 * }
 * }</pre>
 */
public final class FakeWeCom implements AutoCloseable {

    /** The agentid of apps registered with {@link #corp(String, String)}. */
    public static final int DEFAULT_AGENT_ID = 1000002;

    private final Journal journal = new Journal();
    private final Faults faults = new Faults();
    private final TokenIssuer tokens;
    private final Directory directory = new Directory();
    private final MediaStore media;
    private final ResponseCodes responseCodes;
    private final Quotas quotas;
    private final WebhookApi webhooks;
    private final FakeHttpApi http;
    private final FakeLongConnection longConnection;

    private FakeWeCom(Clock clock) {
        ObjectMapper mapper = new ObjectMapper();
        tokens = new TokenIssuer(clock);
        media = new MediaStore(clock);
        responseCodes = new ResponseCodes(clock);
        quotas = new Quotas(clock);
        webhooks = new WebhookApi(media, quotas, clock, mapper);
        http = new FakeHttpApi(clock, journal, faults, mapper);
        new TokenApi(tokens, mapper).register(http);
        new AppMessageApi(tokens, directory, media, quotas, journal, clock, mapper).register(http);
        new AppChatApi(tokens, directory, media, quotas, journal, clock, mapper).register(http);
        new MediaApi(tokens, media, quotas, clock, mapper).register(http);
        webhooks.register(http);
        new ResponseUrlApi(responseCodes, mapper).register(http);
        longConnection = new FakeLongConnection(clock, journal, faults, mapper);
    }

    /** Starts the HTTP API and the long connection on 127.0.0.1 with random ports. */
    public static FakeWeCom start(Clock clock) {
        FakeWeCom wecom = new FakeWeCom(Objects.requireNonNull(clock, "clock"));
        wecom.http.start();
        try {
            wecom.longConnection.startAndWait();
        } catch (RuntimeException e) {
            wecom.http.close();
            throw e;
        }
        return wecom;
    }

    // ---- world setup -------------------------------------------------------------------------------------------

    /** "http://127.0.0.1:PORT": the base of /cgi-bin/… (instead of https://qyapi.weixin.qq.com). */
    public String apiBaseUrl() {
        return "http://127.0.0.1:" + http.port();
    }

    /** "ws://127.0.0.1:PORT": the long-connection address (instead of wss://openws.work.weixin.qq.com). */
    public String wsUrl() {
        return "ws://127.0.0.1:" + longConnection.getPort();
    }

    /** A self-built app with agentid {@value #DEFAULT_AGENT_ID}: gettoken accepts this corpid and secret. */
    public FakeWeCom corp(String corpId, String secret) {
        return corp(corpId, secret, DEFAULT_AGENT_ID);
    }

    /** A self-built app: gettoken accepts this corpid and secret; its messages must carry this agentid. */
    public FakeWeCom corp(String corpId, String secret, int agentId) {
        tokens.app(corpId, secret, agentId);
        return this;
    }

    /** An intelligent robot: aibot_subscribe accepts this bot_id and secret. */
    public FakeWeCom robot(String botId, String secret) {
        longConnection.robot(botId, secret);
        return this;
    }

    /** A group robot webhook key webhook/send and webhook/upload_media accept. */
    public FakeWeCom webhookKey(String key) {
        webhooks.key(key);
        return this;
    }

    /** How long tokens issued from now on live (default 7200 s). */
    public FakeWeCom tokenLifetime(Duration lifetime) {
        tokens.lifetime(lifetime);
        return this;
    }

    /** A known member userid (message recipients and group chat members must be known). */
    public FakeWeCom member(String userId) {
        directory.member(userId);
        return this;
    }

    /**
     * An app group chat that already exists (any app may send to it); its members (at least two, as WeCom requires)
     * become known members too.
     */
    public FakeWeCom appChat(String chatId, List<String> members) {
        if (members.size() < 2) {
            throw new IllegalArgumentException("an app group chat has at least two members");
        }
        members.forEach(directory::member);
        directory.addChat(new Directory.Chat(chatId, chatId, members.get(0), List.copyOf(members), null));
        return this;
    }

    /** The members of an app group chat (pre-existing or created through appchat/create); empty if none. */
    public List<String> appChatMembers(String chatId) {
        return directory.chat(chatId).map(Directory.Chat::members).orElse(List.of());
    }

    /** A file media/get serves (and message/send, appchat/send, webhook file messages accept) under this id. */
    public FakeWeCom media(String mediaId, byte[] bytes, String filename) {
        media.register(mediaId, bytes, filename);
        return this;
    }

    /**
     * A file the intelligent robot would link in a callback: encrypted with AES-256-CBC (key = Base64(encodingAesKey
     * + "="), IV = key[0..16], PKCS#7 to 32 bytes). Answers its download URL (GET, no token).
     */
    public String robotMedia(byte[] plain, String encodingAesKey) {
        String id = media.robotFile(RobotMediaCipher.encrypt(plain, encodingAesKey));
        return apiBaseUrl() + MediaApi.ROBOT_MEDIA + "/" + id;
    }

    /** A fresh response_url: usable once, for one hour on the clock. */
    public String newResponseUrl() {
        return apiBaseUrl() + ResponseUrlApi.RESPONSE + "?response_code=" + responseCodes.issue();
    }

    /** Invalidates every token issued so far: using one answers 40014, and gettoken issues new ones. */
    public void expireAllTokens() {
        tokens.expireAll();
    }

    /** How many gettoken requests arrived (right or wrong credentials) since start or {@link #reset()}. */
    public int gettokenCalls() {
        return tokens.calls();
    }

    // ---- recording ---------------------------------------------------------------------------------------------

    /** The HTTP requests whose path starts with {@code pathPrefix}, in arrival order ("/" for all). */
    public List<Recorded> received(String pathPrefix) {
        return journal.requests(pathPrefix);
    }

    /**
     * The HTTP requests under {@code pathPrefix} that were answered with success (HTTP 200 and errcode 0; not an
     * injected fault, not refused): what WeCom would have acted on, such as the messages delivered.
     */
    public List<Recorded> accepted(String pathPrefix) {
        return journal.accepted(pathPrefix);
    }

    /** Everything the bot sent that WeCom would refuse or that breaks a documented rule, one line each. */
    public List<String> violations() {
        return journal.violations();
    }

    /** Messages accepted with errcode 0 but not delivered to a member because of a per-member limit. */
    public List<Dropped> dropped() {
        return journal.dropped();
    }

    /**
     * Forgets recorded requests, frames, violations, dropped messages, gettoken counts, injected faults and rate
     * windows; keeps the world (apps, robots, keys, members, chats, media, tokens) and the connections.
     */
    public void reset() {
        journal.clear();
        tokens.resetCalls();
        faults.clear();
        quotas.clear();
    }

    // ---- faults ------------------------------------------------------------------------------------------------

    /**
     * The next {@code times} requests to an HTTP path (or the paths below it), or frames with a long-connection cmd,
     * fail with the fault instead of being handled.
     */
    public void failNext(String pathOrCmd, Fault fault, int times) {
        faults.failNext(pathOrCmd, fault, times);
    }

    /** Every request to the path (or frame with the cmd) fails with the fault until {@link #clearFaults()}. */
    public void alwaysFail(String pathOrCmd, Fault fault) {
        faults.alwaysFail(pathOrCmd, fault);
    }

    public void clearFaults() {
        faults.clear();
    }

    // ---- long connection ---------------------------------------------------------------------------------------

    /** Pushes an aibot_msg_callback with this body to the subscribed bot; answers the callback's req_id. */
    public String pushMessage(ObjectNode body) {
        return longConnection.push("aibot_msg_callback", body);
    }

    /** Pushes an aibot_event_callback with this body to the subscribed bot; answers its req_id. */
    public String pushEvent(ObjectNode body) {
        return longConnection.push("aibot_event_callback", body);
    }

    /** Sends the subscribed bot a disconnected_event (another connection took over) and closes its socket. */
    public void sendDisconnectedEvent() {
        longConnection.disconnectSubscribed();
    }

    /** Closes every long connection abruptly, without a close frame. */
    public void dropConnection() {
        longConnection.dropAll();
    }

    /** From now on, pings go unanswered. */
    public void stopAnsweringPings() {
        longConnection.answerPings(false);
    }

    public void resumeAnsweringPings() {
        longConnection.answerPings(true);
    }

    /** Every ack on the long connection waits this long (real time) before it is sent; zero by default. */
    public void ackDelay(Duration delay) {
        longConnection.ackDelay(delay);
    }

    /** How many WebSocket connections were opened since start. */
    public int connectionsAccepted() {
        return longConnection.connectionsAccepted();
    }

    /** Waits until at least {@code count} connections were opened; AssertionError on timeout. */
    public void awaitConnections(int count, Duration timeout) {
        try {
            if (!longConnection.awaitConnections(count, timeout)) {
                throw new AssertionError("expected " + count + " long connections within " + timeout + ", got "
                        + connectionsAccepted());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for connections", e);
        }
    }

    /** Every frame the bot sent over the long connection, in order (text that is not JSON as a text node). */
    public List<JsonNode> framesFromBot() {
        return journal.framesFromBot();
    }

    /** Every frame the fake sent to the bot: callbacks, acks and error answers. */
    public List<JsonNode> framesToBot() {
        return journal.framesToBot();
    }

    /** The first frame from the bot (so far or within the timeout) that matches; AssertionError on timeout. */
    public JsonNode awaitFrame(Predicate<JsonNode> matching, Duration timeout) {
        try {
            return journal.awaitFrameFromBot(matching, timeout).orElseThrow(() -> new AssertionError(
                    "no matching frame from the bot within " + timeout + "; frames: " + framesFromBot()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for a frame", e);
        }
    }

    /** Stops both servers; held ("timeout") requests are released by closing their connections. */
    @Override
    public void close() {
        http.close();
        longConnection.shutdown();
    }
}
