package cn.mee.liaison.bot.channel.wecom;

import cn.mee.liaison.bot.channel.wecom.crypto.WeComCipher;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

/** Plays WeCom calling the bot: signed, encrypted callbacks exactly as the platform sends them. */
public final class SignedCallbacks {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String baseUrl;
    private final WeComCipher cipher;
    private final Clock clock;

    public SignedCallbacks(String baseUrl, WeComCipher cipher, Clock clock) {
        this.baseUrl = baseUrl;
        this.cipher = cipher;
        this.clock = clock;
    }

    /** One callback's signed parameters and body. */
    public record Signed(String timestamp, String nonce, String signature, String body) {
        public Signed withBody(String newBody) {
            return new Signed(timestamp, nonce, signature, newBody);
        }

        public Signed withSignature(String newSignature) {
            return new Signed(timestamp, nonce, newSignature, body);
        }
    }

    /** An answer: its status, its body, and its Content-Type header (empty when it had none). */
    public record Answer(int status, String body, String contentType) {
    }

    public Signed robot(String plaintextJson) {
        return sign(plaintextJson, encrypted -> "{\"encrypt\":\"" + encrypted + "\"}");
    }

    public Signed app(String plaintextXml, String corpId, int agentId) {
        return sign(plaintextXml, encrypted -> "<xml><ToUserName><![CDATA[" + corpId + "]]></ToUserName><AgentID>"
                + agentId + "</AgentID><Encrypt><![CDATA[" + encrypted + "]]></Encrypt></xml>");
    }

    public Signed signedAt(long timestamp, String encrypted, java.util.function.Function<String, String> envelope) {
        String nonce = UUID.randomUUID().toString().substring(0, 12);
        String ts = String.valueOf(timestamp);
        return new Signed(ts, nonce, cipher.signature(ts, nonce, encrypted), envelope.apply(encrypted));
    }

    private Signed sign(String plaintext, java.util.function.Function<String, String> envelope) {
        return signedAt(clock.instant().getEpochSecond(), cipher.encrypt(plaintext), envelope);
    }

    public Answer post(String path, Signed signed) {
        return send(HttpRequest.newBuilder(uri(path, signed, null))
                .POST(HttpRequest.BodyPublishers.ofString(signed.body(), StandardCharsets.UTF_8)));
    }

    public Answer verifyUrl(String path, String echoPlaintext) {
        String echostr = cipher.encrypt(echoPlaintext);
        Signed signed = signedAt(clock.instant().getEpochSecond(), echostr, e -> "");
        return send(HttpRequest.newBuilder(uri(path, signed, echostr)).GET());
    }

    private URI uri(String path, Signed signed, String echostr) {
        String query = "msg_signature=" + signed.signature() + "&timestamp=" + signed.timestamp() + "&nonce="
                + signed.nonce() + (echostr == null ? "" : "&echostr=" + URLEncoder.encode(echostr,
                StandardCharsets.UTF_8));
        return URI.create(baseUrl + path + "?" + query);
    }

    private static Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(response.statusCode(), response.body(),
                    response.headers().firstValue("Content-Type").orElse(""));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
