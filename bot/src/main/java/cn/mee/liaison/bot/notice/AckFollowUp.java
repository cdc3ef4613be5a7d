package cn.mee.liaison.bot.notice;

import cn.mee.liaison.bot.directory.DirectoryCache;
import cn.mee.liaison.bot.directory.DirectorySnapshot;
import cn.mee.liaison.bot.outbox.Outbox;
import cn.mee.liaison.storage.directory.OrgUnit;
import cn.mee.liaison.storage.notice.Notice;
import cn.mee.liaison.storage.notice.NoticeDelivery;
import cn.mee.liaison.storage.notice.NoticeMapper;
import cn.mee.liaison.storage.outbox.MessageFormat;
import cn.mee.liaison.storage.outbox.OutboxMessage;
import cn.mee.liaison.storage.outbox.Purpose;
import cn.mee.liaison.storage.outbox.TargetType;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The two follow-ups of a notice that asks for acknowledgement: after the first delay the chats still silent get one
 * reminder; after the second the coordinator of each silent group's unit is told personally, with the list. Each
 * stage happens once per notice, on whichever instance gets to it first.
 */
@Component
class AckFollowUp {

    private static final Logger log = LoggerFactory.getLogger(AckFollowUp.class);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("M月d日 HH:mm");

    private final NoticeMapper notices;
    private final Outbox outbox;
    private final DirectoryCache directory;
    private final NoticeProperties properties;
    private final TransactionTemplate transactions;
    private final Clock clock;

    AckFollowUp(NoticeMapper notices, Outbox outbox, DirectoryCache directory, NoticeProperties properties,
                TransactionTemplate transactions, Clock clock) {
        this.notices = notices;
        this.outbox = outbox;
        this.directory = directory;
        this.properties = properties;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${liaison.notices.follow-up-interval:30s}", initialDelayString = "10s")
    void followUp() {
        try {
            Instant now = clock.instant();
            for (Notice notice : notices.dueForReminder(now.minus(properties.ackReminderAfter()))) {
                transactions.executeWithoutResult(status -> remind(notice, now));
            }
            for (Notice notice : notices.dueForEscalation(now.minus(properties.ackEscalateAfter()))) {
                transactions.executeWithoutResult(status -> escalate(notice, now));
            }
        } catch (RuntimeException e) {
            log.warn("notice follow-ups failed, will try again: {}", e.toString());
        }
    }

    private void remind(Notice notice, Instant now) {
        if (!notices.markReminded(notice.id(), now)) {
            return; // another instance did it
        }
        List<OutboxMessage> reminders = new ArrayList<>();
        for (NoticeDelivery silent : notices.silentDeliveries(notice.id())) {
            reminders.add(OutboxMessage.pending(silent.channel(), TargetType.CHAT, silent.chatId(), MessageFormat.TEXT,
                    "【回执提醒】" + WHEN.format(notice.sendAt().atZone(clock.getZone())) + "发出的通知《"
                            + notice.title() + "》本群尚未确认收到，请回复\u201c收到\u201d。",
                    null, Purpose.REMINDER, null, now));
        }
        outbox.enqueue(reminders);
        log.info("notice {}: reminded {} silent chats", notice.id(), reminders.size());
    }

    private void escalate(Notice notice, Instant now) {
        if (!notices.markEscalated(notice.id(), now)) {
            return;
        }
        DirectorySnapshot s = directory.snapshot();
        Map<Long, List<NoticeDelivery>> byUnit = new LinkedHashMap<>();
        for (NoticeDelivery silent : notices.silentDeliveries(notice.id())) {
            if (silent.unitId() != null) {
                byUnit.computeIfAbsent(silent.unitId(), u -> new ArrayList<>()).add(silent);
            }
        }
        List<OutboxMessage> told = new ArrayList<>();
        byUnit.forEach((unitId, silent) -> {
            Optional<OrgUnit> unit = s.unit(unitId).filter(u -> u.coordinatorUserId() != null);
            if (unit.isEmpty()) {
                return;
            }
            List<String> groups = silent.stream().map(d -> d.workGroupId() == null ? d.chatId()
                    : s.groupName(d.workGroupId())).distinct().toList();
            told.add(OutboxMessage.pending(silent.get(0).channel().personal(), TargetType.USER,
                    unit.get().coordinatorUserId(), MessageFormat.TEXT,
                    "【回执未确认】" + WHEN.format(notice.sendAt().atZone(clock.getZone())) + "发出的通知《" + notice.title()
                            + "》，贵单位下列工作组尚未确认收到：" + String.join("、", groups) + "。请督促回复\u201c收到\u201d。",
                    null, Purpose.REMINDER, null, now));
        });
        outbox.enqueue(told);
        log.info("notice {}: told {} coordinators about silent chats", notice.id(), told.size());
    }
}
