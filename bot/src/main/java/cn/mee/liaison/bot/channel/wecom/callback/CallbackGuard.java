package cn.mee.liaison.bot.channel.wecom.callback;

import cn.mee.liaison.bot.channel.wecom.WeComProperties;
import cn.mee.liaison.bot.runtime.RepeatedWarnings;
import cn.mee.liaison.storage.wecom.CallbackNonceMapper;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The first checks on every callback, before any decryption: the parameters are there and well formed, the timestamp
 * is within the allowed clock skew, and the body is not larger than allowed. The last check, that the nonce was not
 * accepted before (on any instance), is the recording of it: in the transaction that files the message, so that a
 * delivery that failed (and that the platform will retry) is not mistaken for a replay, and a replay rolls that
 * transaction back and is refused (409). Recording it there, rather than looking it up first, spares every callback a
 * round trip to the database.
 */
@Component
public class CallbackGuard {

    private static final Logger log = LoggerFactory.getLogger(CallbackGuard.class);
    private static final int MAX_PARAMETER = 128;
    private static final Pattern TIMESTAMP = Pattern.compile("\\d{1,12}");

    private final CallbackNonceMapper nonces;
    private final Clock clock;
    private final WeComProperties.Callback limits;
    private final MeterRegistry meters;
    /** One line a minute per door and status: a database away or a stream of forged requests is not a log flood. */
    private final RepeatedWarnings refusals;

    CallbackGuard(CallbackNonceMapper nonces, Clock clock, WeComProperties properties, MeterRegistry meters) {
        this.nonces = nonces;
        this.clock = clock;
        this.limits = properties.callback();
        this.meters = meters;
        this.refusals = new RepeatedWarnings(log, clock, Duration.ofMinutes(1));
    }

    /** The signed parameters of a callback, checked. */
    public record Signed(String door, String msgSignature, String timestamp, String nonce) {
        public long stamp() {
            return Long.parseLong(timestamp);
        }
    }

    public Signed check(String door, String msgSignature, String timestamp, String nonce) {
        if (bad(msgSignature) || bad(timestamp) || bad(nonce)) {
            throw new CallbackRejected(HttpStatus.BAD_REQUEST, "missing or malformed msg_signature/timestamp/nonce");
        }
        if (!TIMESTAMP.matcher(timestamp).matches()) {
            throw new CallbackRejected(HttpStatus.BAD_REQUEST, "timestamp is not a number");
        }
        Instant sent = Instant.ofEpochSecond(Long.parseLong(timestamp));
        Duration skew = Duration.between(sent, clock.instant()).abs();
        if (skew.compareTo(limits.maxClockSkew()) > 0) {
            throw new CallbackRejected(HttpStatus.FORBIDDEN, "timestamp is " + skew.toSeconds() + " s away from now");
        }
        return new Signed(door, msgSignature, timestamp, nonce);
    }

    /** Reads a callback body, refusing one larger than allowed without reading all of it. */
    public String body(InputStream in) {
        try {
            byte[] bytes = in.readNBytes(limits.maxBody() + 1);
            if (bytes.length > limits.maxBody()) {
                throw new CallbackRejected(HttpStatus.PAYLOAD_TOO_LARGE,
                        "body larger than " + limits.maxBody() + " bytes");
            }
            return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The callback was handled: its nonce may not be used again.
     *
     * @throws CallbackRejected 409 when it was used before (a replay, or the same delivery twice at once): in the
     *                          filing transaction, that rolls it back
     */
    public void accepted(Signed signed) {
        try {
            nonces.record(signed.door(), signed.nonce(), signed.stamp(), clock.instant());
        } catch (DuplicateKeyException replay) {
            throw new CallbackRejected(HttpStatus.CONFLICT, "nonce was used before (replay)");
        }
    }

    /**
     * Logs and counts a refusal as it is answered — every refusal of a callback door, the guard's own and the
     * pipeline's (503: not filed in time, the database away, too many queued; 409: a replayed nonce) alike.
     */
    public void refused(String door, CallbackRejected refusal) {
        int status = refusal.status().value();
        refusals.warn(door + " " + status, "refused a {} callback ({}): {}", door, status, refusal.getMessage());
        meters.counter("liaison.wecom.callbacks.refused", "door", door, "status", String.valueOf(status)).increment();
    }

    /** Nonces older than twice the allowed skew can no longer be replayed: the timestamp check refuses them. */
    @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT1M")
    void forgetOldNonces() {
        try {
            nonces.forgetBefore(clock.instant().minus(limits.maxClockSkew().multipliedBy(2)));
        } catch (RuntimeException e) {
            log.warn("could not clean up old callback nonces: {}", e.toString());
        }
    }

    private static boolean bad(String value) {
        return value == null || value.isBlank() || value.length() > MAX_PARAMETER;
    }
}
