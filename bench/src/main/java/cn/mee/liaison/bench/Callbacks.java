package cn.mee.liaison.bench;

import cn.mee.liaison.bot.channel.wecom.crypto.WeComCipher;
import cn.mee.liaison.bot.channel.wecom.fake.FakeWeCom;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.util.Timeout;

/**
 * The platform's side of the filing benchmark: builds the callbacks — one daily report each, from a random group's
 * leader, in its robot chat, signed and encrypted with the bot's own {@link WeComCipher}, with a fresh nonce and
 * message id — and posts them.
 *
 * <p>Building a callback (its JSON, its encryption, its signature) is the platform's work, not the bot's, so it is
 * kept apart from posting it ({@link #prepare}): a fixed-rate phase builds all its callbacks before its clock starts,
 * and the load generator spends the phase's CPU on posting only. The posts go through a pool of kept-alive
 * connections on the sending thread itself (Apache HttpClient's classic client: no selector thread between the
 * worker and its socket).
 */
final class Callbacks implements Filing.Sender, AutoCloseable {

    /** Connections kept: one per open-loop worker, and the closed loops' clients. */
    private static final int CONNECTIONS = 512;

    private final CloseableHttpClient http = HttpClients.custom()
            .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                    .setMaxConnTotal(CONNECTIONS).setMaxConnPerRoute(CONNECTIONS)
                    .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(Timeout.ofSeconds(5))
                            .setSocketTimeout(Timeout.ofSeconds(30)).build())
                    .build())
            // a callback answered with an error is counted, not sent again behind the benchmark's back
            .disableAutomaticRetries()
            .disableCookieManagement()
            .build();
    private final WeComCipher cipher = new WeComCipher(Filing.TOKEN, Filing.AES_KEY, "");
    private final String url;
    private final int groups;
    private final String responseUrl;
    final AtomicLong sent = new AtomicLong();
    /** Answers other than an encrypted passive reply, by status and the start of the body. */
    final Map<String, Long> failures = new ConcurrentHashMap<>();

    Callbacks(String baseUrl, FakeWeCom wecom, int groups) {
        this.url = baseUrl + "/wecom/robot/callback";
        this.groups = groups;
        this.responseUrl = wecom.newResponseUrl();
    }

    /**
     * One callback, built and signed now: its timestamp is now, so it must be posted within the bot's allowed clock
     * skew (5 minutes).
     */
    @Override
    public Filing.Message prepare(Random random) {
        int group = random.nextInt(groups);
        long n = sent.incrementAndGet();
        ObjectNode message = Api.JSON.createObjectNode();
        message.put("msgid", "bench-" + ProcessHandle.current().pid() + "-" + n);
        message.put("aibotid", Filing.BOT_ID);
        message.put("chatid", Organisation.chatId("WECOM_ROBOT", group));
        message.put("chattype", "group");
        message.putObject("from").put("userid", Organisation.leader(group));
        message.put("response_url", responseUrl);
        message.put("msgtype", "text");
        message.putObject("text").put("content", "@联络机器人 " + Texts.dailyReport(random));
        String encrypted;
        try {
            encrypted = cipher.encrypt(Api.JSON.writeValueAsString(message));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        String timestamp = String.valueOf(System.currentTimeMillis() / 1000);
        String nonce = Long.toString(random.nextLong() & Long.MAX_VALUE, 36);
        String signature = cipher.signature(timestamp, nonce, encrypted);
        String target = url + "?msg_signature=" + signature + "&timestamp=" + timestamp + "&nonce=" + nonce;
        byte[] body = ("{\"encrypt\":\"" + encrypted + "\"}").getBytes(StandardCharsets.UTF_8);
        return () -> post(target, body);
    }

    /**
     * Posts one callback; true when it was answered with the encrypted passive reply. 200 is the acknowledgement (the
     * message is filed); its answer is the passive reply, or, when that was not ready within the reply budget, an
     * empty body (the answer then follows through response_url), counted apart.
     */
    private boolean post(String target, byte[] body) throws IOException {
        HttpPost post = new HttpPost(target);
        post.setEntity(new ByteArrayEntity(body, ContentType.APPLICATION_JSON));
        return http.execute(post, answer -> {
            String text = EntityUtils.toString(answer.getEntity(), StandardCharsets.UTF_8);
            if (answer.getCode() == 200 && text.contains("\"encrypt\"")) {
                return true;
            }
            failures.merge(answer.getCode() == 200 ? "200 filed, answered later through response_url"
                    : answer.getCode() + " " + text.substring(0, Math.min(80, text.length())), 1L, Long::sum);
            return answer.getCode() == 200;
        });
    }

    @Override
    public void close() throws IOException {
        http.close();
    }
}
