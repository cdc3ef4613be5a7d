package cn.mee.liaison.bot.inbound;

import cn.mee.liaison.storage.message.FiledMessage;
import cn.mee.liaison.storage.outbox.OutboxMessage;
import java.util.List;

/**
 * What became of an inbound message.
 *
 * @param duplicate true when the same message (channel and external id) had been filed before: nothing new happened
 * @param replyIds  the outbox rows the bot said in answer, in order
 * @param given     those of them its door takes to give in its own answer, written already sent, in order
 */
public record PipelineOutcome(FiledMessage filed, boolean duplicate, List<Long> replyIds, List<OutboxMessage> given) {

    /** Nothing said (a message filed before, or answered elsewhere). */
    public static PipelineOutcome silent(FiledMessage filed, boolean duplicate) {
        return new PipelineOutcome(filed, duplicate, List.of(), List.of());
    }
}
