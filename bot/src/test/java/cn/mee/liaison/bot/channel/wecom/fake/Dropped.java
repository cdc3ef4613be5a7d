package cn.mee.liaison.bot.channel.wecom.fake;

import java.time.Instant;

/**
 * A message WeCom accepted (errcode 0) but silently did not deliver to one member because a per-member limit was
 * reached (90454: app messages 30/min and 1,000/hour per member; app group chats 200/min and 10,000/day per member).
 *
 * @param chatId the app group chat, or null for {@code message/send}
 * @param limit  which limit, e.g. "30/min per member"
 */
public record Dropped(String path, String userId, String chatId, String limit, Instant at) {
}
