package cn.mee.liaison.bot.channel.wechaty;

import cn.mee.liaison.bot.directory.DirectoryCache;
import cn.mee.liaison.bot.directory.DirectorySnapshot;
import cn.mee.liaison.storage.directory.Channel;
import cn.mee.liaison.storage.directory.Chat;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Room events of the puppet service (join, leave, topic), told in the log with the room's id and, where the directory
 * knows the room, its work group and what the change means for it: who joined without being a member of the work
 * group, and — a warning, since notices to the room no longer reach them — which of its members left.
 */
@Component
class WechatyRooms {

    private static final Logger log = LoggerFactory.getLogger(WechatyRooms.class);

    private final DirectoryCache directory;

    WechatyRooms(DirectoryCache directory) {
        this.directory = directory;
    }

    void joined(JsonNode event) {
        Room room = room(event);
        List<String> joined = ids(event.path("inviteeIdList"));
        String inviter = event.path("inviterId").asText("");
        if (room.owner() == null) {
            log.info("WeChat room {} (not in the directory): {} joined, invited by {}", room.id(), joined, inviter);
            return;
        }
        List<String> outsiders = joined.stream().filter(id -> !room.members().contains(id)).toList();
        log.info("WeChat room {} of {}: {} joined, invited by {}; not members of it in the directory: {}", room.id(),
                room.owner(), joined, inviter, outsiders);
    }

    void left(JsonNode event) {
        Room room = room(event);
        List<String> left = ids(event.path("removeeIdList"));
        String remover = event.path("removerId").asText("");
        if (room.owner() == null) {
            log.info("WeChat room {} (not in the directory): {} left (removed by {})", room.id(), left, remover);
            return;
        }
        List<String> membersGone = left.stream().filter(room.members()::contains).toList();
        if (membersGone.isEmpty()) {
            log.info("WeChat room {} of {}: {} left (removed by {}); none of them a member in the directory",
                    room.id(), room.owner(), left, remover);
        } else {
            log.warn("WeChat room {} of {}: members {} left (removed by {}); what is sent to the room no longer "
                    + "reaches them: update the directory or invite them again", room.id(), room.owner(),
                    membersGone, remover);
        }
    }

    /** The event's room: its id, and for a room in the directory whose it is and the people who belong in it. */
    private Room room(JsonNode event) {
        String id = event.path("roomId").asText("");
        DirectorySnapshot s = directory.snapshot();
        Optional<Chat> chat = s.chat(Channel.WECHATY, id);
        return chat.map(c -> new Room(id, owner(s, c), s.peopleIn(c))).orElse(new Room(id, null, List.of()));
    }

    private record Room(String id, String owner, List<String> members) {
    }

    void topicChanged(JsonNode event) {
        String room = event.path("roomId").asText("");
        Optional<Chat> chat = directory.snapshot().chat(Channel.WECHATY, room);
        log.info("WeChat room {}{} is now called \"{}\" (was \"{}\", changed by {})", room,
                chat.map(c -> " of " + owner(directory.snapshot(), c)).orElse(" (not in the directory)"),
                event.path("newTopic").asText(""), event.path("oldTopic").asText(""),
                event.path("changerId").asText(""));
    }

    private static String owner(DirectorySnapshot s, Chat chat) {
        return chat.bureauChat() ? "the bureau" : "work group " + s.groupName(chat.workGroupId());
    }

    private static List<String> ids(JsonNode list) {
        List<String> ids = new ArrayList<>();
        list.forEach(id -> ids.add(id.asText()));
        return ids;
    }
}
