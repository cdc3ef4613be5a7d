package cn.mee.liaison.bot.channel.wecom.robot;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The long connection's frames: {@code {"cmd": …, "headers": {"req_id": …}, "body": {…}}}. WeCom answers a frame
 * the bot sent with one carrying the same req_id and an errcode.
 */
final class RobotFrames {

    static final String SUBSCRIBE = "aibot_subscribe";
    static final String PING = "ping";
    static final String RESPOND = "aibot_respond_msg";
    static final String SEND = "aibot_send_msg";
    static final String MESSAGE_CALLBACK = "aibot_msg_callback";
    static final String EVENT_CALLBACK = "aibot_event_callback";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final ObjectMapper json;

    RobotFrames(ObjectMapper json) {
        this.json = json;
    }

    /** A fresh req_id: {@code <cmd>_<millis>_<random>}, as the official SDK makes them. */
    static String newRequestId(String cmd) {
        byte[] random = new byte[4];
        RANDOM.nextBytes(random);
        return cmd + "_" + System.currentTimeMillis() + "_" + HexFormat.of().formatHex(random);
    }

    ObjectNode frame(String cmd, String reqId, ObjectNode body) {
        ObjectNode frame = json.createObjectNode();
        frame.put("cmd", cmd);
        frame.putObject("headers").put("req_id", reqId);
        if (body != null) {
            frame.set("body", body);
        }
        return frame;
    }

    ObjectNode subscribe(String botId, String secret) {
        ObjectNode body = json.createObjectNode();
        body.put("bot_id", botId);
        body.put("secret", secret);
        return frame(SUBSCRIBE, newRequestId(SUBSCRIBE), body);
    }

    ObjectNode ping() {
        return frame(PING, newRequestId(PING), null);
    }

    /** A whole answer as one finished stream, for aibot_respond_msg. */
    ObjectNode finishedStream(String content) {
        ObjectNode body = json.createObjectNode();
        body.put("msgtype", "stream");
        ObjectNode stream = body.putObject("stream");
        stream.put("id", newRequestId("stream"));
        stream.put("finish", true);
        stream.put("content", content);
        return body;
    }

    /** A proactive markdown message, for aibot_send_msg. */
    ObjectNode markdown(String chatId, String content) {
        ObjectNode body = json.createObjectNode();
        body.put("chatid", chatId);
        body.put("msgtype", "markdown");
        body.putObject("markdown").put("content", content);
        return body;
    }

    String text(ObjectNode frame) {
        try {
            return json.writeValueAsString(frame);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
