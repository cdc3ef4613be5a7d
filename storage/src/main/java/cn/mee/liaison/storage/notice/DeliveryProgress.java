package cn.mee.liaison.storage.notice;

import cn.mee.liaison.storage.directory.Channel;
import java.time.Instant;

/**
 * A delivery with what became of its outbox rows (the text, its numbered parts, the attachment).
 *
 * @param parts counts of the delivery's outbox rows by outcome
 */
public record DeliveryProgress(long id, long noticeId, Channel channel, String chatId, Long workGroupId, Long unitId,
                               Instant ackedAt, String ackedBy, String ackedByName, int parts, int sentParts,
                               int failedParts, int cancelledParts, int attempts, Instant sentAt, String lastError) {

    public DeliveryStatus status() {
        if (failedParts > 0) {
            return DeliveryStatus.FAILED;
        }
        if (cancelledParts > 0) {
            return DeliveryStatus.CANCELLED;
        }
        return parts > 0 && sentParts == parts ? DeliveryStatus.SENT : DeliveryStatus.PENDING;
    }
}
