package cn.mee.liaison.bot.channel.wecom.robot;

import cn.mee.liaison.bot.channel.wecom.WeComDelivery;
import cn.mee.liaison.bot.channel.wecom.api.WeComFailure;
import cn.mee.liaison.bot.channel.wecom.api.WeComHttp;
import cn.mee.liaison.bot.outbox.AttachmentLine;
import cn.mee.liaison.bot.outbox.ChatDoor;
import cn.mee.liaison.bot.outbox.Delivery;
import cn.mee.liaison.bot.outbox.OneAnswer;
import cn.mee.liaison.bot.outbox.OutboxClaims;
import cn.mee.liaison.bot.outbox.TextParts;
import cn.mee.liaison.storage.directory.Channel;
import cn.mee.liaison.storage.message.ChatType;
import cn.mee.liaison.storage.message.FiledMessage;
import cn.mee.liaison.storage.message.FiledMessageMapper;
import cn.mee.liaison.storage.outbox.MessageFormat;
import cn.mee.liaison.storage.outbox.OutboxMapper;
import cn.mee.liaison.storage.outbox.OutboxMessage;
import cn.mee.liaison.storage.outbox.OutboxStatus;
import cn.mee.liaison.storage.outbox.TargetType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * WECOM_ROBOT: the intelligent robot. On the long connection, an answer goes back with the req_id of the message it
 * answers (aibot_respond_msg) and anything else is pushed to the chat (aibot_send_msg). In webhook mode the robot can
 * only answer a message, once, through the response_url that came with it (valid one hour); it cannot push. The robot
 * cannot upload a file: a notice's attachment becomes a line with a download link ({@link AttachmentLine}).
 */
@Component
class RobotDoor implements ChatDoor {

    private static final Logger log = LoggerFactory.getLogger(RobotDoor.class);

    private final RobotLongConnection connection;
    private final FiledMessageMapper messages;
    private final OutboxMapper outbox;
    private final OutboxClaims claims;
    private final WeComHttp http;
    private final ObjectMapper json;
    private final AttachmentLine attachments;

    RobotDoor(RobotLongConnection connection, FiledMessageMapper messages, OutboxMapper outbox, OutboxClaims claims,
              WeComHttp http, ObjectMapper json, AttachmentLine attachments) {
        this.connection = connection;
        this.messages = messages;
        this.outbox = outbox;
        this.claims = claims;
        this.http = http;
        this.json = json;
        this.attachments = attachments;
    }

    @Override
    public Channel channel() {
        return Channel.WECOM_ROBOT;
    }

    @Override
    public Delivery deliver(OutboxMessage message) {
        Optional<FiledMessage> filed = Optional.ofNullable(message.inReplyTo()).flatMap(messages::findById)
                .filter(answered -> goesBackTo(answered, message));
        Optional<JsonNode> answered = filed.map(FiledMessage::rawPayload).flatMap(this::parse);
        return connection.configured() ? overConnection(message, shown(message), answered)
                : throughResponseUrl(message, filed, answered);
    }

    private String shown(OutboxMessage message) {
        return message.format().carriesFile() ? attachments.of(message, true) : message.content();
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

    /**
     * The response_url takes one post (wecom.md): every late answer to the message goes in it, joined, those the
     * workers have not sent yet taken along. Over the limit the text is cut with a note saying so, and the rows it
     * could not carry are marked failed with the reason: in webhook mode the robot has no other way into the chat.
     */
    private Delivery throughResponseUrl(OutboxMessage message, Optional<FiledMessage> filed,
                                        Optional<JsonNode> answered) {
        Optional<String> url = answered.map(body -> body.path("response_url").asText("")).filter(u -> !u.isBlank());
        if (url.isEmpty()) {
            return Delivery.failed("智能机器人（回调模式）只能回复成员发来的消息，不能主动推送；"
                    + "请改用长连接模式（liaison.wecom.robot.mode=websocket）或群机器人 Webhook");
        }
        List<OutboxMessage> siblings = outbox.findByReplyTo(filed.get().id()).stream()
                .filter(row -> row.channel() == message.channel() && row.targetType() == message.targetType()
                        && row.targetId().equals(message.targetId()))
                .toList();
        Optional<OutboxMessage> now = siblings.stream().filter(row -> row.id().equals(message.id())).findFirst();
        if (now.isPresent() && now.get().status() == OutboxStatus.SENT) {
            return Delivery.sent(); // carried along by the post of an earlier row
        }
        if (now.isPresent() && now.get().status() == OutboxStatus.FAILED) {
            return Delivery.failed(now.get().lastError());
        }
        List<OutboxMessage> along = claims.takeAlong(siblings.stream().map(OutboxMessage::id)
                .filter(id -> !id.equals(message.id())).toList());
        List<OutboxMessage> rows = new ArrayList<>(along);
        rows.add(message);
        rows.sort(Comparator.comparing(OutboxMessage::id));
        Post post = Post.of(rows.stream().map(row -> row.withContent(shown(row), row.mentions())).toList(),
                OneAnswer.limit(Channel.WECOM_ROBOT, MessageFormat.MARKDOWN));
        Delivery delivery = WeComDelivery.attempt(() -> {
            http.post(URI.create(url.get()), Map.of("msgtype", "markdown", "markdown", Map.of("content", post.text())));
        });
        for (OutboxMessage row : along) {
            if (!(delivery instanceof Delivery.Sent)) {
                claims.giveBack(row, "随同第 " + message.id() + " 条一起经 response_url 回复未成功");
            } else {
                claims.record(row, post.carried(row.id()) ? delivery : Delivery.failed(post.cutReason()));
            }
        }
        if (post.cut()) {
            log.warn("the late answers to message {} exceed the response_url's {} bytes: cut, with a note in the chat",
                    filed.get().id(), OneAnswer.limit(Channel.WECOM_ROBOT, MessageFormat.MARKDOWN));
        }
        return delivery instanceof Delivery.Sent && !post.carried(message.id()) ? Delivery.failed(post.cutReason())
                : delivery;
    }

    /**
     * The one post through a response_url: the rows joined, cut to the limit with a note when they do not fit.
     *
     * @param carried the ids of the rows the text shows, whole or (the last of them, when cut) in part
     */
    private record Post(String text, Set<Long> carried, boolean cut) {

        private static final String CUT_NOTE = "\n\n……（回复过长，以下内容未能发出：回调模式的智能机器人每条消息只能回复一次。"
                + "完整内容请在联络群机器人控制台查看，或改用长连接模式。）";

        static Post of(List<OutboxMessage> rows, int maxBytes) {
            Set<Long> ids = rows.stream().map(OutboxMessage::id).collect(Collectors.toSet());
            OneAnswer whole = OneAnswer.within(maxBytes);
            if (rows.stream().allMatch(whole::add)) {
                return new Post(OneAnswer.joined(rows), ids, false);
            }
            // the rows the cut text shows at least in part count as carried (the note says it is cut)
            String head = TextParts.head(OneAnswer.joined(rows), maxBytes - TextParts.utf8(CUT_NOTE));
            Set<Long> shown = new HashSet<>();
            int start = 0;
            for (OutboxMessage row : rows) {
                if (start >= TextParts.utf8(head)) {
                    break;
                }
                shown.add(row.id());
                start += TextParts.utf8(row.content()) + TextParts.utf8(OneAnswer.SEPARATOR);
            }
            return new Post(head + CUT_NOTE, shown, true);
        }

        boolean carried(long id) {
            return carried.contains(id);
        }

        String cutReason() {
            return "超出智能机器人一次回复的长度上限，回调模式只能经 response_url 回复一次：本段未能发出（群里已附说明）";
        }
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
