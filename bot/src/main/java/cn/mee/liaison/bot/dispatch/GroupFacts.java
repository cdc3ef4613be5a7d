package cn.mee.liaison.bot.dispatch;

import cn.mee.liaison.bot.directory.DirectorySnapshot;
import cn.mee.liaison.storage.directory.Chat;
import cn.mee.liaison.storage.directory.GroupMember;
import cn.mee.liaison.storage.directory.MemberRole;
import cn.mee.liaison.storage.directory.WorkGroup;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What a board shows of a group whatever the day: its city, unit, chats and leaders. */
record GroupFacts(String city, String unit, List<Chat> chats, List<GroupMember> leaders) {

    /** Looks the groups up in the directory once each, for a board or all the days of a range. */
    static final class Lookup {

        private final DirectorySnapshot snapshot;
        private final Map<Long, GroupFacts> facts = new HashMap<>();

        Lookup(DirectorySnapshot snapshot) {
            this.snapshot = snapshot;
        }

        DirectorySnapshot snapshot() {
            return snapshot;
        }

        GroupFacts of(WorkGroup group) {
            return facts.computeIfAbsent(group.id(), id -> new GroupFacts(snapshot.cityName(group.cityId()),
                    snapshot.unitName(group.unitId()), snapshot.chatsOf(id),
                    snapshot.membersOf(id).stream().filter(m -> m.role() == MemberRole.LEADER).toList()));
        }
    }
}
