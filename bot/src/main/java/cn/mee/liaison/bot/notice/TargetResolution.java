package cn.mee.liaison.bot.notice;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Exactly which chats a selection reaches, through which door, and what it cannot reach.
 *
 * @param unreachableGroups selected groups with no chat bound to them
 * @param unknown           names in the selection that match nothing (a typo), each with what it was meant as
 */
public record TargetResolution(List<Recipient> recipients, List<String> unreachableGroups, List<String> unknown) {

    /** How many chats per door, e.g. {智能机器人=30, 群机器人Webhook=10}. */
    public Map<String, Long> byDoor() {
        Map<String, Long> counts = new TreeMap<>();
        recipients.forEach(r -> counts.merge(r.door(), 1L, Long::sum));
        return counts;
    }

    /** How many of the chats cannot acknowledge (回执不可用): a webhook or appchat group cannot answer the bot. */
    public long ackUnavailable() {
        return recipients.stream().filter(r -> !r.ackable()).count();
    }
}
