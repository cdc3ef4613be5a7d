package cn.mee.liaison.bot.notice;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A notice and what became of it (contract: id, status, deliveries with chatId, channel, status, attempts, sentAt,
 * ackedAt; the rest is extra).
 *
 * @param status SCHEDULED, SENDING, COMPLETED or CANCELLED
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NoticeView(long id, String status, String title, String content, String format, boolean requireAck,
                         OffsetDateTime sendAt, String createdBy, OffsetDateTime createdAt, Counts counts,
                         List<DeliveryView> deliveries) {

    /**
     * Chats by where their delivery stands.
     *
     * @param ackUnavailable chats whose door cannot carry a 收到 back (webhook, appchat): never counted as waiting
     * @param awaitingAck    for a notice that asks for acknowledgement, the chats sent to that can still answer and
     *                       have not
     */
    public record Counts(int total, int sent, int pending, int failed, int cancelled, int acknowledged,
                         int ackUnavailable, int awaitingAck) {

        public int percentDone() {
            return total == 0 ? 100 : (sent + failed + cancelled) * 100 / total;
        }
    }

    /**
     * One chat's delivery. The contract's six keys are always written, {@code sentAt} and {@code ackedAt} as null
     * until then; {@code status} stays within the contract's PENDING, SENT and FAILED (a cancelled delivery, which
     * will never go out, is FAILED there), and {@code state} tells the whole: PENDING, SENT, FAILED or CANCELLED.

     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DeliveryView(String chatId, String channel, String status, int attempts,
                               @JsonInclude(JsonInclude.Include.ALWAYS) OffsetDateTime sentAt,
                               @JsonInclude(JsonInclude.Include.ALWAYS) OffsetDateTime ackedAt, String state,
                               boolean ackable, String ackedBy, String workGroup, String door, String lastError) {
    }
}
