package cn.mee.liaison.storage.outbox;

public enum MessageFormat {
    TEXT,
    MARKDOWN
}
