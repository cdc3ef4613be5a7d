package cn.mee.liaison.bot.notice;

import cn.mee.liaison.storage.directory.Chat;
import cn.mee.liaison.storage.directory.WorkGroup;

/** A chat a notice will reach, with the work group it belongs to (none for a bureau chat). */
public record Recipient(Chat chat, WorkGroup group, String groupName, String cityName, String unitName) {

    public String door() {
        return chat.channel().label();
    }

    /** Whether the chat can acknowledge a notice: its members' 收到 reaches the bot. */
    public boolean ackable() {
        return chat.channel().hearsGroupReplies();
    }
}
