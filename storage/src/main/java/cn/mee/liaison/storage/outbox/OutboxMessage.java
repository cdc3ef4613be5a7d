package cn.mee.liaison.storage.outbox;

import cn.mee.liaison.storage.directory.Channel;
import java.time.Instant;

/**
 * One thing the bot says to one target through one door.
 *
 * @param mentions  user ids to @-mention, comma separated, where the door allows it
 * @param inReplyTo the filed message this answers, if any
 */
public record OutboxMessage(
        Long id,
        Channel channel,
        TargetType targetType,
        String targetId,
        MessageFormat format,
        String content,
        String mentions,
        Purpose purpose,
        Long inReplyTo,
        OutboxStatus status,
        int attempts,
        Instant nextAttemptAt,
        String claimedBy,
        Instant claimedUntil,
        String lastError,
        Instant createdAt,
        Instant sentAt) {

    /** A new row, due at once. */
    public static OutboxMessage pending(Channel channel, TargetType targetType, String targetId, MessageFormat format,
                                        String content, String mentions, Purpose purpose, Long inReplyTo,
                                        Instant now) {
        return new OutboxMessage(null, channel, targetType, targetId, format, content, mentions, purpose, inReplyTo,
                OutboxStatus.PENDING, 0, now, null, null, null, now, null);
    }

    public OutboxMessage withNextAttemptAt(Instant due) {
        return new OutboxMessage(id, channel, targetType, targetId, format, content, mentions, purpose, inReplyTo,
                status, attempts, due, claimedBy, claimedUntil, lastError, createdAt, sentAt);
    }

    public OutboxMessage withContent(String newContent, String newMentions) {
        return new OutboxMessage(id, channel, targetType, targetId, format, newContent, newMentions, purpose,
                inReplyTo, status, attempts, nextAttemptAt, claimedBy, claimedUntil, lastError, createdAt, sentAt);
    }

    public OutboxMessage withId(long newId) {
        return new OutboxMessage(newId, channel, targetType, targetId, format, content, mentions, purpose, inReplyTo,
                status, attempts, nextAttemptAt, claimedBy, claimedUntil, lastError, createdAt, sentAt);
    }
}
