package cn.mee.liaison.bot.channel.wecom;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * {@code liaison.wecom.*}: the WeCom doors. A door is on when its settings are given. The settings' text (toString)
 * shows whether each secret, token and key is set, never its value.
 *
 * @param apiBaseUrl all server APIs (gettoken, appchat, message, webhook send, media)
 * @param robot      the intelligent robot (智能机器人), webhook or long-connection mode
 * @param app        the self-built app (自建应用)
 * @param callback   limits every callback must meet
 * @param http       timeouts of calls to WeCom, and the largest download
 */
@ConfigurationProperties("liaison.wecom")
public record WeComProperties(String apiBaseUrl, Robot robot, App app, Callback callback, Http http) {

    public static final String OFFICIAL_API = "https://qyapi.weixin.qq.com";
    public static final String OFFICIAL_WS = "wss://openws.work.weixin.qq.com";

    public WeComProperties {
        apiBaseUrl = blank(apiBaseUrl) ? OFFICIAL_API : apiBaseUrl.replaceAll("/+$", "");
        robot = robot == null ? new Robot(null, null, null, null, null, null, null, null, null, null, null) : robot;
        app = app == null ? new App(null, null, null, null, null) : app;
        callback = callback == null ? new Callback(null, null) : callback;
        http = http == null ? new Http(null, null, null) : http;
    }

    /**
     * @param mode               {@code webhook} (callbacks to /wecom/robot/callback) or {@code websocket}
     *                           (the long connection)
     * @param replyBudget        how long a webhook callback waits for the answer to go back as a passive reply
     * @param pingInterval       long connection: how often to ping; two unanswered pings mean the connection is dead
     * @param reconnectBaseDelay long connection: the first wait before reconnecting, doubled each time
     * @param reconnectMaxDelay  long connection: the longest wait before reconnecting
     * @param ackTimeout         long connection: how long to wait for WeCom to acknowledge a frame
     */
    public record Robot(String token, String encodingAesKey, String botId, String secret, String mode, String wsUrl,
                        Duration replyBudget, Duration pingInterval, Duration reconnectBaseDelay,
                        Duration reconnectMaxDelay, Duration ackTimeout) {
        public Robot {
            mode = blank(mode) ? "webhook" : mode.strip().toLowerCase();
            wsUrl = blank(wsUrl) ? OFFICIAL_WS : wsUrl.strip();
            replyBudget = replyBudget == null ? Duration.ofMillis(3000) : replyBudget;
            pingInterval = pingInterval == null ? Duration.ofSeconds(30) : pingInterval;
            reconnectBaseDelay = reconnectBaseDelay == null ? Duration.ofSeconds(1) : reconnectBaseDelay;
            reconnectMaxDelay = reconnectMaxDelay == null ? Duration.ofSeconds(30) : reconnectMaxDelay;
            ackTimeout = ackTimeout == null ? Duration.ofSeconds(5) : ackTimeout;
        }

        public boolean websocket() {
            return "websocket".equals(mode);
        }

        public boolean callbackConfigured() {
            return !blank(token) && !blank(encodingAesKey);
        }

        public boolean longConnectionConfigured() {
            return websocket() && !blank(botId) && !blank(secret);
        }

        @Override
        public String toString() {
            return "Robot[token=" + redacted(token) + ", encodingAesKey=" + redacted(encodingAesKey) + ", botId="
                    + botId + ", secret=" + redacted(secret) + ", mode=" + mode + ", wsUrl=" + wsUrl
                    + ", replyBudget=" + replyBudget + ", pingInterval=" + pingInterval + ", reconnectBaseDelay="
                    + reconnectBaseDelay + ", reconnectMaxDelay=" + reconnectMaxDelay + ", ackTimeout=" + ackTimeout
                    + "]";
        }
    }

    /** The self-built app. corpId + secret send; token + encodingAesKey receive callbacks. */
    public record App(String corpId, String agentId, String secret, String token, String encodingAesKey) {

        public boolean sendingConfigured() {
            return !blank(corpId) && !blank(secret) && !blank(agentId);
        }

        public boolean callbackConfigured() {
            return !blank(corpId) && !blank(token) && !blank(encodingAesKey);
        }

        /** The key of this app's shared access token. */
        public String tokenKey() {
            return corpId + ":" + agentId;
        }

        @Override
        public String toString() {
            return "App[corpId=" + corpId + ", agentId=" + agentId + ", secret=" + redacted(secret) + ", token="
                    + redacted(token) + ", encodingAesKey=" + redacted(encodingAesKey) + "]";
        }
    }

    /**
     * @param maxBody      the largest callback body accepted, in bytes
     * @param maxClockSkew how far a callback's timestamp may be from now
     */
    public record Callback(Integer maxBody, Duration maxClockSkew) {
        public Callback {
            maxBody = maxBody == null ? 256 * 1024 : maxBody;
            maxClockSkew = maxClockSkew == null ? Duration.ofMinutes(5) : maxClockSkew;
        }
    }

    /**
     * @param maxDownload the largest attachment fetched from WeCom (20 MB by default, WeCom's own limit for files);
     *                    a larger one is not kept, and its record says so
     */
    public record Http(Duration connectTimeout, Duration requestTimeout, DataSize maxDownload) {
        public Http {
            connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
            requestTimeout = requestTimeout == null ? Duration.ofSeconds(10) : requestTimeout;
            maxDownload = maxDownload == null ? DataSize.ofMegabytes(20) : maxDownload;
        }
    }

    /** How a secret shows in a settings record's text: whether it is set, never what it is. */
    static String redacted(String secret) {
        return blank(secret) ? "(unset)" : "******";
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
