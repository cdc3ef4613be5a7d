package cn.mee.liaison.bot.classify;

/** What a field holds, and so how its value is read and stored in a {@link ParsedRecord}. */
public enum FieldKind {
    /** A count, stored as {@link Long}; {@code 无}/{@code 没有}/{@code 未发现} read as 0. */
    NUMBER,
    /** Free text, stored as {@link String}. */
    TEXT,
    /** A calendar day, stored as an ISO {@link String} such as {@code 2026-11-28}. */
    DATE
}
