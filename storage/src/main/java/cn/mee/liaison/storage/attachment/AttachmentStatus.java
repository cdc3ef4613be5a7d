package cn.mee.liaison.storage.attachment;

public enum AttachmentStatus {
    /** Waiting to be fetched from the platform. */
    PENDING,
    /** Claimed by a worker until claimed_until. */
    FETCHING,
    STORED,
    /** Given up (the platform's link expired, or too many failures); last_error says why. */
    FAILED
}
