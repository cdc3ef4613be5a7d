package cn.mee.liaison.storage.outbox;

/** Whom an outbox row is for: a chat, or one person directly. */
public enum TargetType {
    CHAT,
    USER
}
