package cn.mee.liaison.storage.directory;

/** A chat the bot is in, bound to a work group or, with no work group, a chat of the bureau. */
public record Chat(Long id, Channel channel, String chatId, Long workGroupId, String name, String webhookKey) {

    public boolean bureauChat() {
        return workGroupId == null;
    }
}
