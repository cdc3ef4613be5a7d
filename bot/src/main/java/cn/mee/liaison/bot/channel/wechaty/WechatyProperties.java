package cn.mee.liaison.bot.channel.wechaty;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code liaison.wechaty.*}: where the Wechaty puppet service is and how to talk to it. The door is on when an
 * endpoint is set.
 *
 * @param endpoint          host:port of the puppet service
 * @param token             the service's token; sent with every call ({@code authorization: Wechaty <token>})
 * @param tls               false for plain-text gRPC on a trusted network (the service started with
 *                          {@code WECHATY_PUPPET_SERVICE_NO_TLS_INSECURE_SERVER=true}); default true
 * @param serverName        the name the service's certificate is for (TLS), and the call authority; default: the token,
 *                          as Wechaty's own clients do
 * @param reconnectMinDelay the first wait before reconnecting a broken event stream (1 s), doubled each time
 * @param reconnectMaxDelay the longest such wait (30 s)
 * @param silenceTimeout    no event (not even a heartbeat) for this long and a ding unanswered: the stream is dead (90 s)
 * @param callTimeout       the deadline of one call (15 s)
 */
@ConfigurationProperties("liaison.wechaty")
public record WechatyProperties(String endpoint, String token, Boolean tls, String serverName,
                                Duration reconnectMinDelay, Duration reconnectMaxDelay, Duration silenceTimeout,
                                Duration callTimeout) {

    public WechatyProperties {
        tls = tls == null || tls;
        reconnectMinDelay = reconnectMinDelay == null ? Duration.ofSeconds(1) : reconnectMinDelay;
        reconnectMaxDelay = reconnectMaxDelay == null ? Duration.ofSeconds(30) : reconnectMaxDelay;
        silenceTimeout = silenceTimeout == null ? Duration.ofSeconds(90) : silenceTimeout;
        callTimeout = callTimeout == null ? Duration.ofSeconds(15) : callTimeout;
    }

    public boolean enabled() {
        return endpoint != null && !endpoint.isBlank();
    }

    /** The authority of every call (and the TLS server name). */
    public String authority() {
        if (serverName != null && !serverName.isBlank()) {
            return serverName;
        }
        return token == null || token.isBlank() ? null : token;
    }
}
