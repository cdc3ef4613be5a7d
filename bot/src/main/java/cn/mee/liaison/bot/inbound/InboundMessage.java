package cn.mee.liaison.bot.inbound;

import cn.mee.liaison.storage.directory.Channel;
import cn.mee.liaison.storage.message.ChatType;
import cn.mee.liaison.storage.message.ContentKind;
import cn.mee.liaison.storage.outbox.OutboxMessage;
import cn.mee.liaison.storage.outbox.TargetType;
import java.util.List;

/**
 * A message as a channel adapter hands it to the pipeline, whatever door it came through.
 *
 * @param externalId  the platform's message id (msgid); the same id arriving again files nothing new
 * @param text        what the member wrote (empty for a picture or file)
 * @param rawPayload  the payload exactly as received (decrypted JSON or XML), kept with the record
 * @param mentionsBot whether the member @-mentioned the bot (always true for platforms that only deliver those)
 * @param files       pictures, files and voices to fetch once the message is filed
 * @param quotedText  the text of the message this one quotes, if it quotes one
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
        boolean mentionsBot,
        List<IncomingFile> files,
        String quotedText) {

    public InboundMessage {
        files = files == null ? List.of() : List.copyOf(files);
        text = text == null ? "" : text;
    }

    /** Where a reply to this message goes: to its sender in a single chat, otherwise to its chat. */
    public TargetType replyTargetType() {
        return chatType == ChatType.SINGLE ? TargetType.USER : TargetType.CHAT;
    }

    /** @see #replyTargetType() */
    public String replyTargetId() {
        return chatType == ChatType.SINGLE ? senderId : chatId;
    }

    /**
     * Whether the door this message came through can carry the row in its own answer to it (a passive reply): text,
     * back where the message came from, in its channel.
     */
    public boolean answerableInPlace(OutboxMessage row) {
        return row.channel() == channel && row.targetType() == replyTargetType()
                && row.targetId().equals(replyTargetId()) && !row.format().carriesFile();
    }

    /**
     * Something to download that came with the message.
     *
     * @param kind       IMAGE, FILE or VOICE
     * @param source     a download URL, or {@code media:<id>} for the self-built app's media API
     * @param decryptKey how the content is encrypted: {@code robot} for the robot's EncodingAESKey, a per-file
     *                   Base64 key, or null for plain content
     */
    public record IncomingFile(String kind, String source, String decryptKey, String fileName) {
    }
}
