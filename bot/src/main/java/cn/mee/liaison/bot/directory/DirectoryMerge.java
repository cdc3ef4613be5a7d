package cn.mee.liaison.bot.directory;

import cn.mee.liaison.bot.directory.ValidDirectory.ChatEntry;
import cn.mee.liaison.bot.directory.ValidDirectory.CityEntry;
import cn.mee.liaison.bot.directory.ValidDirectory.GroupEntry;
import cn.mee.liaison.bot.directory.ValidDirectory.MemberEntry;
import cn.mee.liaison.bot.directory.ValidDirectory.RoundEntry;
import cn.mee.liaison.bot.directory.ValidDirectory.StaffEntry;
import cn.mee.liaison.bot.directory.ValidDirectory.UnitEntry;
import cn.mee.liaison.storage.directory.BureauStaff;
import cn.mee.liaison.storage.directory.CampaignRound;
import cn.mee.liaison.storage.directory.Chat;
import cn.mee.liaison.storage.directory.City;
import cn.mee.liaison.storage.directory.CityCoUnit;
import cn.mee.liaison.storage.directory.DirectoryMapper;
import cn.mee.liaison.storage.directory.GroupMember;
import cn.mee.liaison.storage.directory.OrgUnit;
import cn.mee.liaison.storage.directory.WorkGroup;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Merges a valid document into the stored organisation, writing only what differs. Units, cities, rounds, groups,
 * bureau chats and staff are upserted by their natural keys (name; round and name for groups; channel and chat id
 * for chats; user id for staff). A listed group's members and chats are replaced by the listed ones.
 */
final class DirectoryMerge {

    private final DirectoryMapper mapper;
    private final DirectorySnapshot stored;
    private final Map<String, Long> unitIds = new HashMap<>();
    private final Map<String, Long> cityIds = new HashMap<>();
    private final Map<String, Long> roundIds = new HashMap<>();
    private final Map<String, Long> groupIds = new HashMap<>();
    private final Map<String, Chat> chatsByKey = new HashMap<>();
    private int created;
    private int updated;
    private int removed;

    DirectoryMerge(DirectoryMapper mapper, DirectorySnapshot stored) {
        this.mapper = mapper;
        this.stored = stored;
        stored.units().forEach(u -> unitIds.put(u.name(), u.id()));
        stored.cities().forEach(c -> cityIds.put(c.name(), c.id()));
        stored.rounds().forEach(r -> roundIds.put(r.name(), r.id()));
        stored.groups().forEach(g -> groupIds.put(key(String.valueOf(g.roundId()), g.name()), g.id()));
        stored.chats().forEach(c -> chatsByKey.put(key(c.channel().name(), c.chatId()), c));
    }

    void apply(ValidDirectory doc) {
        doc.units().forEach(this::unit);
        doc.cities().forEach(this::city);
        doc.rounds().forEach(this::round);
        doc.groups().forEach(this::group);
        doc.bureauChats().forEach(chat -> chat(chat, null));
        doc.bureauStaff().forEach(this::staff);
    }

    int created() {
        return created;
    }

    int updated() {
        return updated;
    }

    int removed() {
        return removed;
    }

    int changes() {
        return created + updated + removed;
    }

    private void unit(UnitEntry entry) {
        Long id = unitIds.get(entry.name());
        OrgUnit wanted = new OrgUnit(id, entry.name(), entry.coordinatorUserId(), entry.coordinatorName());
        if (id == null) {
            unitIds.put(entry.name(), mapper.insert(wanted));
            created++;
        } else if (!wanted.equals(stored.unit(id).orElse(null))) {
            mapper.updateUnit(wanted);
            updated++;
        }
    }

    private void city(CityEntry entry) {
        Long id = cityIds.get(entry.name());
        City wanted = new City(id, entry.name(), unitIds.get(entry.leadUnit()));
        if (id == null) {
            id = mapper.insert(wanted);
            cityIds.put(entry.name(), id);
            created++;
        } else if (!wanted.equals(stored.city(id).orElse(null))) {
            mapper.updateCity(wanted);
            updated++;
        }
        Set<Long> wantedCo = new HashSet<>();
        entry.coUnits().forEach(name -> wantedCo.add(unitIds.get(name)));
        Set<Long> storedCo = new HashSet<>(stored.coUnitsOf(id));
        for (Long unit : wantedCo) {
            if (!storedCo.contains(unit)) {
                mapper.insertCityCoUnit(new CityCoUnit(id, unit));
                created++;
            }
        }
        for (Long unit : storedCo) {
            if (!wantedCo.contains(unit)) {
                mapper.deleteCityCoUnit(new CityCoUnit(id, unit));
                removed++;
            }
        }
    }

    private void round(RoundEntry entry) {
        Long id = roundIds.get(entry.name());
        CampaignRound wanted = new CampaignRound(id, entry.name(), entry.start(), entry.end());
        if (id == null) {
            roundIds.put(entry.name(), mapper.insert(wanted));
            created++;
        } else if (!wanted.equals(stored.round(id).orElse(null))) {
            mapper.updateRound(wanted);
            updated++;
        }
    }

    private void group(GroupEntry entry) {
        Long roundId = roundIds.get(entry.round());
        Long id = groupIds.get(key(String.valueOf(roundId), entry.name()));
        WorkGroup wanted = new WorkGroup(id, entry.name(), roundId, cityIds.get(entry.city()),
                unitIds.get(entry.unit()), entry.kind());
        if (id == null) {
            id = mapper.insert(wanted);
            groupIds.put(key(String.valueOf(roundId), entry.name()), id);
            created++;
        } else if (!wanted.equals(stored.group(id).orElse(null))) {
            mapper.updateWorkGroup(wanted);
            updated++;
        }
        if (entry.members() != null) {
            members(id, entry.members());
        }
        if (entry.chats() != null) {
            groupChats(id, entry.chats());
        }
    }

    private void members(long groupId, List<MemberEntry> wanted) {
        Map<String, GroupMember> current = new HashMap<>();
        stored.membersOf(groupId).forEach(m -> current.put(m.userId(), m));
        for (MemberEntry entry : wanted) {
            GroupMember existing = current.remove(entry.userId());
            if (existing == null) {
                mapper.insert(new GroupMember(null, groupId, entry.userId(), entry.name(), entry.role()));
                created++;
            } else if (!existing.name().equals(entry.name()) || existing.role() != entry.role()) {
                mapper.updateMember(new GroupMember(existing.id(), groupId, entry.userId(), entry.name(),
                        entry.role()));
                updated++;
            }
        }
        for (GroupMember gone : current.values()) {
            mapper.deleteMember(gone.id());
            removed++;
        }
    }

    private void groupChats(long groupId, List<ChatEntry> wanted) {
        Set<Long> kept = new HashSet<>();
        for (ChatEntry entry : wanted) {
            kept.add(chat(entry, groupId));
        }
        for (Chat chat : stored.chatsOf(groupId)) {
            if (!kept.contains(chat.id()) && chatsByKey.get(key(chat.channel().name(), chat.chatId())) == chat) {
                mapper.deleteChat(chat.id());
                chatsByKey.remove(key(chat.channel().name(), chat.chatId()));
                removed++;
            }
        }
    }

    /** Upserts a chat bound to a group (or to the bureau when groupId is null); returns its id. */
    private long chat(ChatEntry entry, Long groupId) {
        String key = key(entry.channel().name(), entry.chatId());
        Chat existing = chatsByKey.get(key);
        if (existing == null) {
            Chat row = new Chat(null, entry.channel(), entry.chatId(), groupId, entry.name(), entry.webhookKey());
            long id = mapper.insert(row);
            chatsByKey.put(key, new Chat(id, row.channel(), row.chatId(), groupId, row.name(), row.webhookKey()));
            created++;
            return id;
        }
        Chat wanted = new Chat(existing.id(), existing.channel(), existing.chatId(), groupId,
                entry.name() == null ? existing.name() : entry.name(), entry.webhookKey());
        if (!Objects.equals(wanted, existing)) {
            mapper.updateChat(wanted);
            chatsByKey.put(key, wanted);
            updated++;
        }
        return existing.id();
    }

    private void staff(StaffEntry entry) {
        BureauStaff existing = stored.bureauStaff().stream().filter(s -> s.userId().equals(entry.userId()))
                .findFirst().orElse(null);
        if (existing == null) {
            mapper.insertBureauStaff(new BureauStaff(entry.userId(), entry.name()));
            created++;
        } else if (!existing.name().equals(entry.name())) {
            mapper.updateBureauStaff(new BureauStaff(entry.userId(), entry.name()));
            updated++;
        }
    }

    private static String key(String first, String second) {
        return first + "\u0000" + second;
    }
}
