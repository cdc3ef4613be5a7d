package cn.mee.liaison.storage.deadline;

import java.time.Instant;

/**
 * When reminders go out.
 *
 * @param settingKey {@code default}, {@code kind:<KIND>} or {@code unit:<id>}
 * @param leadDays days before the due day, comma separated, e.g. {@code 14,7,3,1,0}
 */
public record ReminderSettingRow(String settingKey, String leadDays, String timeOfDay, String updatedBy,
                                 Instant updatedAt) {
}
