package cn.mee.liaison.bot.directory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The current {@link DirectorySnapshot} of this instance. It asks the database for the directory's revision at most
 * once per refresh interval and reloads when another instance (or this one) changed the directory.
 *
 * <p>One thread checks at a time. While it does, the others go on with the snapshot they have (a little older than
 * the interval at most) instead of queueing behind it — unless this instance changed the directory itself: then
 * every caller waits for the new one.
 */
@Component
public class DirectoryCache {

    private final DirectoryStore store;
    private final Clock clock;
    private final Duration refreshInterval;
    private final ReentrantLock checking = new ReentrantLock();
    /** Counts this instance's changes: a check that began before one does not count as fresh. */
    private final AtomicLong changes = new AtomicLong();
    private volatile DirectorySnapshot snapshot = DirectorySnapshot.empty();
    /** When the revision was last checked; null: check on next use. */
    private volatile Instant checkedAt;

    DirectoryCache(DirectoryStore store, Clock clock,
                   @Value("${liaison.directory.refresh-interval:1s}") Duration refreshInterval) {
        this.store = store;
        this.clock = clock;
        this.refreshInterval = refreshInterval;
    }

    public DirectorySnapshot snapshot() {
        Instant now = clock.instant();
        Instant checked = checkedAt;
        if (fresh(checked, now)) {
            return snapshot;
        }
        if (checked == null) {
            checking.lock();
        } else if (!checking.tryLock()) {
            return snapshot;
        }
        try {
            if (fresh(checkedAt, now)) {
                return snapshot;
            }
            long changesBefore = changes.get();
            store.loadIfChanged(snapshot.revision()).ifPresent(loaded -> snapshot = loaded);
            if (changes.get() == changesBefore) {
                checkedAt = now;
            }
            return snapshot;
        } finally {
            checking.unlock();
        }
    }

    private boolean fresh(Instant checked, Instant now) {
        return fresh(checked, now, refreshInterval);
    }

    /**
     * Whether what was read from the database at {@code readAt} may still be used at {@code now}: less than the
     * interval since, and not before it (a clock moved back reads again). Null: never read, or to be read again.
     */
    public static boolean fresh(Instant readAt, Instant now, Duration refreshInterval) {
        return readAt != null && !now.isBefore(readAt) && now.isBefore(readAt.plus(refreshInterval));
    }

    /** Forces a check on next use: at once, or after the current transaction commits. */
    void invalidate() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    changed();
                }
            });
        } else {
            changed();
        }
    }

    private void changed() {
        changes.incrementAndGet();
        checkedAt = null;
    }
}
