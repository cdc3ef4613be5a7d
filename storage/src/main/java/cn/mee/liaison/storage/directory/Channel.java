package cn.mee.liaison.storage.directory;

/** The door through which the bot reaches a chat. */
public enum Channel {
    /** The built-in simulated chat platform (console 模拟群聊 and the sandbox API). */
    SANDBOX,
    /** WeCom intelligent robot (智能机器人), webhook or long-connection mode. */
    WECOM_ROBOT,
    /** A group chat created by the self-built app, reached through appchat/send. */
    WECOM_APPCHAT,
    /** A group-robot webhook (消息推送): send only. */
    WECOM_WEBHOOK,
    /** Single chats with the self-built app and direct messages to members (message/send). */
    WECOM_APP,
    /** A personal-WeChat room reached through a Wechaty puppet service. */
    WECHATY
}
