package cn.mee.liaison.bot.channel.wecom.robot;

import cn.mee.liaison.bot.channel.wecom.WeComProperties;
import cn.mee.liaison.bot.channel.wecom.callback.CallbackGuard;
import cn.mee.liaison.bot.channel.wecom.callback.CallbackRejected;
import cn.mee.liaison.bot.channel.wecom.callback.SignedCallback;
import cn.mee.liaison.bot.channel.wecom.callback.TimedPipeline;
import cn.mee.liaison.bot.channel.wecom.crypto.SealedReply;
import cn.mee.liaison.bot.channel.wecom.crypto.WeComCipher;
import cn.mee.liaison.bot.inbound.InboundMessage;
import cn.mee.liaison.bot.inbound.PipelineOutcome;
import cn.mee.liaison.bot.outbox.OneAnswer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The intelligent robot in webhook mode ({@code /wecom/robot/callback}): URL verification (GET) and encrypted JSON
 * callbacks (POST, ReceiveId ""). A message is filed before the callback is answered 200, and the answer goes back
 * as an encrypted passive reply (a finished stream) when it is ready within the budget; otherwise it follows through
 * the response_url that came with the message. A passive reply is recorded sent in the transaction that writes it
 * (the bot cannot see the HTTP answer fail; a callback whose answer is lost is delivered again by WeCom and
 * recognised as a duplicate).
 */
@RestController
@RequestMapping("/wecom/robot/callback")
class RobotCallback extends SignedCallback {

    private static final HexFormat HEX = HexFormat.of();

    private final WeComProperties.Robot settings;
    private final TimedPipeline pipeline;
    private final ObjectMapper json;
    private final Clock clock;

    RobotCallback(WeComProperties properties, CallbackGuard guard, TimedPipeline pipeline, ObjectMapper json,
                  Clock clock) {
        super("ROBOT", cipherOf(properties.robot()), guard);
        this.settings = properties.robot();
        this.pipeline = pipeline;
        this.json = json;
        this.clock = clock;
    }

    private static WeComCipher cipherOf(WeComProperties.Robot robot) {
        return robot.callbackConfigured() ? new WeComCipher(robot.token(), robot.encodingAesKey(), "") : null;
    }

    @PostMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> callback(@RequestParam(name = "msg_signature", required = false) String signature,
                                    @RequestParam(required = false) String timestamp,
                                    @RequestParam(required = false) String nonce,
                                    HttpServletRequest request) throws IOException {
        Opened opened = open(signature, timestamp, nonce, request, body -> parse(body).path("encrypt").asText(""));
        JsonNode body = parse(opened.plaintext());
        checkBotId(body);
        Optional<InboundMessage> message = RobotMessages.read(body, opened.plaintext(), false);
        if (message.isEmpty()) {
            // nothing to file (an event): the nonce alone is recorded, within the budget too
            pipeline.within(settings.replyBudget(), () -> guard.accepted(opened.signed()));
            return ResponseEntity.ok("");
        }
        // the nonce is recorded in the transaction that files the message, and the replies are written sent in the
        // one that answers it while this waits: one commit for all of it when the answer is quick
        TimedPipeline.Run run = pipeline.start(message.get(), settings.replyBudget(),
                () -> guard.accepted(opened.signed()), true);
        run.filed();
        Optional<PipelineOutcome> outcome = run.answered();
        if (outcome.isEmpty() || outcome.get().given().isEmpty()) {
            return ResponseEntity.ok("");
        }
        return ResponseEntity.ok(sealed(OneAnswer.joined(outcome.get().given())));
    }

    /**
     * A callback meant for another robot (its aibotid is not liaison.wecom.robot.bot-id, when that is set) is
     * refused like any other: it was signed with this door's key, so the key is shared with another robot.
     */
    private void checkBotId(JsonNode body) {
        if (settings.botId() == null || settings.botId().isBlank()) {
            return;
        }
        String aibotid = body.path("aibotid").asText("");
        if (!settings.botId().equals(aibotid)) {
            throw new CallbackRejected(HttpStatus.FORBIDDEN, "aibotid '" + aibotid
                    + "' is not liaison.wecom.robot.bot-id");
        }
    }

    private JsonNode parse(String text) {
        try {
            JsonNode node = json.readTree(text);
            if (node == null || !node.isObject()) {
                throw malformed("body is not a JSON object");
            }
            return node;
        } catch (IOException e) {
            throw malformed("body is not JSON");
        }
    }

    /**
     * A finished stream: the whole answer at once, so that WeCom asks for no refreshes. The stream's id and the
     * reply's nonce must be unique, not secret (the reply is encrypted and signed), so they are not drawn from the
     * JVM's shared SecureRandom, behind one lock with the cipher's own random bytes (a profile under load caught a
     * reply waiting 199 ms for that lock).
     */
    private String sealed(String content) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        Map<String, Object> stream = new LinkedHashMap<>();
        stream.put("id", HEX.toHexDigits(random.nextLong()) + HEX.toHexDigits(random.nextLong()));
        stream.put("finish", true);
        stream.put("content", content);
        try {
            String nonce = HEX.toHexDigits(random.nextLong()).substring(0, 10);
            SealedReply sealed = cipher().seal(json.writeValueAsString(Map.of("msgtype", "stream", "stream", stream)),
                    String.valueOf(clock.instant().getEpochSecond()), nonce);
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
