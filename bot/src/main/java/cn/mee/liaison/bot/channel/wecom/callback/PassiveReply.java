package cn.mee.liaison.bot.channel.wecom.callback;

import cn.mee.liaison.bot.outbox.Delivery;
import cn.mee.liaison.bot.outbox.OneAnswer;
import cn.mee.liaison.bot.outbox.OutboxClaims;
import cn.mee.liaison.bot.inbound.InboundMessage;
import cn.mee.liaison.storage.outbox.OutboxMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Takes the bot's answers to a message out of the outbox to send them in its door's own answer (the long
 * connection's respond frame). Only text back to the same chat qualifies; the rest is given back to the outbox
 * workers. (The robot webhook's passive reply needs none of this: its rows are written sent, ReplyDoor.)
 */
@Component
public class PassiveReply {

    private final OutboxClaims claims;

    PassiveReply(OutboxClaims claims) {
        this.claims = claims;
    }

    /**
     * The rows taken, for one answer to this message in its own door, in order and within its size limit (those it
     * cannot carry given back to the workers); empty when there is nothing to say.
     */
    public List<OutboxMessage> take(Collection<Long> replyIds, InboundMessage message, Instant heldUntil) {
        List<OutboxMessage> mine = new ArrayList<>();
        OneAnswer answer = new OneAnswer();
        for (OutboxMessage row : claims.take(replyIds, heldUntil)) {
            if (message.answerableInPlace(row) && answer.add(row)) {
                mine.add(row);
            } else {
                claims.giveBack(row, null);
            }
        }
        return mine;
    }

    public void sent(List<OutboxMessage> rows) {
        rows.forEach(row -> claims.record(row, Delivery.sent()));
    }

    /** The reply could not be given in the callback's answer: the workers send it the usual way. */
    public void giveBack(List<OutboxMessage> rows, String reason) {
        rows.forEach(row -> claims.giveBack(row, reason));
    }
}
