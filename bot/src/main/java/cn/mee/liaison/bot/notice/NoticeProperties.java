package cn.mee.liaison.bot.notice;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code liaison.notices.*}.
 *
 * @param ackReminderAfter  how long after a notice went out the chats still silent get one reminder
 * @param ackEscalateAfter  how long after a notice went out the coordinators of the chats still silent are told
 * @param followUpInterval  how often the follow-ups are looked for
 */
@ConfigurationProperties("liaison.notices")
public record NoticeProperties(Duration ackReminderAfter, Duration ackEscalateAfter, Duration followUpInterval) {

    public NoticeProperties {
        ackReminderAfter = ackReminderAfter == null ? Duration.ofHours(2) : ackReminderAfter;
        ackEscalateAfter = ackEscalateAfter == null ? Duration.ofHours(4) : ackEscalateAfter;
        followUpInterval = followUpInterval == null ? Duration.ofSeconds(30) : followUpInterval;
    }
}
