package cn.mee.liaison.storage.outbox;

/** Why the bot says something: shown in the console and used for pacing priorities. */
public enum Purpose {
    /** The answer to a member's message. */
    REPLY,
    /** Something passed on at once, such as an emergency (急报) to the bureau and the coordinator. */
    RELAY,
    NOTICE,
    PROMPT,
    REMINDER,
    /** A digest posted on a schedule, such as the day's dispatch summary. */
    SUMMARY
}
