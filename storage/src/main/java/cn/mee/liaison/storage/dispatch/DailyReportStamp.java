package cn.mee.liaison.storage.dispatch;

import java.time.LocalDate;

/**
 * How a day's reports stand, read from the day's index alone: how many rows the day has (current and replaced) and
 * the greatest id among them. Report rows are only ever added — a replaced report stays, retired in the transaction
 * that adds its successor — so every report filed for the day changes the stamp.
 *
 * @param rows   the day's report rows, current or not
 * @param lastId the greatest id among them
 */
public record DailyReportStamp(LocalDate reportDate, long rows, long lastId) {

    /** The stamp of a day without any report. */
    public static DailyReportStamp none(LocalDate day) {
        return new DailyReportStamp(day, 0, 0);
    }
}
