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
 * The two follow-ups of a notice that asks for acknowledgement, timed for each chat from when the notice went out to
 * it (a chat reached late, after retries or a re-send, is followed up late too): after the first delay a chat still
 * silent gets one reminder; after the second the coordinator of its unit is told personally, with the silent groups.
 * Each stage happens once per chat, on whichever instance gets to it first. Chats on doors that cannot answer (a
 * webhook or appchat group) are never chased.
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
            byNotice(notices.dueForReminder(now.minus(properties.ackReminderAfter()))).forEach((noticeId, silent) ->
                    transactions.executeWithoutResult(status -> remind(noticeId, silent, now)));
            byNotice(notices.dueForEscalation(now.minus(properties.ackEscalateAfter()))).forEach((noticeId, silent) ->
                    transactions.executeWithoutResult(status -> escalate(noticeId, silent, now)));
        } catch (RuntimeException e) {
            log.warn("notice follow-ups failed, will try again: {}", e.toString());
        }
    }

    private static Map<Long, List<NoticeDelivery>> byNotice(List<NoticeDelivery> deliveries) {
        Map<Long, List<NoticeDelivery>> byNotice = new LinkedHashMap<>();
        deliveries.forEach(d -> byNotice.computeIfAbsent(d.noticeId(), n -> new ArrayList<>()).add(d));
        return byNotice;
    }

    private void remind(long noticeId, List<NoticeDelivery> silent, Instant now) {
        Optional<Notice> notice = notices.findById(noticeId);
        if (notice.isEmpty()) {
            return;
        }
        List<OutboxMessage> reminders = new ArrayList<>();
        for (NoticeDelivery d : silent) {
            if (notices.markReminded(d.id(), now)) { // else another instance did it
                reminders.add(OutboxMessage.pending(d.channel(), TargetType.CHAT, d.chatId(), MessageFormat.TEXT,
                        "【回执提醒】" + sent(notice.get()) + "发出的通知《" + notice.get().title()
                                + "》本群尚未确认收到，请回复\u201c收到\u201d。", null, Purpose.REMINDER, null, now));
            }
        }
        if (!reminders.isEmpty()) {
            outbox.enqueue(reminders);
            notices.noteFollowedUp(noticeId, now, null);
            log.info("notice {}: reminded {} silent chats", noticeId, reminders.size());
        }
    }

    private void escalate(long noticeId, List<NoticeDelivery> due, Instant now) {
        Optional<Notice> notice = notices.findById(noticeId);
        if (notice.isEmpty()) {
            return;
        }
        DirectorySnapshot s = directory.snapshot();
        Map<Long, List<NoticeDelivery>> byUnit = new LinkedHashMap<>();
        for (NoticeDelivery silent : due) {
            if (notices.markEscalated(silent.id(), now) && silent.unitId() != null) {
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
                    "【回执未确认】" + sent(notice.get()) + "发出的通知《" + notice.get().title()
                            + "》，贵单位下列工作组尚未确认收到：" + String.join("、", groups) + "。请督促回复\u201c收到\u201d。",
                    null, Purpose.REMINDER, null, now));
        });
        if (!told.isEmpty()) {
            outbox.enqueue(told);
            notices.noteFollowedUp(noticeId, null, now);
            log.info("notice {}: told {} coordinators about silent chats", noticeId, told.size());
        }
    }

    private String sent(Notice notice) {
        return WHEN.format(notice.sendAt().atZone(clock.getZone()));
    }
}
