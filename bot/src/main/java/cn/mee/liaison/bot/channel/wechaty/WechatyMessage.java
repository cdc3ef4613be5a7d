package cn.mee.liaison.bot.channel.wechaty;

import cn.mee.liaison.bot.channel.wechaty.grpc.MessagePayloadResponse;
import cn.mee.liaison.bot.channel.wechaty.grpc.MessageType;
import cn.mee.liaison.bot.inbound.InboundMessage;
import cn.mee.liaison.storage.directory.Channel;
import cn.mee.liaison.storage.message.ChatType;
import cn.mee.liaison.storage.message.ContentKind;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;

/**
 * A WeChat message as the bot keeps it until filed: what the puppet service said about it, and the talker's name.
 *
 * @param id           the WeChat message id (the external id: a replay files nothing new)
 * @param roomId       the room it was said in, or empty for a one-to-one message
 * @param talkerId     who said it
 * @param talkerName   their name (alias if set), if known
 * @param type         the message type's name (MESSAGE_TYPE_TEXT …), or its number if unknown
 * @param text         its text (for other types, what the service gives)
 * @param mentionsSelf whether it @-mentions the bot's account
 * @param mentionIds   the contacts it @-mentions
 * @param receivedAt   when the platform received it, epoch seconds (0 if not given)
 */
record WechatyMessage(String id, String roomId, String talkerId, String talkerName, String type, String text,
                      boolean mentionsSelf, List<String> mentionIds, long receivedAt) {

    static WechatyMessage of(MessagePayloadResponse payload, String talkerName, String selfId) {
        return new WechatyMessage(payload.getId(), payload.getRoomId(), payload.getTalkerId(), talkerName,
                typeName(payload.getTypeValue()), payload.getText(),
                selfId != null && payload.getMentionIdsList().contains(selfId), List.copyOf(payload.getMentionIdsList()),
                payload.hasReceiveTime() ? payload.getReceiveTime().getSeconds() : 0);
    }

    /** The type's name; a number this bot does not know is kept as a number. */
    private static String typeName(int number) {
        MessageType known = MessageType.forNumber(number);
        return known == null ? String.valueOf(number) : known.name();
    }

    InboundMessage inbound(ObjectMapper json) {
        boolean room = roomId != null && !roomId.isBlank();
        return new InboundMessage(Channel.WECHATY, room ? roomId : talkerId, room ? ChatType.GROUP : ChatType.SINGLE,
                id, talkerId, talkerName, kind(), shownText(), raw(json), mentionsSelf, List.of(), null);
    }

    private ContentKind kind() {
        return switch (messageType()) {
            case MESSAGE_TYPE_TEXT -> ContentKind.TEXT;
            case MESSAGE_TYPE_IMAGE, MESSAGE_TYPE_EMOTICON -> ContentKind.IMAGE;
            case MESSAGE_TYPE_AUDIO -> ContentKind.VOICE;
            case MESSAGE_TYPE_ATTACHMENT, MESSAGE_TYPE_VIDEO -> ContentKind.FILE;
            default -> ContentKind.MIXED;
        };
    }

    /** The text filed: a text message as written; for anything else, what it was, in brackets, and its text. */
    private String shownText() {
        String written = text == null ? "" : text;
        String label = switch (messageType()) {
            case MESSAGE_TYPE_TEXT -> null;
            case MESSAGE_TYPE_IMAGE -> "[图片]";
            case MESSAGE_TYPE_EMOTICON -> "[表情]";
            case MESSAGE_TYPE_AUDIO -> "[语音]";
            case MESSAGE_TYPE_VIDEO -> "[视频]";
            case MESSAGE_TYPE_ATTACHMENT -> "[文件]";
            case MESSAGE_TYPE_URL -> "[链接]";
            case MESSAGE_TYPE_MINI_PROGRAM -> "[小程序]";
            case MESSAGE_TYPE_RECALLED -> "[撤回了一条消息]";
            case MESSAGE_TYPE_LOCATION -> "[位置]";
            case MESSAGE_TYPE_CONTACT -> "[名片]";
            case MESSAGE_TYPE_CHAT_HISTORY -> "[聊天记录]";
            default -> "[" + type + "]";
        };
        return label == null ? written : (label + " " + written).strip();
    }

    private MessageType messageType() {
        try {
            return MessageType.valueOf(type);
        } catch (IllegalArgumentException | NullPointerException unknown) {
            return MessageType.MESSAGE_TYPE_UNKNOWN;
        }
    }

    private String raw(ObjectMapper json) {
        try {
            return json.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
