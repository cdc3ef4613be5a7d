package cn.mee.liaison.bot.inbound;

import cn.mee.liaison.bot.directory.DirectorySnapshot;
import cn.mee.liaison.storage.directory.Chat;
import cn.mee.liaison.storage.directory.GroupMember;
import cn.mee.liaison.storage.directory.WorkGroup;
import java.util.Optional;

/** Resolves a message's {@link ChatContext} from a directory snapshot. */
public final class ChatContexts {

    private ChatContexts() {
    }

    public static ChatContext resolve(InboundMessage message, DirectorySnapshot directory) {
        Optional<Chat> chat = directory.chat(message.channel(), message.chatId());
        Optional<WorkGroup> group = chat.flatMap(c -> directory.group(c.workGroupId()));
        Optional<GroupMember> membership = group.flatMap(g -> directory.membersOf(g.id()).stream()
                .filter(m -> m.userId().equals(message.senderId())).findFirst());
        String name = message.senderName() != null && !message.senderName().isBlank() ? message.senderName()
                : membership.map(GroupMember::name).or(() -> directory.nameOf(message.senderId())).orElse(null);
        return new ChatContext(chat, group,
                group.flatMap(g -> directory.unit(g.unitId())),
                group.flatMap(g -> directory.city(g.cityId())),
                group.flatMap(g -> directory.round(g.roundId())),
                message.senderId(), name, membership,
                directory.isBureauStaff(message.senderId()),
                directory.unitsCoordinatedBy(message.senderId()));
    }
}
