package cn.mee.liaison.bot.pacing;

import cn.mee.liaison.bot.directory.DirectoryCache;
import cn.mee.liaison.bot.directory.DirectorySnapshot;
import cn.mee.liaison.storage.directory.Channel;
import cn.mee.liaison.storage.directory.Chat;
import cn.mee.liaison.storage.outbox.OutboxMessage;
import cn.mee.liaison.storage.outbox.TargetType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The limits one send must stay under, per door (wecom.md, "Limits"): every send also counts in its door's bucket,
 * which is what the pace metrics show. WeCom drops app messages over the per-member limits without an error, so
 * those are counted per member of the receiving chat, as the directory knows them.
 */
@Component
class PaceRules {

    static final String DOOR = "door:";
    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final Duration HOUR = Duration.ofHours(1);
    private static final Duration DAY = Duration.ofDays(1);
    private static final Duration IN_FLIGHT_LEASE = Duration.ofSeconds(30);

    private final PacingProperties limits;
    private final DirectoryCache directory;

    PaceRules(PacingProperties limits, DirectoryCache directory) {
        this.limits = limits;
        this.directory = directory;
    }

    List<Pace> paces(OutboxMessage message) {
        List<Pace> paces = new ArrayList<>();
        Channel channel = message.channel();
        switch (channel) {
            case WECOM_WEBHOOK -> {
                paces.add(door(channel, Long.MAX_VALUE));
                webhookKey(message).ifPresent(key -> paces.add(Pace.rate("webhook:" + digest(key),
                        limits.webhookPerMinute(), MINUTE)));
            }
            case WECOM_APP -> {
                paces.add(door(channel, limits.appApiPerMinute()));
                paces.add(Pace.rate("app-api:message:hour", limits.appApiPerHour(), HOUR));
                if (message.targetType() == TargetType.USER) {
                    paces.add(Pace.rate("member-app:" + message.targetId(), limits.memberAppPerMinute(), MINUTE));
                    paces.add(Pace.rate("member-app-hour:" + message.targetId(), limits.memberAppPerHour(), HOUR));
                }
            }
            case WECOM_APPCHAT -> {
                paces.add(door(channel, limits.appApiPerMinute()));
                paces.add(Pace.rate("app-api:appchat:hour", limits.appApiPerHour(), HOUR));
                List<String> members = members(message);
                paces.add(Pace.weighted("appchat-person-sends", limits.appChatPersonSendsPerMinute(), MINUTE,
                        Math.max(1, members.size())));
                for (String member : members) {
                    paces.add(Pace.rate("member-appchat:" + member, limits.memberAppChatPerMinute(), MINUTE));
                    paces.add(Pace.rate("member-appchat-day:" + member, limits.memberAppChatPerDay(), DAY));
                }
            }
            case WECOM_ROBOT -> {
                paces.add(door(channel, Long.MAX_VALUE));
                paces.add(Pace.inFlight("robot:in-flight", limits.robotInFlight(), IN_FLIGHT_LEASE));
            }
            case WECHATY -> {
                // one personal account: a steady, irregular pace and a daily ceiling keep it clear of spam limits
                paces.add(door(channel, limits.wechatyPerMinute()));
                if (!limits.wechatyMinGap().isZero() && !limits.wechatyMinGap().isNegative()) {
                    paces.add(Pace.spaced("wechaty:gap", limits.wechatyMinGap(), limits.wechatyGapJitter()));
                }
                paces.add(Pace.rate("wechaty:day", limits.wechatyPerDay(), DAY));
            }
            case SANDBOX -> {
                // the simulated platform has no limits
            }
        }
        return paces;
    }

    private static Pace door(Channel channel, long perMinute) {
        return Pace.rate(DOOR + channel.name(), perMinute, MINUTE);
    }

    private Optional<String> webhookKey(OutboxMessage message) {
        return directory.snapshot().chat(Channel.WECOM_WEBHOOK, message.targetId()).map(Chat::webhookKey);
    }

    /** The members a group message reaches: the work group's members, or the bureau staff for a bureau chat. */
    private List<String> members(OutboxMessage message) {
        DirectorySnapshot s = directory.snapshot();
        return s.chat(message.channel(), message.targetId()).map(s::peopleIn).orElse(List.of());
    }

    /** Webhook keys are secrets: buckets carry a digest of them. */
    private static String digest(String key) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
