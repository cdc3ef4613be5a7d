package cn.mee.liaison.storage.outbox;

public enum OutboxStatus {
    /** Waiting for its time (next_attempt_at). */
    PENDING,
    /** Claimed by a worker until claimed_until; if the worker dies, it becomes due again after that. */
    SENDING,
    SENT,
    /** Given up: a permanent error or the retry deadline passed; last_error says why. */
    FAILED,
    CANCELLED
}
