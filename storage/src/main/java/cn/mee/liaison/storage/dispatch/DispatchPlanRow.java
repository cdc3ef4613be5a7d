package cn.mee.liaison.storage.dispatch;

import java.time.Instant;

/**
 * A stored dispatch plan.
 *
 * @param planKey   {@code default}, {@code round:<id>}, {@code kind:<KIND>} or {@code round:<id>|kind:<KIND>}
 * @param daysRule  which days the groups report: WORKDAYS, EVERY_DAY or AUTUMN_WINTER_EVERY_DAY
 * @param reminders times of day, comma separated, e.g. {@code 19:00,20:30}
 */
public record DispatchPlanRow(Long id, String planKey, Long roundId, String groupKind, boolean enabled,
                              String fieldsJson, String promptAt, String reminders, String closeAt,
                              String daysRule, String updatedBy, Instant updatedAt) {
}
