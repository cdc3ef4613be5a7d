package cn.mee.liaison.bot.notice;

import cn.mee.liaison.bot.directory.DirectorySnapshot;
import cn.mee.liaison.storage.directory.CampaignRound;
import cn.mee.liaison.storage.directory.Chat;
import cn.mee.liaison.storage.directory.City;
import cn.mee.liaison.storage.directory.GroupKind;
import cn.mee.liaison.storage.directory.OrgUnit;
import cn.mee.liaison.storage.directory.WorkGroup;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Turns a selection into the chats it reaches, against one snapshot of the directory. */
final class TargetResolver {

    private final DirectorySnapshot s;
    private final LocalDate day;

    TargetResolver(DirectorySnapshot snapshot, LocalDate day) {
        this.s = snapshot;
        this.day = day;
    }

    TargetResolution resolve(NoticeTargets targets) {
        List<String> unknown = new ArrayList<>();
        Map<String, Recipient> recipients = new LinkedHashMap<>();
        List<String> unreachable = new ArrayList<>();
        if (targets.selectsGroups()) {
            for (WorkGroup group : groups(targets, unknown)) {
                List<Chat> chats = s.chatsOf(group.id());
                if (chats.isEmpty()) {
                    unreachable.add(group.name());
                }
                chats.forEach(chat -> recipients.putIfAbsent(key(chat), recipient(chat)));
            }
        }
        for (String chatId : targets.chatIds()) {
            List<Chat> matching = s.chats().stream().filter(c -> c.chatId().equals(chatId)).toList();
            if (matching.isEmpty()) {
                unknown.add("群ID\u201c" + chatId + "\u201d");
            }
            matching.forEach(chat -> recipients.putIfAbsent(key(chat), recipient(chat)));
        }
        return new TargetResolution(List.copyOf(recipients.values()), unreachable, unknown);
    }

    private List<WorkGroup> groups(NoticeTargets t, List<String> unknown) {
        Set<Long> rounds = t.rounds().isEmpty() ? currentRounds()
                : ids(t.rounds(), name -> s.roundNamed(name).map(CampaignRound::id), "轮次", unknown);
        Set<Long> cities = ids(t.cities(), name -> s.cityNamed(name).map(City::id), "城市", unknown);
        Set<Long> units = ids(t.units(), name -> s.unitNamed(name).map(OrgUnit::id), "包保单位", unknown);
        Set<GroupKind> kinds = t.kinds().stream().map(k -> kind(k, unknown)).filter(k -> k != null)
                .collect(Collectors.toSet());
        return s.groups().stream()
                .filter(g -> rounds.contains(g.roundId()))
                .filter(g -> t.cities().isEmpty() || cities.contains(g.cityId()))
                .filter(g -> t.units().isEmpty() || units.contains(g.unitId()))
                .filter(g -> t.kinds().isEmpty() || kinds.contains(g.kind()))
                .sorted(Comparator.comparing((WorkGroup g) -> s.cityName(g.cityId())).thenComparing(WorkGroup::kind)
                        .thenComparing(WorkGroup::name))
                .toList();
    }

    /** The rounds running on the day; between rounds, the latest one. */
    private Set<Long> currentRounds() {
        Set<Long> running = s.rounds().stream().filter(r -> r.covers(day)).map(CampaignRound::id)
                .collect(Collectors.toSet());
        if (!running.isEmpty()) {
            return running;
        }
        return s.rounds().stream().filter(r -> !r.startDate().isAfter(day))
                .max(Comparator.comparing(CampaignRound::startDate)).map(r -> Set.of(r.id())).orElse(Set.of());
    }

    private static Set<Long> ids(List<String> names, java.util.function.Function<String, Optional<Long>> lookup,
                                 String what, List<String> unknown) {
        Set<Long> ids = new java.util.HashSet<>();
        for (String name : names) {
            Optional<Long> id = lookup.apply(name);
            if (id.isPresent()) {
                ids.add(id.get());
            } else {
                unknown.add(what + "\u201c" + name + "\u201d");
            }
        }
        return ids;
    }

    private static GroupKind kind(String text, List<String> unknown) {
        for (GroupKind kind : GroupKind.values()) {
            if (kind.name().equalsIgnoreCase(text) || kind.label().equals(text)) {
                return kind;
            }
        }
        unknown.add("工作组类型\u201c" + text + "\u201d");
        return null;
    }

    private Recipient recipient(Chat chat) {
        if (chat.bureauChat()) {
            return new Recipient(chat, null, "执法局", null, null);
        }
        WorkGroup group = s.group(chat.workGroupId()).orElseThrow();
        return new Recipient(chat, group, group.name(), s.cityName(group.cityId()), s.unitName(group.unitId()));
    }

    private static String key(Chat chat) {
        return chat.channel() + "/" + chat.chatId();
    }
}
