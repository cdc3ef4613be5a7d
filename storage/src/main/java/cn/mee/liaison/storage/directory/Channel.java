package cn.mee.liaison.storage.directory;

/** The door through which the bot reaches a chat. */
public enum Channel {
    /** The built-in simulated chat platform (console 模拟群聊 and the sandbox API). */
    SANDBOX("模拟群聊", true),
    /** WeCom intelligent robot (智能机器人), webhook or long-connection mode. */
    WECOM_ROBOT("智能机器人", true),
    /** A group chat created by the self-built app, reached through appchat/send. */
    WECOM_APPCHAT("应用群聊", true),
    /** A group-robot webhook (消息推送): send only. */
    WECOM_WEBHOOK("群机器人Webhook", true),
    /** Single chats with the self-built app and direct messages to members (message/send). */
    WECOM_APP("应用单聊", false),
    /** A personal-WeChat room reached through a Wechaty puppet service. */
    WECHATY("个人微信", true);

    private final String label;
    private final boolean groupChat;

    Channel(String label, boolean groupChat) {
        this.label = label;
        this.groupChat = groupChat;
    }

    public String label() {
        return label;
    }

    /** Where a person is told something directly, for a message that came through (or a chat on) this door. */
    public Channel personal() {
        return switch (this) {
            case SANDBOX -> SANDBOX;
            case WECHATY -> WECHATY;
            default -> WECOM_APP;
        };
    }

    /**
     * Whether what members say in a group chat on this door reaches the bot, so that they can acknowledge a notice
     * (收到). A group-robot webhook only sends; the self-built app hears only what is said to it in single chats,
     * not what is said in the app's group chats (wecom.md).
     */
    public boolean hearsGroupReplies() {
        return this == SANDBOX || this == WECOM_ROBOT || this == WECHATY;
    }

    /** Whether a liaison group's chat can be on this channel (the app's single chats cannot). */
    public boolean groupChat() {
        return groupChat;
    }
}
