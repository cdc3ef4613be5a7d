package cn.mee.liaison.bot.outbox;

import cn.mee.liaison.storage.directory.Channel;
import cn.mee.liaison.storage.outbox.OutboxMapper;
import cn.mee.liaison.storage.outbox.OutboxMessage;
import io.micrometer.core.instrument.MeterRegistry;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers outbox rows. A row is claimed in a short transaction (locked, skipping rows other instances hold), sent
 * outside any transaction, and its outcome recorded. A crash between sending and recording leaves the row claimed;
 * its lease runs out and it is sent again: at most the rows in flight at the moment of a crash go out twice.
 */
@Component
public class OutboxWorker {

    private static final Logger log = LoggerFactory.getLogger(OutboxWorker.class);

    private final OutboxMapper mapper;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final OutboxProperties properties;
    private final Map<Channel, ChatDoor> doors = new EnumMap<>(Channel.class);
    private final MeterRegistry meters;
    private final String workerId;

    OutboxWorker(OutboxMapper mapper, TransactionTemplate transactions, Clock clock, OutboxProperties properties,
                 List<ChatDoor> doors, MeterRegistry meters) {
        this.mapper = mapper;
        this.transactions = transactions;
        this.clock = clock;
        this.properties = properties;
        this.meters = meters;
        doors.forEach(door -> this.doors.put(door.channel(), door));
        this.workerId = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString()
                .substring(0, 8);
    }

    @Scheduled(fixedDelayString = "${liaison.outbox.poll-interval:1s}", initialDelayString = "2s")
    public void poll() {
        try {
            List<OutboxMessage> claimed;
            do {
                Instant now = clock.instant();
                claimed = claim(() -> mapper.lockDue(now, properties.batchSize()), now);
                claimed.forEach(this::deliver);
            } while (claimed.size() == properties.batchSize());
        } catch (RuntimeException e) {
            log.warn("outbox poll failed, will try again: {}", e.toString());
        }
    }

    /** Delivers these rows now, in this thread, if they are still due: used right after a reply is committed. */
    public void deliverNow(Collection<Long> ids) {
        take(ids).forEach(this::deliver);
    }

    /**
     * Claims these rows, if they are still due, for a door that delivers them itself (a passive reply in the answer
     * to a callback). Each must then be {@link #sentDirectly sent} or {@link #giveBack given back}.
     */
    public List<OutboxMessage> take(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        return claim(() -> mapper.lockDueAmong(ids, now), now);
    }

    public void sentDirectly(OutboxMessage message) {
        record(message, Delivery.sent());
    }

    /** A taken row the door could not deliver itself: the workers deliver it the usual way, at once. */
    public void giveBack(OutboxMessage message, String reason) {
        mapper.markRetry(message.id(), workerId, clock.instant(), reason);
    }

    private List<OutboxMessage> claim(java.util.function.Supplier<List<Long>> lock, Instant now) {
        return transactions.execute(status -> {
            List<Long> ids = lock.get();
            if (ids.isEmpty()) {
                return List.<OutboxMessage>of();
            }
            mapper.claim(ids, workerId, now.plus(properties.claimLease()));
            return mapper.findByIds(ids);
        });
    }

    private void deliver(OutboxMessage message) {
        ChatDoor door = doors.get(message.channel());
        Delivery delivery;
        if (door == null) {
            delivery = Delivery.failed("渠道 " + message.channel() + " 未启用，无法发送");
        } else {
            try {
                delivery = door.deliver(message);
            } catch (RuntimeException e) {
                log.warn("door {} threw on outbox row {}: {}", message.channel(), message.id(), e.toString());
                delivery = Delivery.retry(e.toString());
            }
        }
        record(message, delivery);
    }

    private void record(OutboxMessage message, Delivery delivery) {
        Instant now = clock.instant();
        String outcome;
        if (delivery instanceof Delivery.Sent) {
            mapper.markSent(message.id(), workerId, now);
            outcome = "sent";
        } else if (delivery instanceof Delivery.Retry retry
                && !now.isAfter(message.createdAt().plus(properties.retryDeadline()))) {
            mapper.markRetry(message.id(), workerId, RetryPolicy.nextAttempt(now, message.attempts(), retry.after()),
                    clip(retry.error()));
            outcome = "retry";
        } else if (delivery instanceof Delivery.Retry retry) {
            mapper.markFailed(message.id(), workerId, "重试期限已过，最后一次错误：" + clip(retry.error()));
            outcome = "failed";
        } else {
            mapper.markFailed(message.id(), workerId, clip(((Delivery.Failed) delivery).error()));
            outcome = "failed";
        }
        meters.counter("liaison.outbox.deliveries", "channel", message.channel().name(), "outcome", outcome)
                .increment();
    }

    private static String clip(String error) {
        return error == null || error.length() <= 1000 ? error : error.substring(0, 1000);
    }
}
