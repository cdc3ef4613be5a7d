package cn.mee.liaison.storage.dispatch;

import java.time.LocalDate;

/**
 * What the charts and rankings of a range read of a current report: whose it is, whether late, and its fields as
 * stored (a JSON object, or null), for the reader to pick out only what it adds up.
 */
public record DailyReportFigures(LocalDate reportDate, long workGroupId, boolean late, String fieldsJson) {
}
