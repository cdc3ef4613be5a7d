package cn.mee.liaison.bot.channel.wechaty;

import java.time.Duration;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code liaison.wechaty.*}: where the Wechaty puppet service is and how to talk to it. The door is on when an
 * endpoint is set.
 *
 * @param endpoint          host:port of the puppet service
 * @param token             the service's token; sent with every call ({@code authorization: Wechaty <token>})
 * @param tls               false for plain-text gRPC on a trusted network (the service started with
 *                          {@code WECHATY_PUPPET_SERVICE_NO_TLS_INSECURE_SERVER=true}); default true
 * @param serverName        the name the service's certificate is for (TLS server name and call authority); default:
 *                          the token's part before its last {@code _}, lower-cased, as Wechaty's own client derives
 *                          it ({@code insecure_<uuid>} → {@code insecure}, {@code puppet_mock_<uuid>} →
 *                          {@code puppet_mock}); without TLS the authority is the token, as there
 * @param caCert            a PEM file with the certificate(s) of the CA that signed the service's certificate; default:
 *                          the Wechaty community root CA, which Wechaty's own client trusts by default and which signed
 *                          the certificate a stock puppet service serves
 * @param reconnectMinDelay the first wait before reconnecting a broken event stream (1 s), doubled each time
 * @param reconnectMaxDelay the longest such wait (30 s)
 * @param reconnectResetAfter a connection that stays up this long (60 s), or logs in, starts the backoff over
 * @param silenceTimeout    no event (not even a heartbeat) for this long and a ding unanswered: the stream is dead (90 s)
 * @param callTimeout       the deadline of one call (15 s)
 */
@ConfigurationProperties("liaison.wechaty")
public record WechatyProperties(String endpoint, String token, Boolean tls, String serverName, String caCert,
                                Duration reconnectMinDelay, Duration reconnectMaxDelay, Duration reconnectResetAfter,
                                Duration silenceTimeout, Duration callTimeout) {

    public WechatyProperties {
        tls = tls == null || tls;
        reconnectMinDelay = reconnectMinDelay == null ? Duration.ofSeconds(1) : reconnectMinDelay;
        reconnectMaxDelay = reconnectMaxDelay == null ? Duration.ofSeconds(30) : reconnectMaxDelay;
        reconnectResetAfter = reconnectResetAfter == null ? Duration.ofSeconds(60) : reconnectResetAfter;
        silenceTimeout = silenceTimeout == null ? Duration.ofSeconds(90) : silenceTimeout;
        callTimeout = callTimeout == null ? Duration.ofSeconds(15) : callTimeout;
    }

    public boolean enabled() {
        return endpoint != null && !endpoint.isBlank();
    }

    /** Shows whether the token is set, never its value. */
    @Override
    public String toString() {
        return "WechatyProperties[endpoint=" + endpoint + ", token=" + (token == null || token.isBlank() ? "(unset)"
                : "******") + ", tls=" + tls + ", serverName=" + serverName + ", caCert=" + caCert
                + ", reconnectMinDelay=" + reconnectMinDelay + ", reconnectMaxDelay=" + reconnectMaxDelay
                + ", reconnectResetAfter=" + reconnectResetAfter + ", silenceTimeout=" + silenceTimeout
                + ", callTimeout=" + callTimeout + "]";
    }

    /**
     * The name the service's TLS certificate must be for: {@code server-name} if set, else the token's prefix (the
     * part before its last {@code _}, lower-cased); null when neither gives one.
     */
    public String tlsServerName() {
        if (serverName != null && !serverName.isBlank()) {
            return serverName;
        }
        int underscore = token == null ? -1 : token.lastIndexOf('_');
        return underscore > 0 ? token.substring(0, underscore).toLowerCase(Locale.ROOT) : null;
    }

    /** The authority of every call: with TLS the server name; without, the token (unless a server name is set). */
    public String authority() {
        if (tls) {
            return tlsServerName();
        }
        if (serverName != null && !serverName.isBlank()) {
            return serverName;
        }
        return token == null || token.isBlank() ? null : token;
    }
}
