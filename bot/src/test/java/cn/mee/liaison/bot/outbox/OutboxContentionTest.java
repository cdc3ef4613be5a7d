package cn.mee.liaison.bot.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.mee.liaison.bot.support.RunningBot;
import cn.mee.liaison.storage.directory.Channel;
import cn.mee.liaison.storage.outbox.MessageFormat;
import cn.mee.liaison.storage.outbox.OutboxMessage;
import cn.mee.liaison.storage.outbox.Purpose;
import cn.mee.liaison.storage.outbox.TargetType;
import cn.mee.liaison.testsupport.TestDatabase;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rows put into the outbox (several to a transaction, as a reminder tick or a notice does) while workers claim due
 * rows at the same time: neither side may deadlock the other. On MariaDB the claim's locking read used to take gap
 * locks on the due index under REPEATABLE READ, and an insert into such a gap deadlocked with the claim's UPDATE —
 * seen as failed reminder ticks and a failing DispatchDayTest (docs/reliability.md). MariaDB/MySQL only: the embedded H2
 * serves one instance, whose single poller claims, and several claimers at once there only wait for each other's row
 * locks (up to H2's lock timeout), which is not what this is about.
 */
@TestPropertySource(properties = "liaison.outbox.poll-interval=100ms")
class OutboxContentionTest extends RunningBot {

    private static final Duration RUN = Duration.ofSeconds(6);

    @Autowired
    OutboxClaims claims;

    @Autowired
    Outbox outbox;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    Clock clock;

    @Test
    void insertingAndClaimingAtOnceNeverDeadlock() throws Exception {
        assumeTrue(TestDatabase.mysqlAvailable(), "gap locks and SKIP LOCKED are MariaDB/MySQL's: set "
                + TestDatabase.MYSQL_URL_VARIABLE);
        String tag = UUID.randomUUID().toString().substring(0, 8);
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        AtomicInteger inserted = new AtomicInteger();
        AtomicInteger claimed = new AtomicInteger();
        long end = System.nanoTime() + RUN.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> running = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int thread = t;
            running.add(pool.submit(() -> {
                for (int i = 0; System.nanoTime() < end; i++) {
                    int round = i;
                    try {
                        transactions.executeWithoutResult(status -> {
                            List<OutboxMessage> rows = new ArrayList<>();
                            for (int k = 0; k < 5; k++) {
                                rows.add(OutboxMessage.pending(Channel.SANDBOX, TargetType.USER,
                                        "contention-" + thread + "-" + tag, MessageFormat.TEXT,
                                        "第" + round + "批第" + k + "条", null, Purpose.REMINDER, null,
                                        clock.instant()));
                            }
                            inserted.addAndGet(outbox.enqueue(rows).size());
                        });
                    } catch (PessimisticLockingFailureException e) {
                        failures.add(e);
                    }
                }
            }));
            running.add(pool.submit(() -> {
                while (System.nanoTime() < end) {
                    try {
                        List<OutboxMessage> rows = claims.claimDue();
                        claimed.addAndGet(rows.size());
                        rows.forEach(row -> claims.record(row, Delivery.sent()));
                    } catch (PessimisticLockingFailureException e) {
                        failures.add(e);
                    }
                }
            }));
        }
        for (Future<?> future : running) {
            future.get();
        }
        pool.shutdown();
        System.out.println("contention: " + inserted + " rows inserted, " + claimed + " claimed by the test's "
                + "claimers, " + failures.size() + " deadlocks");
        assertThat(inserted.get()).isPositive();
        assertThat(failures).as("deadlocks or lock timeouts").isEmpty();
    }
}
