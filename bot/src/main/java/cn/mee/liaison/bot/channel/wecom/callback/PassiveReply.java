package cn.mee.liaison.bot.channel.wecom.callback;

import cn.mee.liaison.bot.outbox.Delivery;
import cn.mee.liaison.bot.outbox.OutboxClaims;
import cn.mee.liaison.storage.directory.Channel;
import cn.mee.liaison.storage.outbox.OutboxMessage;
import cn.mee.liaison.storage.outbox.TargetType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Takes the bot's answers to a callback out of the outbox to send them in the callback's own answer (a passive
 * reply). Only answers to the same chat qualify, and only text; the rest is given back to the outbox workers.
 */
@Component
public class PassiveReply {

    private final OutboxClaims claims;

    PassiveReply(OutboxClaims claims) {
        this.claims = claims;
    }

    /** The rows taken, for one passive reply to this chat (or person); empty when there is nothing to say. */
    public List<OutboxMessage> take(Collection<Long> replyIds, Channel channel, TargetType targetType,
                                    String targetId, Instant heldUntil) {
        List<OutboxMessage> mine = new ArrayList<>();
        Predicate<OutboxMessage> here = givenHere(channel, targetType, targetId);
        for (OutboxMessage row : claims.take(replyIds, heldUntil)) {
            if (here.test(row)) {
                mine.add(row);
            } else {
                claims.giveBack(row, null);
            }
        }
        return mine;
    }

    /**
     * Like {@link #take} followed by {@link #sent}, in one transaction: for a passive reply written into the HTTP
     * answer of a callback, which the bot cannot see fail (a callback whose answer is lost is delivered again by WeCom
     * and recognised as a duplicate, as before).
     */
    public List<OutboxMessage> takeAsSent(Collection<Long> replyIds, Channel channel, TargetType targetType,
                                          String targetId, Instant heldUntil) {
        return claims.takeAsSent(replyIds, givenHere(channel, targetType, targetId), null, heldUntil);
    }

    /** The rows a passive reply to this chat (or person) can carry: text to it, in its channel. */
    private static Predicate<OutboxMessage> givenHere(Channel channel, TargetType targetType, String targetId) {
        return row -> row.channel() == channel && row.targetType() == targetType && row.targetId().equals(targetId)
                && !row.format().carriesFile();
    }

    /** The answers as one text: one passive reply per callback. */
    public static String joined(List<OutboxMessage> rows) {
        return rows.stream().map(OutboxMessage::content).collect(Collectors.joining("\n\n"));
    }

    public void sent(List<OutboxMessage> rows) {
        rows.forEach(row -> claims.record(row, Delivery.sent()));
    }

    /** The reply could not be given in the callback's answer: the workers send it the usual way. */
    public void giveBack(List<OutboxMessage> rows, String reason) {
        rows.forEach(row -> claims.giveBack(row, reason));
    }
}
