package cn.mee.liaison.storage.dispatch;

import cn.mee.liaison.storage.support.GeneratedId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.session.ResultHandler;

@Mapper
public interface DispatchMapper {

    List<DispatchPlanRow> findPlans();

    void upsertPlan(DispatchPlanRow plan);

    int deletePlan(@Param("planKey") String planKey);

    /** Makes the group's current report for the day an earlier one; returns how many there were (0 or 1). */
    default int retire(LocalDate day, long groupId) {
        return retireByKey(currentKey(day, groupId));
    }

    int retireByKey(@Param("currentKey") String currentKey);

    /**
     * Makes the report with this id an earlier one if it is still the current one of its key; returns 1 if it was,
     * 0 if another report is current now, or none.
     */
    int retireIfCurrent(@Param("currentKey") String currentKey, @Param("id") long id);

    void insertReportRow(@Param("row") DailyReportRow report, @Param("currentKey") String currentKey,
                         @Param("fields") Map<String, Object> fields, @Param("key") GeneratedId key);

    default long insertCurrent(DailyReportRow report) {
        GeneratedId key = new GeneratedId();
        insertReportRow(report, currentKey(report.reportDate(), report.workGroupId()), report.fields(), key);
        return key.value();
    }

    /** The current report of every group that reported on the day. */
    List<DailyReportRow> currentOn(@Param("day") LocalDate day);

    /** Current reports in a range of days, for charts, rankings and exports. */
    List<DailyReportRow> currentBetween(@Param("from") LocalDate from, @Param("to") LocalDate to);

    /** The stamp of each day of a range that has reports (days without any are left out), by day. */
    List<DailyReportStamp> stampsBetween(@Param("from") LocalDate from, @Param("to") LocalDate to);

    /**
     * The figures of the current reports in a range of days, by day and group, each handed over as it is read (no
     * list of them all is made: a month of a thousand groups is some 27,000 rows).
     */
    void figuresBetween(@Param("from") LocalDate from, @Param("to") LocalDate to,
                        ResultHandler<DailyReportFigures> each);

    /** The group's current report of the day, if it has one: one row by its unique key, not the day's history. */
    default Optional<DailyReportRow> currentOf(LocalDate day, long groupId) {
        return Optional.ofNullable(currentByKey(currentKey(day, groupId)));
    }

    DailyReportRow currentByKey(@Param("currentKey") String currentKey);

    /** The unique key only the group's current report of the day holds ({@code 2026-12-01|42}). */
    static String currentKey(LocalDate day, long groupId) {
        return day + "|" + groupId;
    }

    /** Every report of a group on a day, the current one first (the history). */
    List<DailyReportRow> historyOf(@Param("day") LocalDate day, @Param("groupId") long groupId);

    /** Records that a stage of a day's dispatch is done; fails with a duplicate key when it was done already. */
    void markStage(@Param("day") LocalDate day, @Param("planKey") String planKey, @Param("stage") String stage,
                   @Param("at") Instant at);

    List<String> stagesDone(@Param("day") LocalDate day, @Param("planKey") String planKey);
}
