package cn.mee.liaison.bot.pacing;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code liaison.pacing.*}: the platform limits the bot keeps under (wecom.md, "Limits"), across all instances. The
 * defaults are WeCom's documented limits; lower them to keep a margin.
 *
 * @param webhookPerMinute         messages per minute per group-robot webhook
 * @param appApiPerMinute          calls per minute per app API for the company (message/send, appchat/send)
 * @param appApiPerHour            the same per hour
 * @param memberAppPerMinute       app messages per member per minute (excess dropped silently by WeCom)
 * @param memberAppPerHour         the same per hour
 * @param memberAppChatPerMinute   app group messages a member receives per minute (excess dropped silently)
 * @param memberAppChatPerDay      the same per day
 * @param appChatPersonSendsPerMinute person-sends per minute of group messages for the company
 * @param robotInFlight            robot sends in flight at once
 * @param wechatyPerMinute         messages per minute through the personal WeChat account (kept low: accounts are
 *                                 banned for spamming)
 * @param wechatyMinGap            the least time between two messages through that account (3 s; 0: none)
 * @param wechatyGapJitter         a message that waits for the gap waits up to this much longer, at random (3 s), so
 *                                 that the account does not send like a metronome
 * @param wechatyPerDay            messages per day (any 24 hours) through that account (500)
 */
@ConfigurationProperties("liaison.pacing")
public record PacingProperties(Integer webhookPerMinute, Integer appApiPerMinute, Integer appApiPerHour,
                               Integer memberAppPerMinute, Integer memberAppPerHour, Integer memberAppChatPerMinute,
                               Integer memberAppChatPerDay, Integer appChatPersonSendsPerMinute,
                               Integer robotInFlight, Integer wechatyPerMinute, Duration wechatyMinGap,
                               Duration wechatyGapJitter, Integer wechatyPerDay) {

    public PacingProperties {
        webhookPerMinute = orDefault(webhookPerMinute, 20);
        appApiPerMinute = orDefault(appApiPerMinute, 10_000);
        appApiPerHour = orDefault(appApiPerHour, 150_000);
        memberAppPerMinute = orDefault(memberAppPerMinute, 30);
        memberAppPerHour = orDefault(memberAppPerHour, 1_000);
        memberAppChatPerMinute = orDefault(memberAppChatPerMinute, 200);
        memberAppChatPerDay = orDefault(memberAppChatPerDay, 10_000);
        appChatPersonSendsPerMinute = orDefault(appChatPersonSendsPerMinute, 20_000);
        robotInFlight = orDefault(robotInFlight, 3);
        wechatyPerMinute = orDefault(wechatyPerMinute, 10);
        wechatyMinGap = wechatyMinGap == null ? Duration.ofSeconds(3) : wechatyMinGap;
        wechatyGapJitter = wechatyGapJitter == null ? Duration.ofSeconds(3) : wechatyGapJitter;
        wechatyPerDay = orDefault(wechatyPerDay, 500);
    }

    private static Integer orDefault(Integer value, int fallback) {
        return value == null ? fallback : value;
    }
}
