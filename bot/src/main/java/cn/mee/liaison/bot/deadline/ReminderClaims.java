package cn.mee.liaison.bot.deadline;

import cn.mee.liaison.bot.directory.DirectoryCache;
import cn.mee.liaison.bot.directory.DirectorySnapshot;
import cn.mee.liaison.bot.outbox.Outbox;
import cn.mee.liaison.storage.deadline.DeadlineMapper;
import cn.mee.liaison.storage.deadline.DeadlineRow;
import cn.mee.liaison.storage.deadline.SentReminder;
import cn.mee.liaison.storage.outbox.OutboxMessage;
import cn.mee.liaison.storage.support.ContendedTransactions;
import cn.mee.liaison.storage.support.MapperBatches;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The reminders of many deadlines claimed together: the claims made so far read with one query, and those still due
 * claimed in one transaction per batch of deadlines — their rows locked in id order with one statement (two instances
 * claiming overlapping batches wait for each other instead of deadlocking), their claims read again under the lock
 * (authoritative), the ones done or put off meanwhile skipped, the new claims and their messages added as JDBC
 * batches (multi-row INSERTs on MySQL/MariaDB).
 */
@Component
class ReminderClaims {

    /** Deadlines claimed in one transaction, at most (their ids in one {@code IN (…)} list). */
    static final int MAX_BATCH = 1000;
    private static final Logger log = LoggerFactory.getLogger(ReminderClaims.class);

    private final DeadlineMapper mapper;
    private final DirectoryCache directory;
    private final Outbox outbox;
    private final ContendedTransactions transactions;
    private final MapperBatches batches;

    ReminderClaims(DeadlineMapper mapper, DirectoryCache directory, Outbox outbox,
                   ContendedTransactions transactions, MapperBatches batches) {
        this.mapper = mapper;
        this.directory = directory;
        this.outbox = outbox;
        this.transactions = transactions;
        this.batches = batches;
    }

    /**
     * The claims scheduled at or after {@code since} of every deadline due in {@code [from, to]}, by deadline id: one
     * query, without locks.
     */
    Map<Long, List<SentReminder>> claimed(LocalDate from, LocalDate to, Instant since) {
        return byDeadline(mapper.remindersOfDueBetween(from, to, since));
    }

    /**
     * Claims what is still unclaimed of {@code due} (at most {@link #MAX_BATCH} deadlines) and puts in the outbox one
     * message per recipient listing the deadlines reminded to it (the instants missed folded into one), and one per
     * bureau chat listing those escalated ({@link ReminderLetters}).
     *
     * @param since the earliest instant any of them is due (the claims are read from there on)
     * @return how many reminders and escalations went out
     */
    int claim(List<DueReminders> due, Instant since, LocalDate today, Instant now) {
        DirectorySnapshot snapshot = directory.snapshot();
        Map<Long, DueReminders> byId = due.stream()
                .collect(Collectors.toMap(DueReminders::id, Function.identity()));
        Batch batch = transactions.execute(status -> {
            List<DeadlineRow> open = mapper.lockByIds(byId.keySet()).stream()
                    .filter(row -> !row.done() && (row.snoozedUntil() == null || !row.snoozedUntil().isAfter(now)))
                    .toList();
            // the first plain read of the transaction, after the locks: it sees what whoever held them before claimed
            Map<Long, List<SentReminder>> claimed = open.isEmpty() ? Map.of()
                    : byDeadline(mapper.remindersAmong(open.stream().map(DeadlineRow::id).toList(), since));
            List<DueReminders> fresh = open.stream()
                    .map(row -> byId.get(row.id()).unclaimed(claimed.getOrDefault(row.id(), List.of())))
                    .filter(d -> !d.isEmpty()).toList();
            if (fresh.isEmpty()) {
                return new Batch(fresh, 0);
            }
            List<OutboxMessage> said = ReminderLetters.of(fresh, snapshot, today, now);
            List<SentReminder> claims = fresh.stream().flatMap(d -> d.claims(now).stream()).toList();
            batches.run(DeadlineMapper.class, claiming -> claims.forEach(claiming::claimReminder));
            outbox.enqueueAll(said);
            return new Batch(fresh, said.size());
        });
        int reminded = (int) batch.fresh().stream().filter(d -> !d.remind().isEmpty()).count();
        int escalated = (int) batch.fresh().stream().filter(d -> d.escalate() != null).count();
        log.info("deadline reminders: {} deadlines reminded, {} escalated, {} messages ({} of {} done, put off or "
                + "claimed meanwhile)", reminded, escalated, batch.messages(), due.size() - batch.fresh().size(),
                due.size());
        if (log.isDebugEnabled()) {
            batch.fresh().forEach(d -> log.debug("deadline {} ({}): reminded for {}{}", d.id(), d.deadline().title(),
                    d.remind(), d.escalate() == null ? "" : ", escalated for " + d.escalate()));
        }
        return reminded + escalated;
    }

    private static Map<Long, List<SentReminder>> byDeadline(List<SentReminder> claims) {
        Map<Long, List<SentReminder>> byDeadline = new HashMap<>();
        claims.forEach(c -> byDeadline.computeIfAbsent(c.deadlineId(), id -> new ArrayList<>()).add(c));
        return byDeadline;
    }

    /** What one transaction claimed, and how many messages it put in the outbox. */
    private record Batch(List<DueReminders> fresh, int messages) {
    }
}
