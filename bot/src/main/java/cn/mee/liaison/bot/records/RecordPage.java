package cn.mee.liaison.bot.records;

import java.util.List;

/**
 * One page of records, newest first, and how many match in all: exactly when {@code totalExact}, else at least
 * {@code total} (a search that matches more than the bot counts through, {@code liaison.records.exact-total-up-to}).
 */
public record RecordPage(List<RecordView> items, long total, boolean totalExact) {

    static RecordPage empty() {
        return new RecordPage(List.of(), 0, true);
    }
}
