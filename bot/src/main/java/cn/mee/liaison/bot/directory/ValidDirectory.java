package cn.mee.liaison.bot.directory;

import cn.mee.liaison.storage.directory.Channel;
import cn.mee.liaison.storage.directory.GroupKind;
import cn.mee.liaison.storage.directory.MemberRole;
import java.time.LocalDate;
import java.util.List;

/** A directory document that passed {@link DirectoryValidator}: typed, complete, consistent. */
record ValidDirectory(List<UnitEntry> units, List<CityEntry> cities, List<RoundEntry> rounds,
                      List<GroupEntry> groups, List<ChatEntry> bureauChats, List<StaffEntry> bureauStaff) {

    record UnitEntry(String name, String coordinatorUserId, String coordinatorName) {
    }

    record CityEntry(String name, String leadUnit, List<String> coUnits) {
    }

    record RoundEntry(String name, LocalDate start, LocalDate end) {
    }

    /** members and chats are null when the document left them out (keep the current ones). */
    record GroupEntry(String name, String city, String unit, GroupKind kind, String round,
                      List<MemberEntry> members, List<ChatEntry> chats) {
    }

    record MemberEntry(String userId, String name, MemberRole role) {
    }

    record ChatEntry(Channel channel, String chatId, String webhookKey, String name) {
    }

    record StaffEntry(String userId, String name) {
    }
}
