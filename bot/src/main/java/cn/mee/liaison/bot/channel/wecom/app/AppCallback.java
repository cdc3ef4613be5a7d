package cn.mee.liaison.bot.channel.wecom.app;

import cn.mee.liaison.bot.channel.wecom.WeComProperties;
import cn.mee.liaison.bot.channel.wecom.callback.CallbackGuard;
import cn.mee.liaison.bot.channel.wecom.callback.CallbackRejected;
import cn.mee.liaison.bot.channel.wecom.callback.SafeXml;
import cn.mee.liaison.bot.channel.wecom.callback.TimedPipeline;
import cn.mee.liaison.bot.channel.wecom.crypto.WeComCipher;
import cn.mee.liaison.bot.channel.wecom.crypto.WeComCryptoException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The self-built app's callback ({@code /wecom/app/callback}, XML, ReceiveId = corp id): URL verification and the
 * messages members send to the app in a single chat. Checked like every callback, filed before it is answered 200;
 * the bot's answer follows through message/send.
 */
@RestController
@RequestMapping("/wecom/app/callback")
class AppCallback {

    static final String DOOR = "APP";

    private final WeComProperties.App settings;
    private final WeComCipher cipher;
    private final CallbackGuard guard;
    private final TimedPipeline pipeline;
    private final WeComProperties.Robot budgets;

    AppCallback(WeComProperties properties, CallbackGuard guard, TimedPipeline pipeline) {
        this.settings = properties.app();
        this.budgets = properties.robot();
        this.cipher = settings.callbackConfigured()
                ? new WeComCipher(settings.token(), settings.encodingAesKey(), settings.corpId()) : null;
        this.guard = guard;
        this.pipeline = pipeline;
    }

    @GetMapping(produces = MediaType.TEXT_PLAIN_VALUE)
    ResponseEntity<String> verifyUrl(@RequestParam(name = "msg_signature", required = false) String signature,
                                     @RequestParam(required = false) String timestamp,
                                     @RequestParam(required = false) String nonce,
                                     @RequestParam(required = false) String echostr) {
        WeComCipher cipher = configured();
        guard.check(DOOR, signature, timestamp, nonce);
        if (echostr == null || echostr.isBlank()) {
            throw guard.reject(DOOR, HttpStatus.BAD_REQUEST, "echostr missing");
        }
        return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN)
                .body(decrypt(() -> cipher.verifyUrl(signature, timestamp, nonce, echostr)));
    }

    @PostMapping
    ResponseEntity<String> callback(@RequestParam(name = "msg_signature", required = false) String signature,
                                    @RequestParam(required = false) String timestamp,
                                    @RequestParam(required = false) String nonce,
                                    HttpServletRequest request) throws IOException {
        WeComCipher cipher = configured();
        CallbackGuard.Signed signed = guard.check(DOOR, signature, timestamp, nonce);
        String body = guard.body(DOOR, request.getInputStream());
        String encrypted = xml(body).getOrDefault("Encrypt", "");
        if (encrypted.isBlank()) {
            throw guard.reject(DOOR, HttpStatus.BAD_REQUEST, "no Encrypt element");
        }
        if (!cipher.verify(signature, timestamp, nonce, encrypted)) {
            throw guard.reject(DOOR, HttpStatus.FORBIDDEN, "signature does not match");
        }
        String plaintext = decrypt(() -> cipher.decrypt(encrypted));
        Map<String, String> message = xml(plaintext);
        if (message.getOrDefault("FromUserName", "").isBlank()) {
            throw guard.reject(DOOR, HttpStatus.BAD_REQUEST, "no FromUserName");
        }
        pipeline.start(AppMessagesIn.read(message, plaintext), budgets.replyBudget()).filed();
        guard.accepted(signed);
        return ResponseEntity.ok("");
    }

    @ExceptionHandler(CallbackRejected.class)
    ResponseEntity<String> rejected(CallbackRejected e) {
        return ResponseEntity.status(e.status()).contentType(MediaType.TEXT_PLAIN).body(e.status().getReasonPhrase());
    }

    private WeComCipher configured() {
        if (cipher == null) {
            throw new CallbackRejected(HttpStatus.NOT_FOUND, "the app callback is not configured");
        }
        return cipher;
    }

    private Map<String, String> xml(String text) {
        try {
            return SafeXml.fields(text);
        } catch (IllegalArgumentException e) {
            throw guard.reject(DOOR, HttpStatus.BAD_REQUEST, e.getMessage());
        }
    }

    private String decrypt(Supplier<String> decryption) {
        try {
            return decryption.get();
        } catch (WeComCryptoException e) {
            throw guard.reject(DOOR, HttpStatus.BAD_REQUEST, "cannot decrypt: " + e.getMessage());
        }
    }
}
