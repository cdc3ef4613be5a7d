package cn.mee.liaison.bot.dispatch;

import cn.mee.liaison.storage.dispatch.DailyReportRow;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Optional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The current report of each group and day as this instance last filed it: a hint, never the truth. A group that
 * reports again is known to have reported, and its earlier report's items and lateness are at hand without reading
 * the report again; the retirement ({@code retireIfCurrent}, by the report's id) proves in the same statement that
 * the hint is still right, and where it is not (another instance filed since, or the report is older than this
 * instance's memory) the report is read from the database as before.
 */
final class CurrentReports {

    /**
     * A thousand groups for ten days (a report can be made up for the past week), a few MB; the least used are dropped
     * first, and a dropped hint only costs a read.
     */
    static final long MOST = 10_000;

    /** Its upkeep done by the threads that use it, not handed to the common pool (a thread woken for each report). */
    private final Cache<String, DailyReportRow> known = Caffeine.newBuilder().maximumSize(MOST).executor(Runnable::run)
            .build();

    /** The report last filed under this current key by this instance, if it remembers one. */
    Optional<DailyReportRow> known(String currentKey) {
        return Optional.ofNullable(known.getIfPresent(currentKey));
    }

    /**
     * Remembers the report as the current one of its key once the transaction filing it has committed (at once
     * outside a transaction): a report rolled back is never remembered.
     */
    void filed(String currentKey, DailyReportRow report) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            known.put(currentKey, report);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                known.put(currentKey, report);
            }
        });
    }
}
