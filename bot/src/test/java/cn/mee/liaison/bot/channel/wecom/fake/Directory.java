package cn.mee.liaison.bot.channel.wecom.fake;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The corp's members and the app group chats (appchat) that exist. */
final class Directory {

    /**
     * An app group chat.
     *
     * @param creator the app that created it, or null for a chat set up by the test (any app may send to it)
     */
    record Chat(String chatId, String name, String owner, List<String> members, TokenIssuer.App creator) {
    }

    private final Set<String> members = new LinkedHashSet<>();
    private final Map<String, Chat> chats = new HashMap<>();

    synchronized void member(String userId) {
        members.add(userId);
    }

    synchronized boolean isMember(String userId) {
        return members.contains(userId);
    }

    synchronized List<String> members() {
        return List.copyOf(members);
    }

    synchronized Optional<Chat> chat(String chatId) {
        return Optional.ofNullable(chats.get(chatId));
    }

    /** Adds the chat unless its id is taken; true if added. */
    synchronized boolean addChat(Chat chat) {
        return chats.putIfAbsent(chat.chatId(), chat) == null;
    }
}
