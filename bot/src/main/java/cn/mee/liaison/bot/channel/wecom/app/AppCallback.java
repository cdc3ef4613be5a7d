package cn.mee.liaison.bot.channel.wecom.app;

import cn.mee.liaison.bot.channel.wecom.WeComProperties;
import cn.mee.liaison.bot.channel.wecom.callback.CallbackGuard;
import cn.mee.liaison.bot.channel.wecom.callback.SafeXml;
import cn.mee.liaison.bot.channel.wecom.callback.SignedCallback;
import cn.mee.liaison.bot.channel.wecom.callback.TimedPipeline;
import cn.mee.liaison.bot.channel.wecom.crypto.WeComCipher;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The self-built app's callback ({@code /wecom/app/callback}, XML, ReceiveId = corp id): URL verification and the
 * messages members send to the app in a single chat. Filed before it is answered 200; the bot's answer follows
 * through message/send.
 */
@RestController
@RequestMapping("/wecom/app/callback")
class AppCallback extends SignedCallback {

    private final TimedPipeline pipeline;
    private final Duration budget;

    AppCallback(WeComProperties properties, CallbackGuard guard, TimedPipeline pipeline) {
        super("APP", cipherOf(properties.app()), guard);
        this.pipeline = pipeline;
        this.budget = properties.robot().replyBudget();
    }

    private static WeComCipher cipherOf(WeComProperties.App app) {
        return app.callbackConfigured() ? new WeComCipher(app.token(), app.encodingAesKey(), app.corpId()) : null;
    }

    @PostMapping
    ResponseEntity<String> callback(@RequestParam(name = "msg_signature", required = false) String signature,
                                    @RequestParam(required = false) String timestamp,
                                    @RequestParam(required = false) String nonce,
                                    HttpServletRequest request) throws IOException {
        Opened opened = open(signature, timestamp, nonce, request, body -> xml(body).get("Encrypt"));
        Map<String, String> message = xml(opened.plaintext());
        if (message.getOrDefault("FromUserName", "").isBlank()) {
            throw malformed("no FromUserName");
        }
        // the nonce is recorded in the transaction that files the message: all of it within the budget
        pipeline.start(AppMessagesIn.read(message, opened.plaintext()), budget, () -> guard.accepted(opened.signed()),
                false).filed();
        return ResponseEntity.ok("");
    }

    private Map<String, String> xml(String text) {
        try {
            return SafeXml.fields(text);
        } catch (IllegalArgumentException e) {
            throw malformed(e.getMessage());
        }
    }
}
