package cn.mee.liaison.storage.deadline;

import cn.mee.liaison.storage.support.GeneratedId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
public interface DeadlineMapper {

    /** Adds the deadline unless one with its key exists; returns how many were added (0 or 1). */
    int insertIfMissing(@Param("row") DeadlineRow row);

    void insertRow(@Param("row") DeadlineRow row, @Param("key") GeneratedId key);

    default long insert(DeadlineRow row) {
        GeneratedId key = new GeneratedId();
        insertRow(row, key);
        return key.value();
    }

    Optional<DeadlineRow> findById(@Param("id") long id);

    /**
     * The rows (those that exist), locked until the transaction ends, in id order: whoever holds a deadline's row
     * decides its reminders. Ids not empty.
     */
    List<DeadlineRow> lockByIds(@Param("ids") Collection<Long> ids);

    Optional<DeadlineRow> findByKey(@Param("key") String key);

    List<DeadlineRow> findByKeys(@Param("keys") List<String> keys);

    /** Deadlines due in a range (both ends included), by due date. */
    List<DeadlineRow> findDueBetween(@Param("from") LocalDate from, @Param("to") LocalDate to);

    /** Open deadlines due on or before a day. */
    List<DeadlineRow> findOpenDueBy(@Param("to") LocalDate to);

    /** Marks an open deadline done; false when it was done already (or does not exist). */
    boolean markDone(@Param("id") long id, @Param("at") Instant at, @Param("by") String by,
                     @Param("note") String note);

    /** Moves a rule's open deadline to a new due date and title (the rule's inputs changed). */
    void reschedule(@Param("id") long id, @Param("dueDate") LocalDate dueDate, @Param("title") String title);

    void snooze(@Param("id") long id, @Param("until") Instant until);

    /**
     * Claims a reminder; fails with a duplicate key when it was sent already. Many claims go as one JDBC batch
     * ({@code MapperBatches}): one multi-row INSERT on MySQL/MariaDB.
     */
    void claimReminder(@Param("claim") SentReminder claim);

    List<Instant> remindersSent(@Param("deadlineId") long deadlineId, @Param("kind") String kind);

    /**
     * The reminders and escalations scheduled at or after an instant of every deadline due in a range (both ends
     * included): one query, however many deadlines.
     */
    List<SentReminder> remindersOfDueBetween(@Param("from") LocalDate from, @Param("to") LocalDate to,
                                             @Param("since") Instant since);

    /** The reminders and escalations of the deadlines (ids not empty) scheduled at or after an instant. */
    List<SentReminder> remindersAmong(@Param("ids") Collection<Long> deadlineIds, @Param("since") Instant since);

    /** Every reminder and escalation of a deadline, in the order they were scheduled. */
    List<SentReminder> remindersOf(@Param("deadlineId") long deadlineId);

    /** When the latest reminder of each of the deadlines went out (one per deadline that had any; ids not empty). */
    List<LastReminder> lastReminders(@Param("ids") List<Long> deadlineIds);

    void insertFeedback(CityFeedback feedback);

    List<CityFeedback> feedbacksOf(@Param("cityId") long cityId);

    Optional<CityFeedback> latestFeedback(@Param("cityId") long cityId);

    List<ReminderSettingRow> findSettings();

    void upsertSetting(ReminderSettingRow setting);

    int deleteSetting(@Param("key") String key);
}
