package cn.mee.liaison.bot.deadline;

import cn.mee.liaison.bot.directory.DirectoryCache;
import cn.mee.liaison.bot.directory.DirectorySnapshot;
import cn.mee.liaison.bot.outbox.Outbox;
import cn.mee.liaison.scheduler.deadline.ReminderSchedule;
import cn.mee.liaison.scheduler.deadline.ReminderTimes;
import cn.mee.liaison.storage.deadline.DeadlineMapper;
import cn.mee.liaison.storage.deadline.DeadlineRow;
import cn.mee.liaison.storage.outbox.MessageFormat;
import cn.mee.liaison.storage.outbox.OutboxMessage;
import cn.mee.liaison.storage.outbox.Purpose;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import cn.mee.liaison.storage.support.ContendedTransactions;

/**
 * Sends the reminders of the open deadlines as they fall due (lead days before, the due day, daily once overdue),
 * and tells the bureau once when a deadline goes overdue.
 *
 * <p>Each reminder is sent at most once, however many instances run and however often this runs: its scheduled
 * instant is claimed in {@code deadline_reminder}, under a lock on the deadline's row, in the transaction that puts
 * the message in the outbox. After the bot was down, the reminders it missed are each claimed once and go out as one
 * message per deadline — never a burst of copies — and none for a deadline done meanwhile. Reminders put off
 * ({@code 延后}) go out the same way when the delay ends. Reminder instants before the deadline was known (created or
 * first computed) are not sent. Overdue reminders stop
 * {@code liaison.deadlines.overdue-reminder-days} (30) days after the due date; the deadline stays overdue in the
 * lists.
 */
@Service
public class DeadlineReminders {

    static final String REMIND = "REMIND";
    static final String ESCALATE = "ESCALATE";
    private static final Logger log = LoggerFactory.getLogger(DeadlineReminders.class);

    private final DeadlineCalendar calendar;
    private final DeadlineMapper mapper;
    private final ReminderPlans plans;
    private final DirectoryCache directory;
    private final Outbox outbox;
    private final ContendedTransactions claims;
    private final Clock clock;
    private final int overdueDays;

    DeadlineReminders(DeadlineCalendar calendar, DeadlineMapper mapper, ReminderPlans plans,
                      DirectoryCache directory, Outbox outbox, ContendedTransactions claims, Clock clock,
                      @Value("${liaison.deadlines.overdue-reminder-days:30}") int overdueDays) {
        this.calendar = calendar;
        this.mapper = mapper;
        this.plans = plans;
        this.directory = directory;
        this.outbox = outbox;
        this.claims = claims;
        this.clock = clock;
        this.overdueDays = overdueDays;
    }

    /** @return how many reminders and escalations went out */
    public int tick() {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, clock.getZone());
        Map<String, ReminderTimes> settings = plans.all();
        int lead = ReminderPlans.furthestLead(settings);
        Duration lookBack = Duration.ofDays(lead + overdueDays + 2L);
        int sent = 0;
        // one day beyond the furthest lead, so that a deadline is known before its first reminder falls due
        for (Deadline deadline : calendar.between(today.minusDays(overdueDays), today.plusDays(lead + 1L))) {
            Instant snoozed = deadline.row().snoozedUntil();
            if (deadline.status() == DeadlineStatus.DONE || (snoozed != null && snoozed.isAfter(now))) {
                continue;
            }
            ReminderSchedule schedule = plans.scheduleFor(deadline.row(), settings);
            Instant known = deadline.row().createdAt();
            List<Instant> due = schedule.due(deadline.dueDate(), now.minus(lookBack), now.plusMillis(1)).stream()
                    .filter(at -> known == null || !at.isBefore(known)).toList();
            if (!due.isEmpty() && send(deadline, REMIND, due, today, now)) {
                sent++;
            }
            Instant overdue = schedule.at(deadline.dueDate().plusDays(1));
            if (today.isAfter(deadline.dueDate()) && !overdue.isAfter(now)
                    && (known == null || !overdue.isBefore(known))
                    && send(deadline, ESCALATE, List.of(overdue), today, now)) {
                sent++;
            }
        }
        return sent;
    }

    /**
     * Claims the reminder instants not claimed before and, if there were any, puts one message per recipient in the
     * outbox: reminders missed while the bot was down (or put off) are each claimed once and folded into one message.
     */
    private boolean send(Deadline deadline, String kind, List<Instant> due, LocalDate today, Instant now) {
        DirectorySnapshot snapshot = directory.snapshot();
        boolean escalation = ESCALATE.equals(kind);
        List<DeadlineRecipients.Target> targets = escalation ? DeadlineRecipients.bureau(snapshot)
                : DeadlineRecipients.of(deadline, snapshot, today);
        String text = escalation ? DeadlineTexts.escalation(deadline) : DeadlineTexts.reminder(deadline, today);
        List<OutboxMessage> said = new ArrayList<>();
        for (DeadlineRecipients.Target target : targets) {
            said.add(OutboxMessage.pending(target.channel(), target.type(), target.id(), MessageFormat.TEXT, text,
                    target.mentions(), Purpose.REMINDER, null, now));
        }
        return Boolean.TRUE.equals(claims.execute(status -> {
            DeadlineRow row = mapper.lockById(deadline.id()).orElse(null);
            if (row == null || row.done() || (row.snoozedUntil() != null && row.snoozedUntil().isAfter(now))) {
                return false; // done or put off meanwhile: no reminder
            }
            Set<Instant> claimed = new HashSet<>(mapper.remindersSent(deadline.id(), kind));
            List<Instant> fresh = due.stream().filter(at -> !claimed.contains(at)).toList();
            if (fresh.isEmpty()) {
                return false;
            }
            fresh.forEach(at -> mapper.claimReminder(deadline.id(), at, kind, now));
            outbox.enqueue(said);
            log.info("deadline {} ({}): {} for {} to {} targets", deadline.id(), deadline.title(), kind, fresh,
                    said.size());
            return true;
        }));
    }
}
