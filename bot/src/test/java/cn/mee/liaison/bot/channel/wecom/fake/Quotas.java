package cn.mee.liaison.bot.channel.wecom.fake;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * WeCom's frequency limits (90454, 90245, 91770) on sliding windows of the fake's clock. Limits that answer 45009
 * are checked with {@link #companyCall}, {@link #webhookMessage} and {@link #chatCreation}; the per-member limits
 * silently drop, and say which limit dropped the message.
 */
final class Quotas {

    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final Duration HOUR = Duration.ofHours(1);
    private static final Duration DAY = Duration.ofDays(1);

    private final RateWindow companyPerMinute;
    private final RateWindow companyPerHour;
    private final RateWindow appMemberPerMinute;
    private final RateWindow appMemberPerHour;
    private final RateWindow chatMemberPerMinute;
    private final RateWindow chatMemberPerDay;
    private final RateWindow webhookPerMinute;
    private final RateWindow chatsPerDay;

    Quotas(Clock clock) {
        companyPerMinute = new RateWindow(10_000, MINUTE, clock);
        companyPerHour = new RateWindow(150_000, HOUR, clock);
        appMemberPerMinute = new RateWindow(30, MINUTE, clock);
        appMemberPerHour = new RateWindow(1_000, HOUR, clock);
        chatMemberPerMinute = new RateWindow(200, MINUTE, clock);
        chatMemberPerDay = new RateWindow(10_000, DAY, clock);
        webhookPerMinute = new RateWindow(20, MINUTE, clock);
        chatsPerDay = new RateWindow(1_000, DAY, clock);
    }

    /** Per company per API: 10,000/min and 150,000/hour. */
    synchronized void companyCall(String corpId, String path) {
        String key = corpId + " " + path;
        if (!companyPerMinute.hasRoom(key) || !companyPerHour.hasRoom(key)) {
            throw Rejection.violation(WeComError.FREQ_OUT_OF_LIMIT, "more than 10,000/min or 150,000/hour calls of "
                    + path + " for corp " + corpId);
        }
        companyPerMinute.count(key);
        companyPerHour.count(key);
    }

    /** An app message to one member: empty if delivered, else the limit that dropped it (30/min, 1,000/hour). */
    synchronized Optional<String> appMessageTo(TokenIssuer.App app, String userId) {
        String key = app.corpId() + " " + app.agentId() + " " + userId;
        if (!appMemberPerMinute.hasRoom(key)) {
            return Optional.of("30/min per member");
        }
        if (!appMemberPerHour.hasRoom(key)) {
            return Optional.of("1000/hour per member");
        }
        appMemberPerMinute.count(key);
        appMemberPerHour.count(key);
        return Optional.empty();
    }

    /** An app group-chat message to one member: empty if delivered, else the limit (200/min, 10,000/day). */
    synchronized Optional<String> chatMessageTo(String corpId, String userId) {
        String key = corpId + " " + userId;
        if (!chatMemberPerMinute.hasRoom(key)) {
            return Optional.of("200/min per member in app group chats");
        }
        if (!chatMemberPerDay.hasRoom(key)) {
            return Optional.of("10000/day per member in app group chats");
        }
        chatMemberPerMinute.count(key);
        chatMemberPerDay.count(key);
        return Optional.empty();
    }

    /** Group robot webhook: 20 messages per minute per key. */
    synchronized void webhookMessage(String key) {
        if (!webhookPerMinute.tryAcquire(key)) {
            throw Rejection.violation(WeComError.FREQ_OUT_OF_LIMIT, "more than 20 messages per minute on webhook key "
                    + key);
        }
    }

    /** appchat/create: at most 1,000 new groups a day per corp. */
    synchronized void chatCreation(String corpId) {
        if (!chatsPerDay.tryAcquire(corpId)) {
            throw Rejection.violation(WeComError.FREQ_OUT_OF_LIMIT, "more than 1,000 new group chats today for corp "
                    + corpId);
        }
    }

    synchronized void clear() {
        companyPerMinute.clear();
        companyPerHour.clear();
        appMemberPerMinute.clear();
        appMemberPerHour.clear();
        chatMemberPerMinute.clear();
        chatMemberPerDay.clear();
        webhookPerMinute.clear();
        chatsPerDay.clear();
    }
}
