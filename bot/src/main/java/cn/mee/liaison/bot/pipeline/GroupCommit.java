package cn.mee.liaison.bot.pipeline;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The messages arriving together filed and answered in one transaction: one commit (one flush of the database's log)
 * and one connection for several of them, where each took its own before.
 *
 * <p>At most {@code committers} transactions of this kind run at once. A caller who finds one free runs, on its own
 * thread, its message's work together with whatever else is waiting (up to {@code batchSize}, in order of arrival) and
 * commits; a caller who finds none free waits, and its work is run by the next caller to commit, or by itself once a
 * committer is free. Each caller returns once the commit holding its work is done, so a door still acknowledges only
 * what is filed. Nothing waits for a batch to fill: alone, a message is committed at once on its own thread, as
 * before; under load the batches grow by themselves. With more than one committer, a transaction held up (a lock
 * wait, a slow disk) does not hold up all filing.
 *
 * <p>If one message's work fails, the whole transaction is rolled back and each message of it is tried again alone,
 * on its caller's thread, as if there had been no batch (so one message's fault never loses another's filing); when
 * the database is out of reach, every caller of that transaction gets the failure at once. A {@code batchSize} of 1
 * turns batching off.
 */
final class GroupCommit {

    private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);

    private final TransactionTemplate transactions;
    private final int batchSize;
    private final int committers;
    private final ReentrantLock lock = new ReentrantLock();
    /** Signalled when a committer is done: a waiting caller may commit now. */
    private final Condition committerFree = lock.newCondition();
    /** Guarded by {@link #lock}. */
    private final ArrayDeque<Pending<?>> waiting = new ArrayDeque<>();
    /** Guarded by {@link #lock}. */
    private int committing;
    private final DistributionSummary sizes;

    GroupCommit(TransactionTemplate transactions, int batchSize, int committers, MeterRegistry meters) {
        if (batchSize < 1 || committers < 1) {
            throw new IllegalArgumentException("liaison.filing.batch-size and liaison.filing.committers must be at "
                    + "least 1, not " + batchSize + " and " + committers);
        }
        this.transactions = transactions;
        this.batchSize = batchSize;
        this.committers = committers;
        this.sizes = DistributionSummary.builder("liaison.filing.batch.size")
                .description("messages filed in one transaction").register(meters);
        Gauge.builder("liaison.filing.waiting", this, GroupCommit::waitingCount)
                .description("messages waiting for a transaction to file them").register(meters);
    }

    /**
     * Runs {@code work} in a transaction, with the work of other messages waiting at the same moment, and returns what
     * it returned once committed; in the caller's transaction if it has one. Exceptions as
     * {@link TransactionTemplate#execute} throws them.
     */
    <T> T run(Supplier<T> work) {
        if (batchSize == 1 || TransactionSynchronizationManager.isActualTransactionActive()) {
            return alone(work);
        }
        Pending<T> mine = new Pending<>(work);
        lock.lock();
        try {
            waiting.add(mine);
            while (!mine.taken) {
                if (committing == committers) {
                    committerFree.awaitUninterruptibly();
                    continue;
                }
                committing++;
                List<Pending<?>> batch = takeWaiting();
                lock.unlock();
                try {
                    commit(batch);
                } finally {
                    lock.lock();
                    committing--;
                    committerFree.signalAll();
                }
            }
        } finally {
            lock.unlock();
        }
        try {
            return mine.done.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof TryAlone) {
                return alone(work);
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
        }
    }

    private <T> T alone(Supplier<T> work) {
        return transactions.execute(status -> work.get());
    }

    /** The oldest waiting work, up to a batch; under {@link #lock}. */
    private List<Pending<?>> takeWaiting() {
        List<Pending<?>> batch = new ArrayList<>(Math.min(batchSize, waiting.size()));
        while (batch.size() < batchSize && !waiting.isEmpty()) {
            Pending<?> next = waiting.poll();
            next.taken = true;
            batch.add(next);
        }
        return batch;
    }

    /** Runs the batch in one transaction and tells each caller how it went; never throws. */
    private void commit(List<Pending<?>> batch) {
        sizes.record(batch.size());
        List<Object> results;
        try {
            results = transactions.execute(status -> {
                List<Object> each = new ArrayList<>(batch.size());
                for (Pending<?> pending : batch) {
                    each.add(pending.work.get());
                }
                return each;
            });
        } catch (Throwable failed) {
            boolean tellAll = batch.size() == 1 || outOfReach(failed);
            if (!tellAll) {
                log.debug("a transaction of {} messages failed ({}); each is filed again alone", batch.size(),
                        failed.toString());
            }
            for (Pending<?> pending : batch) {
                pending.done.completeExceptionally(tellAll ? failed : TryAlone.INSTANCE);
            }
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).complete(results.get(i));
        }
    }

    private int waitingCount() {
        lock.lock();
        try {
            return waiting.size();
        } finally {
            lock.unlock();
        }
    }

    /** The database could not be reached at all: trying again at once, alone or apart, would only fail again. */
    static boolean outOfReach(Throwable e) {
        return e instanceof TransactionException || e instanceof DataAccessResourceFailureException
                || e instanceof TransientDataAccessResourceException || e instanceof RecoverableDataAccessException;
    }

    /** A message's work, and the commit its caller waits for. */
    private static final class Pending<T> {
        private final Supplier<T> work;
        private final CompletableFuture<T> done = new CompletableFuture<>();
        /** Taken into a batch; guarded by the lock. */
        private boolean taken;

        private Pending(Supplier<T> work) {
            this.work = work;
        }

        @SuppressWarnings("unchecked")
        private void complete(Object result) {
            done.complete((T) result);
        }
    }

    /** The batch failed for some message of it: each is run again in a transaction of its own. */
    private static final class TryAlone extends RuntimeException {
        private static final TryAlone INSTANCE = new TryAlone();

        private TryAlone() {
            super("try alone", null, false, false);
        }
    }
}
