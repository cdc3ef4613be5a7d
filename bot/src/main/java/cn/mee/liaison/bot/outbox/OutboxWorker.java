package cn.mee.liaison.bot.outbox;

import cn.mee.liaison.bot.pacing.Pacer;
import cn.mee.liaison.bot.runtime.RepeatedWarnings;
import cn.mee.liaison.storage.directory.Channel;
import cn.mee.liaison.storage.outbox.OutboxMessage;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Delivers outbox rows through their doors: claimed ({@link OutboxClaims}), paced under the platform's limits
 * ({@link Pacer}: a row with no room waits, uncounted), sent outside any transaction, and the outcome recorded —
 * sent, retried with backoff, or failed with the reason. A batch goes out in parallel, one target per thread, so
 * that the rows of one chat (numbered parts) keep their order.
 */
@Component
public class OutboxWorker implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(OutboxWorker.class);

    private final OutboxClaims claims;
    private final Pacer pacer;
    private final OutboxProperties properties;
    private final Map<Channel, ChatDoor> doors = new EnumMap<>(Channel.class);
    private final ExecutorService senders;
    /** A poll a second that cannot reach the database: one line a minute. */
    private final RepeatedWarnings pollFailures;

    OutboxWorker(OutboxClaims claims, Pacer pacer, OutboxProperties properties, List<ChatDoor> doors, Clock clock) {
        this.claims = claims;
        this.pacer = pacer;
        this.properties = properties;
        this.pollFailures = new RepeatedWarnings(log, clock, Duration.ofMinutes(1));
        doors.forEach(door -> this.doors.put(door.channel(), door));
        AtomicInteger count = new AtomicInteger();
        this.senders = Executors.newFixedThreadPool(properties.senders(), r -> {
            Thread thread = new Thread(r, "outbox-sender-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @Scheduled(fixedDelayString = "${liaison.outbox.poll-interval:1s}", initialDelayString = "2s")
    public void poll() {
        try {
            List<OutboxMessage> claimed;
            do {
                claimed = claims.claimDue();
                deliverAll(claimed);
            } while (claimed.size() == properties.batchSize());
        } catch (RuntimeException e) {
            pollFailures.warn("poll", "outbox poll failed, will try again: {}", e.toString());
        }
    }

    /** Delivers these rows now if they are still due: used right after a reply is committed. */
    public void deliverNow(Collection<Long> ids) {
        deliverAll(claims.take(ids));
    }

    private void deliverAll(List<OutboxMessage> rows) {
        if (rows.size() <= 1) {
            rows.forEach(this::deliver);
            return;
        }
        // the batch's permits in one transaction (Pacer.requestAll), then the sends in parallel, one target per thread
        List<Pacer.Permit> permits;
        try {
            permits = pacer.requestAll(rows, OutboxWorker::target);
        } catch (RuntimeException e) {
            log.warn("pacing {} outbox rows failed, their claims will lapse and they are tried again: {}", rows.size(),
                    e.toString());
            return;
        }
        Map<OutboxMessage, Pacer.Permit> permitOf = new java.util.IdentityHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            permitOf.put(rows.get(i), permits.get(i));
        }
        Map<String, List<OutboxMessage>> byTarget = new LinkedHashMap<>();
        rows.forEach(row -> byTarget.computeIfAbsent(target(row), k -> new ArrayList<>()).add(row));
        List<CompletableFuture<Void>> running = byTarget.values().stream()
                .map(target -> CompletableFuture.runAsync(() -> target.forEach(row -> deliver(row,
                        permitOf.get(row))), senders)).toList();
        CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)).join();
    }

    private static String target(OutboxMessage row) {
        return row.channel() + "/" + row.targetType() + "/" + row.targetId();
    }

    /** One claimed row: paced, sent, recorded (package-private for the test of a worker held up after its claim). */
    void deliver(OutboxMessage message) {
        Pacer.Permit permit;
        try {
            permit = pacer.request(message);
        } catch (RuntimeException e) {
            log.warn("delivering outbox row {} failed, its claim will lapse and it is tried again: {}",
                    message.id(), e.toString());
            return;
        }
        deliver(message, permit);
    }

    private void deliver(OutboxMessage message, Pacer.Permit permit) {
        try {
            if (permit instanceof Pacer.Wait wait) {
                claims.defer(message, wait.until());
                return;
            }
            if (!claims.stillHeld(message)) {
                pacer.done(permit);
                log.info("the claim on outbox row {} lapsed before its send (held until {}): left to the next claim",
                        message.id(), message.claimedUntil());
                return;
            }
            try {
                claims.record(message, send(message));
            } finally {
                pacer.done(permit);
            }
        } catch (RuntimeException e) {
            log.warn("delivering outbox row {} failed, its claim will lapse and it is tried again: {}",
                    message.id(), e.toString());
        }
    }

    private Delivery send(OutboxMessage message) {
        ChatDoor door = doors.get(message.channel());
        if (door == null) {
            return Delivery.failed("渠道 " + message.channel() + " 未启用，无法发送");
        }
        try {
            return door.deliver(message);
        } catch (RuntimeException e) {
            log.warn("door {} threw on outbox row {}: {}", message.channel(), message.id(), e.toString());
            return Delivery.retry(e.toString());
        }
    }

    @Override
    public void destroy() {
        senders.shutdownNow();
    }
}
