package cn.mee.liaison.storage.dispatch;

import java.time.LocalDate;

/**
 * What the charts and rankings of a range read of a current report: whose it is, whether late, and its fields as
 * stored (a JSON object, or null), for the reader to pick out only what it adds up, and the codes of the required
 * items it lacks (comma-separated, null or empty when complete).
 */
public record DailyReportFigures(LocalDate reportDate, long workGroupId, boolean late, String fieldsJson,
                                 String missing) {

    /** A complete report's figures. */
    public DailyReportFigures(LocalDate reportDate, long workGroupId, boolean late, String fieldsJson) {
        this(reportDate, workGroupId, late, fieldsJson, null);
    }
}
