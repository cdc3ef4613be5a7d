package cn.mee.liaison.storage.deadline;

import java.time.Instant;

/** When the latest reminder (or escalation) of a deadline went out. */
public record LastReminder(long deadlineId, Instant sentAt) {
}
