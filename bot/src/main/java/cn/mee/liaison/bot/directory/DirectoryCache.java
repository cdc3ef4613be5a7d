package cn.mee.liaison.bot.directory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The current {@link DirectorySnapshot} of this instance. It asks the database for the directory's revision at most
 * once per refresh interval and reloads when another instance (or this one) changed the directory.
 */
@Component
public class DirectoryCache {

    private final DirectoryStore store;
    private final Clock clock;
    private final Duration refreshInterval;
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
        return fresh(now) ? snapshot : refresh(now);
    }

    private boolean fresh(Instant now) {
        Instant checked = checkedAt;
        return checked != null && !now.isBefore(checked) && now.isBefore(checked.plus(refreshInterval));
    }

    private synchronized DirectorySnapshot refresh(Instant now) {
        if (fresh(now)) {
            return snapshot;
        }
        store.loadIfChanged(snapshot.revision()).ifPresent(loaded -> snapshot = loaded);
        checkedAt = now;
        return snapshot;
    }

    /** Forces a check on next use: at once, or after the current transaction commits. */
    void invalidate() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    checkedAt = null;
                }
            });
        } else {
            checkedAt = null;
        }
    }
}
