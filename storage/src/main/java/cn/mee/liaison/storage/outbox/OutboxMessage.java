package cn.mee.liaison.storage.outbox;

import cn.mee.liaison.storage.directory.Channel;
import java.time.Instant;

/**
 * One thing the bot says to one target through one door.
 *
 * @param mentions   user ids to @-mention, comma separated, where the door allows it
 * @param inReplyTo  the filed message this answers, if any
 * @param deliveryId the notice delivery this row is (part of), if any
 * @param resentAt   when a failed row was sent again by hand; retries count from then
 * @param firstDueAt when the row first fell due (a scheduled notice's time); null on rows from before it was kept
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
        Instant sentAt,
        Long deliveryId,
        Instant resentAt,
        Instant firstDueAt) {

    /** A new row, due at once. */
    public static OutboxMessage pending(Channel channel, TargetType targetType, String targetId, MessageFormat format,
                                        String content, String mentions, Purpose purpose, Long inReplyTo,
                                        Instant now) {
        return new OutboxMessage(null, channel, targetType, targetId, format, content, mentions, purpose, inReplyTo,
                OutboxStatus.PENDING, 0, now, null, null, null, now, null, null, null, now);
    }

    /**
     * The row as given by its door in its own answer to the platform (a passive reply) when it is written: sent by
     * {@code by} at {@code at}, one attempt.
     */
    public OutboxMessage givenBy(String by, Instant at) {
        return new OutboxMessage(id, channel, targetType, targetId, format, content, mentions, purpose, inReplyTo,
                OutboxStatus.SENT, 1, nextAttemptAt, by, null, null, createdAt, at, deliveryId, resentAt,
                firstDueAt);
    }

    public OutboxMessage withNextAttemptAt(Instant due) {
        return new OutboxMessage(id, channel, targetType, targetId, format, content, mentions, purpose, inReplyTo,
                status, attempts, due, claimedBy, claimedUntil, lastError, createdAt, sentAt, deliveryId, resentAt,
                due);
    }

    public OutboxMessage withContent(String newContent, String newMentions) {
        return new OutboxMessage(id, channel, targetType, targetId, format, newContent, newMentions, purpose,
                inReplyTo, status, attempts, nextAttemptAt, claimedBy, claimedUntil, lastError, createdAt, sentAt,
                deliveryId, resentAt, firstDueAt);
    }

    public OutboxMessage withId(long newId) {
        return new OutboxMessage(newId, channel, targetType, targetId, format, content, mentions, purpose, inReplyTo,
                status, attempts, nextAttemptAt, claimedBy, claimedUntil, lastError, createdAt, sentAt, deliveryId,
                resentAt, firstDueAt);
    }

    public OutboxMessage forDelivery(long newDeliveryId) {
        return new OutboxMessage(id, channel, targetType, targetId, format, content, mentions, purpose, inReplyTo,
                status, attempts, nextAttemptAt, claimedBy, claimedUntil, lastError, createdAt, sentAt, newDeliveryId,
                resentAt, firstDueAt);
    }

    /**
     * When retries of this row started: the moment it was sent again by hand, else when it first fell due (a notice
     * scheduled days ahead has its whole deadline from its time), else its creation.
     */
    public Instant retriesFrom() {
        if (resentAt != null) {
            return resentAt;
        }
        return firstDueAt != null && firstDueAt.isAfter(createdAt) ? firstDueAt : createdAt;
    }
}
