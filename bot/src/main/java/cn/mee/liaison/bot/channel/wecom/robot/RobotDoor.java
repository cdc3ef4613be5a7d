package cn.mee.liaison.bot.channel.wecom.robot;

import cn.mee.liaison.bot.channel.wecom.WeComDelivery;
import cn.mee.liaison.bot.channel.wecom.api.WeComFailure;
import cn.mee.liaison.bot.channel.wecom.api.WeComHttp;
import cn.mee.liaison.bot.outbox.ChatDoor;
import cn.mee.liaison.bot.outbox.Delivery;
import cn.mee.liaison.storage.directory.Channel;
import cn.mee.liaison.storage.message.ChatType;
import cn.mee.liaison.storage.message.FiledMessage;
import cn.mee.liaison.storage.message.FiledMessageMapper;
import cn.mee.liaison.storage.outbox.OutboxMessage;
import cn.mee.liaison.storage.outbox.TargetType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * WECOM_ROBOT: the intelligent robot. On the long connection, an answer goes back with the req_id of the message it
 * answers (aibot_respond_msg) and anything else is pushed to the chat (aibot_send_msg). In webhook mode the robot can
 * only answer a message, once, through the response_url that came with it (valid one hour); it cannot push.
 */
@Component
class RobotDoor implements ChatDoor {

    private final RobotLongConnection connection;
    private final FiledMessageMapper messages;
    private final WeComHttp http;
    private final ObjectMapper json;

    RobotDoor(RobotLongConnection connection, FiledMessageMapper messages, WeComHttp http, ObjectMapper json) {
        this.connection = connection;
        this.messages = messages;
        this.http = http;
        this.json = json;
    }

    @Override
    public Channel channel() {
        return Channel.WECOM_ROBOT;
    }

    @Override
    public Delivery deliver(OutboxMessage message) {
        String content = message.format().carriesFile()
                ? "［文件］" + Path.of(message.content()).getFileName() + "（请在联络群机器人控制台查看）"
                : message.content();
        Optional<JsonNode> answered = Optional.ofNullable(message.inReplyTo()).flatMap(messages::findById)
                .filter(filed -> goesBackTo(filed, message)).map(FiledMessage::rawPayload).flatMap(this::parse);
        return connection.configured() ? overConnection(message, content, answered)
                : throughResponseUrl(content, answered);
    }

    private Delivery overConnection(OutboxMessage message, String content, Optional<JsonNode> answered) {
        Optional<String> reqId = answered.map(frame -> frame.path("headers").path("req_id").asText(""))
                .filter(id -> !id.isBlank());
        return WeComDelivery.attempt(() -> {
            if (reqId.isPresent()) {
                try {
                    connection.respond(reqId.get(), connection.finishedStream(content));
                    return Delivery.sent();
                } catch (WeComFailure failure) {
                    if (failure.kind() != WeComFailure.Kind.PERMANENT) {
                        throw failure;
                    }
                    // the req_id expired: say it in the chat instead
                }
            }
            connection.send(message.targetId(), content);
            return Delivery.sent();
        });
    }

    private Delivery throughResponseUrl(String content, Optional<JsonNode> answered) {
        Optional<String> url = answered.map(body -> body.path("response_url").asText("")).filter(u -> !u.isBlank());
        if (url.isEmpty()) {
            return Delivery.failed("智能机器人（回调模式）只能回复成员发来的消息，不能主动推送；"
                    + "请改用长连接模式（liaison.wecom.robot.mode=websocket）或群机器人 Webhook");
        }
        return WeComDelivery.attempt(() -> {
            http.post(URI.create(url.get()), Map.of("msgtype", "markdown", "markdown", Map.of("content", content)));
        });
    }

    /**
     * A req_id (or response_url) answers in the chat its message came from, so only a row going back to that chat may
     * use it; a row about the message going elsewhere (an emergency relayed to a bureau chat) is pushed there.
     */
    private static boolean goesBackTo(FiledMessage answered, OutboxMessage row) {
        return answered.channel() == Channel.WECOM_ROBOT && answered.chatId().equals(row.targetId())
                && (answered.chatType() == ChatType.SINGLE) == (row.targetType() == TargetType.USER);
    }

    private Optional<JsonNode> parse(String raw) {
        try {
            return Optional.ofNullable(json.readTree(raw));
        } catch (Exception e) {
            return Optional.empty();
        }
    }
}
