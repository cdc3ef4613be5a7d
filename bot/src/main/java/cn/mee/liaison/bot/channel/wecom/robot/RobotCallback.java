package cn.mee.liaison.bot.channel.wecom.robot;

import cn.mee.liaison.bot.channel.wecom.WeComProperties;
import cn.mee.liaison.bot.channel.wecom.callback.CallbackGuard;
import cn.mee.liaison.bot.channel.wecom.callback.CallbackRejected;
import cn.mee.liaison.bot.channel.wecom.callback.PassiveReply;
import cn.mee.liaison.bot.channel.wecom.callback.TimedPipeline;
import cn.mee.liaison.bot.channel.wecom.crypto.WeComCipher;
import cn.mee.liaison.bot.channel.wecom.crypto.WeComCryptoException;
import cn.mee.liaison.bot.inbound.InboundMessage;
import cn.mee.liaison.bot.inbound.PipelineOutcome;
import cn.mee.liaison.storage.directory.Channel;
import cn.mee.liaison.storage.message.ChatType;
import cn.mee.liaison.storage.outbox.OutboxMessage;
import cn.mee.liaison.storage.outbox.TargetType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
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
 * The intelligent robot in webhook mode ({@code /wecom/robot/callback}): URL verification (GET) and encrypted JSON
 * callbacks (POST, ReceiveId ""). A callback is checked (parameters, clock skew, replay, size, signature) before
 * anything is decrypted, filed before it is answered 200, and answered with an encrypted passive reply (a finished
 * stream) when the bot's answer is ready within the budget; otherwise the answer follows through response_url.
 */
@RestController
@RequestMapping("/wecom/robot/callback")
class RobotCallback {

    static final String DOOR = "ROBOT";

    private final WeComProperties.Robot settings;
    private final WeComCipher cipher;
    private final CallbackGuard guard;
    private final TimedPipeline pipeline;
    private final PassiveReply passive;
    private final ObjectMapper json;
    private final Clock clock;

    RobotCallback(WeComProperties properties, CallbackGuard guard, TimedPipeline pipeline, PassiveReply passive,
                  ObjectMapper json, Clock clock) {
        this.settings = properties.robot();
        this.cipher = settings.callbackConfigured()
                ? new WeComCipher(settings.token(), settings.encodingAesKey(), "") : null;
        this.guard = guard;
        this.pipeline = pipeline;
        this.passive = passive;
        this.json = json;
        this.clock = clock;
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

    @PostMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> callback(@RequestParam(name = "msg_signature", required = false) String signature,
                                    @RequestParam(required = false) String timestamp,
                                    @RequestParam(required = false) String nonce,
                                    HttpServletRequest request) throws IOException {
        WeComCipher cipher = configured();
        CallbackGuard.Signed signed = guard.check(DOOR, signature, timestamp, nonce);
        String body = guard.body(DOOR, request.getInputStream());
        String encrypted = encryptedField(body);
        if (!cipher.verify(signature, timestamp, nonce, encrypted)) {
            throw guard.reject(DOOR, HttpStatus.FORBIDDEN, "signature does not match");
        }
        String plaintext = decrypt(() -> cipher.decrypt(encrypted));
        Optional<InboundMessage> message = RobotMessages.read(parse(plaintext), plaintext, false);
        if (message.isEmpty()) {
            guard.accepted(signed);
            return ResponseEntity.ok("");
        }
        TimedPipeline.Run run = pipeline.start(message.get(), settings.replyBudget());
        run.filed();
        guard.accepted(signed);
        Optional<PipelineOutcome> outcome = run.answered();
        if (outcome.isEmpty() || outcome.get().duplicate()) {
            return ResponseEntity.ok("");
        }
        InboundMessage m = message.get();
        List<OutboxMessage> rows = passive.take(outcome.get().replyIds(), Channel.WECOM_ROBOT,
                m.chatType() == ChatType.SINGLE ? TargetType.USER : TargetType.CHAT, m.chatId());
        if (rows.isEmpty()) {
            return ResponseEntity.ok("");
        }
        String reply = sealed(cipher, PassiveReply.joined(rows));
        passive.sent(rows);
        return ResponseEntity.ok(reply);
    }

    @ExceptionHandler(CallbackRejected.class)
    ResponseEntity<String> rejected(CallbackRejected e) {
        return ResponseEntity.status(e.status()).contentType(MediaType.TEXT_PLAIN).body(e.status().getReasonPhrase());
    }

    private WeComCipher configured() {
        if (cipher == null) {
            throw new CallbackRejected(HttpStatus.NOT_FOUND, "the robot callback is not configured");
        }
        return cipher;
    }

    private String encryptedField(String body) {
        JsonNode node = parse(body);
        String encrypted = node.path("encrypt").asText("");
        if (encrypted.isBlank()) {
            throw guard.reject(DOOR, HttpStatus.BAD_REQUEST, "no encrypt field in the body");
        }
        return encrypted;
    }

    private JsonNode parse(String text) {
        try {
            JsonNode node = json.readTree(text);
            if (node == null || !node.isObject()) {
                throw guard.reject(DOOR, HttpStatus.BAD_REQUEST, "body is not a JSON object");
            }
            return node;
        } catch (IOException e) {
            throw guard.reject(DOOR, HttpStatus.BAD_REQUEST, "body is not JSON");
        }
    }

    private String decrypt(java.util.function.Supplier<String> decryption) {
        try {
            return decryption.get();
        } catch (WeComCryptoException e) {
            throw guard.reject(DOOR, HttpStatus.BAD_REQUEST, "cannot decrypt: " + e.getMessage());
        }
    }

    /** A finished stream: the whole answer at once, so that WeCom asks for no refreshes. */
    private String sealed(WeComCipher cipher, String content) {
        Map<String, Object> stream = new LinkedHashMap<>();
        stream.put("id", UUID.randomUUID().toString().replace("-", ""));
        stream.put("finish", true);
        stream.put("content", content);
        Map<String, Object> reply = Map.of("msgtype", "stream", "stream", stream);
        try {
            WeComCipher.SealedReply sealed = cipher.seal(json.writeValueAsString(reply),
                    String.valueOf(clock.instant().getEpochSecond()), UUID.randomUUID().toString().substring(0, 10));
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("encrypt", sealed.encrypt());
            answer.put("msgsignature", sealed.msgSignature());
            answer.put("timestamp", Long.parseLong(sealed.timestamp()));
            answer.put("nonce", sealed.nonce());
            return json.writeValueAsString(answer);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
