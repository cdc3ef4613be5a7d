package cn.mee.liaison.bot.command;

import cn.mee.liaison.bot.inbound.ChatContext;
import cn.mee.liaison.bot.inbound.InboundMessage;
import cn.mee.liaison.storage.message.ChatType;
import cn.mee.liaison.storage.message.FiledMessage;
import cn.mee.liaison.storage.outbox.MessageFormat;
import cn.mee.liaison.storage.outbox.OutboxMessage;
import cn.mee.liaison.storage.outbox.Purpose;
import java.time.Instant;

/** One filed message on its way through the commands, and how to answer it where it was said. */
public record Exchange(InboundMessage message, FiledMessage filed, Interpretation meaning, ChatContext sender,
                       Instant now) {

    /** An answer in the same chat (or, for a single chat, to the sender), optionally @-mentioning the sender. */
    public OutboxMessage reply(String text, boolean mentionSender) {
        return reply(MessageFormat.TEXT, text, mentionSender);
    }

    public OutboxMessage reply(MessageFormat format, String text, boolean mentionSender) {
        boolean single = message.chatType() == ChatType.SINGLE;
        return OutboxMessage.pending(message.channel(), message.replyTargetType(), message.replyTargetId(), format,
                text, mentionSender && !single ? message.senderId() : null, Purpose.REPLY, filed.id(), now);
    }
}
