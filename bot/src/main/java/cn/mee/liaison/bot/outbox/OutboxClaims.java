package cn.mee.liaison.bot.outbox;

import cn.mee.liaison.storage.outbox.OutboxMapper;
import cn.mee.liaison.storage.outbox.OutboxMessage;
import cn.mee.liaison.storage.outbox.OutboxStatus;
import io.micrometer.core.instrument.MeterRegistry;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Claiming outbox rows and recording what became of them. A row is claimed in a short transaction (locked, skipping
 * rows other instances hold) for the length of a lease; whoever claimed it records the outcome. A claim whose holder
 * died lapses with its lease and the row is due again: at most the rows in flight at a crash go out twice.
 */
@Component
public class OutboxClaims {

    private final OutboxMapper mapper;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final OutboxProperties properties;
    private final MeterRegistry meters;
    private final String holder;

    OutboxClaims(OutboxMapper mapper, TransactionTemplate transactions, Clock clock, OutboxProperties properties,
                 MeterRegistry meters) {
        this.mapper = mapper;
        // READ COMMITTED: the locking read of the due rows then locks those rows only. Under MariaDB's REPEATABLE READ
        // it also locked the gaps of the due index, and a transaction putting rows into the outbox at that moment (a
        // reminder tick, a notice) deadlocked with the claim (OutboxContentionTest, docs/reliability.md).
        this.transactions = new TransactionTemplate(transactions.getTransactionManager());
        this.transactions.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
        this.clock = clock;
        this.properties = properties;
        this.meters = meters;
        this.holder = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString()
                .substring(0, 8);
    }

    /** Up to a batch of due rows. */
    List<OutboxMessage> claimDue() {
        Instant now = clock.instant();
        return claim(() -> mapper.lockDue(now, properties.batchSize()), now);
    }

    /**
     * These rows, if they are still due: for delivering right away, or for a door that delivers them itself (a
     * passive reply in the answer to a callback). Each must then be {@link #record recorded} or
     * {@link #giveBack given back}.
     */
    public List<OutboxMessage> take(Collection<Long> ids) {
        return take(ids, null);
    }

    /** The same, counting as due the rows held for their taker until {@code heldUntil} (null: none held). */
    public List<OutboxMessage> take(Collection<Long> ids, Instant heldUntil) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        Instant due = latest(now, heldUntil);
        return claim(() -> mapper.lockDueAmong(ids, due), now);
    }

    /**
     * Rows to send together with one this instance is delivering (the late answers to one message, which its door
     * can give only once): those among {@code ids} still due, taken as by {@link #take(Collection)}, and those this
     * instance has claimed already (in the same batch), in order. Each must then be recorded or given back; a worker
     * that comes to one of them later finds it recorded.
     */
    public List<OutboxMessage> takeAlong(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, OutboxMessage> along = new TreeMap<>();
        take(ids).forEach(row -> along.put(row.id(), row));
        mapper.findByIds(ids).stream()
                .filter(row -> row.status() == OutboxStatus.SENDING && holder.equals(row.claimedBy()))
                .forEach(row -> along.putIfAbsent(row.id(), row));
        return List.copyOf(along.values());
    }

    private static Instant latest(Instant now, Instant heldUntil) {
        return heldUntil != null && heldUntil.isAfter(now) ? heldUntil : now;
    }

    /** This instance, as it signs the rows it claims or sends. */
    String holder() {
        return holder;
    }

    /** A row its door gives as it is written: counted sent ({@link Outbox#enqueue(List, Predicate, Instant)}). */
    void countGiven(OutboxMessage row) {
        counted(row, "sent");
    }

    private List<OutboxMessage> claim(Supplier<List<Long>> lock, Instant now) {
        return transactions.execute(status -> claimIn(lock, now));
    }

    private List<OutboxMessage> claimIn(Supplier<List<Long>> lock, Instant now) {
        List<Long> ids = lock.get();
        if (ids.isEmpty()) {
            return List.of();
        }
        mapper.claim(ids, holder, now.plus(properties.claimLease()));
        return mapper.findByIds(ids);
    }

    /**
     * Whether this worker's claim on the row still leaves room for a send: at least half the lease. A worker held up
     * between claim and send (a long pause, a slow pacing transaction) may find the lease nearly or wholly lapsed, and
     * the row may be another instance's by then; it must not send it too. (Sends end within their timeouts, 10–15 s,
     * well inside half the default 60 s lease.)
     */
    boolean stillHeld(OutboxMessage message) {
        return message.claimedUntil() != null
                && clock.instant().plus(properties.claimLease().dividedBy(2)).isBefore(message.claimedUntil());
    }

    public void record(OutboxMessage message, Delivery delivery) {
        Instant now = clock.instant();
        String outcome;
        if (delivery instanceof Delivery.Sent) {
            mapper.markSent(message.id(), holder, now);
            outcome = "sent";
        } else if (delivery instanceof Delivery.Retry retry
                && !now.isAfter(message.retriesFrom().plus(properties.retryDeadline()))) {
            mapper.markRetry(message.id(), holder, RetryPolicy.nextAttempt(now, message.attempts(), retry.after()),
                    clip(retry.error()));
            outcome = "retry";
        } else if (delivery instanceof Delivery.Retry retry) {
            mapper.markFailed(message.id(), holder, "重试期限已过，最后一次错误：" + clip(retry.error()));
            outcome = "failed";
        } else {
            mapper.markFailed(message.id(), holder, clip(((Delivery.Failed) delivery).error()));
            outcome = "failed";
        }
        counted(message, outcome);
    }

    private void counted(OutboxMessage message, String outcome) {
        meters.counter("liaison.outbox.deliveries", "channel", message.channel().name(), "outcome", outcome)
                .increment();
    }

    /** Not sent now, for lack of room under a platform limit: due again when there is room; no attempt counted. */
    public void defer(OutboxMessage message, Instant until) {
        mapper.defer(message.id(), holder, until);
    }

    /** A taken row its taker could not deliver itself: due again at once, for the workers. */
    public void giveBack(OutboxMessage message, String reason) {
        mapper.markRetry(message.id(), holder, clock.instant(), clip(reason));
    }

    private static String clip(String error) {
        return error == null || error.length() <= 1000 ? error : error.substring(0, 1000);
    }
}
