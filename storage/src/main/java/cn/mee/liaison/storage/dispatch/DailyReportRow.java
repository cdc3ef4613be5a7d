package cn.mee.liaison.storage.dispatch;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * A group's daily report.
 *
 * @param current whether it is the group's report for the day (a later one replaces it)
 * @param missing the codes of required fields it lacked, comma separated
 */
public record DailyReportRow(Long id, LocalDate reportDate, long workGroupId, long messageId, String reporterId,
                             String reporterName, Instant submittedAt, boolean late, Map<String, Object> fields,
                             String missing, boolean current) {

    /** The same report with the id the database gave it. */
    public DailyReportRow withId(long newId) {
        return new DailyReportRow(newId, reportDate, workGroupId, messageId, reporterId, reporterName, submittedAt,
                late, fields, missing, current);
    }
}
