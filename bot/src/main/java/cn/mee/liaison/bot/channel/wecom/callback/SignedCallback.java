package cn.mee.liaison.bot.channel.wecom.callback;

import cn.mee.liaison.bot.channel.wecom.crypto.WeComCipher;
import cn.mee.liaison.bot.channel.wecom.crypto.WeComCryptoException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * What every WeCom callback endpoint does alike: URL verification (GET), and opening a POST: the guard's checks,
 * the body read within its limit, the signature verified and the message decrypted, before anything else happens.
 * Whatever is refused gets a non-200 answer and leaves no trace but a log line and a metric.
 */
public abstract class SignedCallback {

    protected final CallbackGuard guard;
    private final String door;
    private final WeComCipher cipher;

    /** @param cipher null when the door is not configured (every request is answered 404) */
    protected SignedCallback(String door, WeComCipher cipher, CallbackGuard guard) {
        this.door = door;
        this.cipher = cipher;
        this.guard = guard;
    }

    /** An opened callback: its checked parameters and the decrypted message. */
    protected record Opened(CallbackGuard.Signed signed, String plaintext) {
    }

    @GetMapping(produces = MediaType.TEXT_PLAIN_VALUE)
    public ResponseEntity<String> verifyUrl(@RequestParam(name = "msg_signature", required = false) String signature,
                                            @RequestParam(required = false) String timestamp,
                                            @RequestParam(required = false) String nonce,
                                            @RequestParam(required = false) String echostr) {
        WeComCipher configured = cipher();
        guard.check(door, signature, timestamp, nonce);
        if (echostr == null || echostr.isBlank()) {
            throw new CallbackRejected(HttpStatus.BAD_REQUEST, "echostr missing");
        }
        return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN)
                .body(decrypt(() -> configured.verifyUrl(signature, timestamp, nonce, echostr)));
    }

    /**
     * The database could not be reached (or failed) while the callback was handled: 503, so that the platform delivers
     * it again. The nonce was not recorded; a message filed before the failure is recognised as filed when it comes
     * again.
     */
    @ExceptionHandler(DataAccessException.class)
    public ResponseEntity<String> databaseUnavailable(DataAccessException e) {
        return rejected(new CallbackRejected(HttpStatus.SERVICE_UNAVAILABLE, "database unavailable: "
                + e.getClass().getSimpleName()));
    }

    /** Every refusal is answered here: logged (a line a minute per status), counted, and a non-200 status. */
    @ExceptionHandler(CallbackRejected.class)
    public ResponseEntity<String> rejected(CallbackRejected e) {
        guard.refused(door, e);
        return ResponseEntity.status(e.status()).contentType(MediaType.TEXT_PLAIN).body(e.status().getReasonPhrase());
    }

    /**
     * @param encryptedOf finds the encrypted message in the body (a JSON field or an XML element); throws
     *                    {@link CallbackRejected} when the body is malformed
     */
    protected Opened open(String signature, String timestamp, String nonce, HttpServletRequest request,
                          Function<String, String> encryptedOf) throws IOException {
        WeComCipher configured = cipher();
        CallbackGuard.Signed signed = guard.check(door, signature, timestamp, nonce);
        String encrypted = encryptedOf.apply(guard.body(request.getInputStream()));
        if (encrypted == null || encrypted.isBlank()) {
            throw new CallbackRejected(HttpStatus.BAD_REQUEST, "no encrypted message in the body");
        }
        if (!configured.verify(signature, timestamp, nonce, encrypted)) {
            throw new CallbackRejected(HttpStatus.FORBIDDEN, "signature does not match");
        }
        return new Opened(signed, decrypt(() -> configured.decrypt(encrypted)));
    }

    protected WeComCipher cipher() {
        if (cipher == null) {
            throw new CallbackRejected(HttpStatus.NOT_FOUND, door + " callback is not configured");
        }
        return cipher;
    }

    protected CallbackRejected malformed(String reason) {
        return new CallbackRejected(HttpStatus.BAD_REQUEST, reason);
    }

    private String decrypt(Supplier<String> decryption) {
        try {
            return decryption.get();
        } catch (WeComCryptoException e) {
            throw new CallbackRejected(HttpStatus.BAD_REQUEST, "cannot decrypt: " + e.getMessage());
        }
    }
}
