package cn.mee.liaison.storage.deadline;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A stored deadline.
 *
 * @param key          the rule's key ({@code QUARTERLY_REPORT|unit|2026Q4}) or {@code CUSTOM|…}
 * @param kind         QUARTERLY_REPORT, CITY_FEEDBACK, ROUND_SUMMARY, EVALUATION, PERSONNEL_LIST or CUSTOM
 * @param status       OPEN or DONE (overdue is an open one past its day)
 * @param snoozedUntil no reminders before this instant
 */
public record DeadlineRow(Long id, String key, String kind, String title, LocalDate dueDate, Long unitId,
                          Long cityId, Long roundId, String status, Instant doneAt, String doneBy, String doneNote,
                          Instant snoozedUntil, String createdBy, Instant createdAt) {

    public boolean done() {
        return "DONE".equals(status);
    }
}
