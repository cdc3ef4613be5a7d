package cn.mee.liaison.storage.notice;

public enum NoticeKind {
    /** Written by the bureau. */
    NOTICE,
    /** The periodic digest of typical cases marked for sharing. */
    CASE_DIGEST
}
