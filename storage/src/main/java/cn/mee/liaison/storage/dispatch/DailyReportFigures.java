package cn.mee.liaison.storage.dispatch;

import java.time.LocalDate;
import java.util.Map;

/** What the charts and rankings of a range read of a current report: whose it is, whether late, and its fields. */
public record DailyReportFigures(LocalDate reportDate, long workGroupId, boolean late, Map<String, Object> fields) {
}
