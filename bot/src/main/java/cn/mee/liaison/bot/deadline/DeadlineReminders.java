package cn.mee.liaison.bot.deadline;

import cn.mee.liaison.scheduler.deadline.ReminderSchedule;
import cn.mee.liaison.scheduler.deadline.ReminderTimes;
import cn.mee.liaison.storage.deadline.SentReminder;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Service;

/**
 * Sends the reminders of the open deadlines as they fall due (lead days before, the due day, daily once overdue),
 * and tells the bureau once when a deadline goes overdue.
 *
 * <p>Each reminder is sent at most once, however many instances run and however often this runs: its scheduled
 * instant is claimed in {@code deadline_reminder}, under a lock on the deadline's row, in the transaction that puts
 * the message in the outbox. After the bot was down, the reminders it missed are each claimed once and go out folded
 * into one — never a burst of copies — and none for a deadline done meanwhile. Reminders put off
 * ({@code 延后}) go out the same way when the delay ends. Reminder instants before the deadline was known (created or
 * first computed) are not sent. Overdue reminders stop
 * {@code liaison.deadlines.overdue-reminder-days} (30) days after the due date; the deadline stays overdue in the
 * lists.
 *
 * <p>Many reminders at one instant (every deadline reminded at 09:00) are claimed together: the claims made so far of
 * every candidate are read at once, and only the deadlines with an instant unclaimed are locked and claimed, in
 * batches of {@code liaison.deadlines.reminder-batch-size} (1000) deadlines per transaction ({@link ReminderClaims}),
 * {@code liaison.deadlines.claim-threads} (2) batches at a time, each recipient told in one message of the deadlines of
 * the batch it owes ({@link ReminderLetters}). Batches hold disjoint deadlines, so side by side they never wait for
 * each other; against another instance's batches they wait, never deadlock (rows locked in id order).
 */
@Service
public class DeadlineReminders {

    static final String REMIND = "REMIND";
    static final String ESCALATE = "ESCALATE";
    static final int MAX_CLAIM_THREADS = 8;
    private static final Logger log = LoggerFactory.getLogger(DeadlineReminders.class);
    /**
     * The order deadlines are claimed in: those of one unit (then city, then round) next to each other, so that the
     * reminders to the same people fall in the same batch and go out as one message each. (Each batch still locks its
     * rows in id order, so batches that overlap cannot deadlock whatever they hold.)
     */
    private static final Comparator<DueReminders> BY_OWNER = Comparator
            .comparing((DueReminders d) -> d.deadline().row().unitId(), Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(d -> d.deadline().row().cityId(), Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(d -> d.deadline().row().roundId(), Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparingLong(DueReminders::id);

    private final DeadlineCalendar calendar;
    private final ReminderPlans plans;
    private final ReminderClaims claims;
    private final Clock clock;
    private final int overdueDays;
    private final int batchSize;
    /** The threads that claim batches side by side, each in its own transaction. */
    private final ExecutorService claimers;

    DeadlineReminders(DeadlineCalendar calendar, ReminderPlans plans, ReminderClaims claims, Clock clock,
                      @Value("${liaison.deadlines.overdue-reminder-days:30}") int overdueDays,
                      @Value("${liaison.deadlines.reminder-batch-size:1000}") int batchSize,
                      @Value("${liaison.deadlines.claim-threads:2}") int claimThreads) {
        if (batchSize < 1 || batchSize > ReminderClaims.MAX_BATCH) {
            throw new IllegalArgumentException("liaison.deadlines.reminder-batch-size must be 1 to "
                    + ReminderClaims.MAX_BATCH + ", not " + batchSize);
        }
        if (claimThreads < 1 || claimThreads > MAX_CLAIM_THREADS) {
            throw new IllegalArgumentException("liaison.deadlines.claim-threads must be 1 to " + MAX_CLAIM_THREADS
                    + ", not " + claimThreads);
        }
        CustomizableThreadFactory threads = new CustomizableThreadFactory("deadline-claims-");
        threads.setDaemon(true);
        this.claimers = Executors.newFixedThreadPool(claimThreads, threads);
        this.calendar = calendar;
        this.plans = plans;
        this.claims = claims;
        this.clock = clock;
        this.overdueDays = overdueDays;
        this.batchSize = batchSize;
    }

    /** @return how many reminders and escalations went out */
    public int tick() {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, clock.getZone());
        Map<String, ReminderTimes> settings = plans.all();
        int lead = ReminderPlans.furthestLead(settings);
        Instant since = now.minus(Duration.ofDays(lead + overdueDays + 2L));
        List<DueReminders> due = new ArrayList<>();
        // one day beyond the furthest lead, so that a deadline is known before its first reminder falls due
        LocalDate from = today.minusDays(overdueDays);
        LocalDate to = today.plusDays(lead + 1L);
        List<Deadline> candidates = calendar.between(from, to);
        for (Deadline deadline : candidates) {
            DueReminders owed = owed(deadline, plans.scheduleFor(deadline.row(), settings), today, since, now);
            if (!owed.isEmpty()) {
                due.add(owed);
            }
        }
        if (due.isEmpty()) {
            return 0;
        }
        Map<Long, List<SentReminder>> claimed = claims.claimed(from, to, since);
        List<DueReminders> unclaimed = due.stream()
                .map(d -> d.unclaimed(claimed.getOrDefault(d.id(), List.of())))
                .filter(d -> !d.isEmpty())
                .sorted(BY_OWNER)
                .toList();
        if (unclaimed.isEmpty()) {
            return 0;
        }
        log.info("deadline reminders: {} deadlines owe reminders or escalations ({} candidates, found in {} ms)",
                unclaimed.size(), candidates.size(), Duration.between(now, clock.instant()).toMillis());
        List<Future<Integer>> batches = new ArrayList<>();
        for (int i = 0; i < unclaimed.size(); i += batchSize) {
            List<DueReminders> batch = unclaimed.subList(i, Math.min(unclaimed.size(), i + batchSize));
            batches.add(claimers.submit(() -> claims.claim(batch, since, today, now)));
        }
        return sum(batches);
    }

    /** What the batches sent, once every one has ended (the first failure thrown after that). */
    private static int sum(List<Future<Integer>> batches) {
        int sent = 0;
        RuntimeException failed = null;
        for (Future<Integer> batch : batches) {
            try {
                sent += batch.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                batches.forEach(b -> b.cancel(false));
                throw new IllegalStateException("interrupted while claiming deadline reminders", e);
            } catch (ExecutionException e) {
                if (failed == null) {
                    failed = e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                }
            }
        }
        if (failed != null) {
            throw failed;
        }
        return sent;
    }

    @PreDestroy
    void stop() {
        claimers.shutdown();
    }

    /**
     * The reminder instants of an open deadline in {@code [since, now]} and its escalation once overdue, none of them
     * before the deadline was known; nothing for one done or put off.
     */
    private static DueReminders owed(Deadline deadline, ReminderSchedule schedule, LocalDate today, Instant since,
                                     Instant now) {
        Instant snoozed = deadline.row().snoozedUntil();
        if (deadline.status() == DeadlineStatus.DONE || (snoozed != null && snoozed.isAfter(now))) {
            return new DueReminders(deadline, List.of(), null);
        }
        Instant known = deadline.row().createdAt();
        List<Instant> remind = schedule.due(deadline.dueDate(), since, now.plusMillis(1)).stream()
                .filter(at -> known == null || !at.isBefore(known)).toList();
        Instant overdue = schedule.at(deadline.dueDate().plusDays(1));
        boolean escalate = today.isAfter(deadline.dueDate()) && !overdue.isAfter(now)
                && (known == null || !overdue.isBefore(known));
        return new DueReminders(deadline, remind, escalate ? overdue : null);
    }
}
