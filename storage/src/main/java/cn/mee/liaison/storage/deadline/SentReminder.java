package cn.mee.liaison.storage.deadline;

import java.time.Instant;

/**
 * A reminder of a deadline that went out.
 *
 * @param remindAt the scheduled instant it was claimed for (reminders missed while the bot was down share a sentAt)
 * @param kind     REMIND or ESCALATE
 */
public record SentReminder(long deadlineId, Instant remindAt, String kind, Instant sentAt) {
}
