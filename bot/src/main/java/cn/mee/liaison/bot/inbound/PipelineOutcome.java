package cn.mee.liaison.bot.inbound;

import cn.mee.liaison.storage.message.FiledMessage;
import java.util.List;

/**
 * What became of an inbound message.
 *
 * @param duplicate true when the same message (channel and external id) had been filed before: nothing new happened
 * @param replyIds  the outbox rows the bot said in answer, in order
 */
public record PipelineOutcome(FiledMessage filed, boolean duplicate, List<Long> replyIds) {
}
