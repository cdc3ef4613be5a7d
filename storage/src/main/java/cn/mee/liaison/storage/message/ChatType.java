package cn.mee.liaison.storage.message;

/** Whether a message was said in a group chat or in a single (one-to-one) chat with the bot. */
public enum ChatType {
    GROUP,
    SINGLE
}
