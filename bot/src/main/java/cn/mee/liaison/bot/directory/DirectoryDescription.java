package cn.mee.liaison.bot.directory;

import cn.mee.liaison.storage.directory.CampaignRound;
import cn.mee.liaison.storage.directory.Chat;
import cn.mee.liaison.storage.directory.OrgUnit;
import cn.mee.liaison.storage.directory.WorkGroup;
import java.util.List;

/**
 * The stored organisation written out as a document, the same shape that is imported; webhook keys in full, or
 * masked (for those who may not send through them).
 */
final class DirectoryDescription {

    private DirectoryDescription() {
    }

    static DirectoryDocument of(DirectorySnapshot s) {
        return of(s, true);
    }

    static DirectoryDocument of(DirectorySnapshot s, boolean webhookKeys) {
        List<DirectoryDocument.Unit> units = s.units().stream()
                .map(u -> new DirectoryDocument.Unit(u.name(), coordinator(u))).toList();
        List<DirectoryDocument.City> cities = s.cities().stream()
                .map(c -> new DirectoryDocument.City(c.name(), s.unitName(c.leadUnitId()),
                        s.coUnitsOf(c.id()).stream().map(s::unitName).toList()))
                .toList();
        List<DirectoryDocument.Round> rounds = s.rounds().stream().map(DirectoryDescription::round).toList();
        List<DirectoryDocument.WorkGroup> groups = s.groups().stream().map(g -> group(s, g, webhookKeys)).toList();
        List<DirectoryDocument.Chat> bureauChats = s.bureauChats().stream().map(c -> chat(c, webhookKeys)).toList();
        List<DirectoryDocument.Person> staff = s.bureauStaff().stream()
                .map(p -> new DirectoryDocument.Person(p.userId(), p.name())).toList();
        return new DirectoryDocument(units, cities, rounds, groups, bureauChats, staff);
    }

    private static DirectoryDocument.Person coordinator(OrgUnit unit) {
        return unit.coordinatorUserId() == null ? null
                : new DirectoryDocument.Person(unit.coordinatorUserId(), unit.coordinatorName());
    }

    private static DirectoryDocument.Round round(CampaignRound r) {
        return new DirectoryDocument.Round(r.name(), r.startDate().toString(), r.endDate().toString());
    }

    private static DirectoryDocument.WorkGroup group(DirectorySnapshot s, WorkGroup g, boolean webhookKeys) {
        return new DirectoryDocument.WorkGroup(g.name(), s.cityName(g.cityId()), s.unitName(g.unitId()),
                g.kind().name(), s.roundName(g.roundId()),
                s.membersOf(g.id()).stream()
                        .map(m -> new DirectoryDocument.Member(m.userId(), m.name(), m.role().name())).toList(),
                s.chatsOf(g.id()).stream().map(c -> chat(c, webhookKeys)).toList());
    }

    private static DirectoryDocument.Chat chat(Chat c, boolean webhookKeys) {
        String key = webhookKeys ? c.webhookKey() : masked(c.webhookKey());
        return new DirectoryDocument.Chat(c.channel().name(), c.chatId(), key, c.name());
    }

    /** A webhook key hidden but for its last four characters, enough to tell two apart. */
    static String masked(String key) {
        if (key == null) {
            return null;
        }
        return key.length() > 8 ? "****" + key.substring(key.length() - 4) : "****";
    }
}
