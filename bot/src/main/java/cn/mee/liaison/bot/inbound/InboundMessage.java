package cn.mee.liaison.bot.inbound;

import cn.mee.liaison.storage.directory.Channel;
import cn.mee.liaison.storage.message.ChatType;
import cn.mee.liaison.storage.message.ContentKind;

/**
 * A message as a channel adapter hands it to the pipeline, whatever door it came through.
 *
 * @param externalId  the platform's message id (msgid); the same id arriving again files nothing new
 * @param text        what the member wrote (empty for a picture or file)
 * @param rawPayload  the payload exactly as received (decrypted JSON or XML), kept with the record
 * @param mentionsBot whether the member @-mentioned the bot (always true for platforms that only deliver those)
 */
public record InboundMessage(
        Channel channel,
        String chatId,
        ChatType chatType,
        String externalId,
        String senderId,
        String senderName,
        ContentKind contentKind,
        String text,
        String rawPayload,
        boolean mentionsBot) {
}
