package cn.mee.liaison.bot.deadline;

import cn.mee.liaison.bot.directory.DirectorySnapshot;
import cn.mee.liaison.storage.directory.Channel;
import cn.mee.liaison.storage.directory.Chat;
import cn.mee.liaison.storage.directory.GroupKind;
import cn.mee.liaison.storage.directory.GroupMember;
import cn.mee.liaison.storage.directory.MemberRole;
import cn.mee.liaison.storage.directory.OrgUnit;
import cn.mee.liaison.storage.directory.WorkGroup;
import cn.mee.liaison.storage.outbox.TargetType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Who owes a deadline, and so is reminded of it: a unit's quarterly report its coordinator (personally) and its
 * groups' chats; a city's feedback the lead unit's coordinator and the city's central group; a round's summary,
 * evaluation and the next personnel list the central groups and the units' coordinators; a custom deadline its unit
 * or city, else the bureau chats. The groups are those of the rounds running that day.
 */
final class DeadlineRecipients {

    /** One place a reminder goes. */
    record Target(Channel channel, TargetType type, String id, String mentions) {
    }

    private DeadlineRecipients() {
    }

    static List<Target> of(Deadline deadline, DirectorySnapshot s, LocalDate today) {
        Map<String, Target> targets = new LinkedHashMap<>();
        Long unitId = deadline.row().unitId();
        Long cityId = deadline.row().cityId();
        switch (deadline.kind()) {
            case QUARTERLY_REPORT -> {
                coordinator(s, unitId, today, targets);
                chats(s, today, g -> Objects.equals(g.unitId(), unitId), targets);
            }
            case CITY_FEEDBACK -> {
                coordinator(s, unitId, today, targets);
                chats(s, today, g -> Objects.equals(g.cityId(), cityId) && g.kind() == GroupKind.CENTRAL, targets);
            }
            case ROUND_SUMMARY, EVALUATION -> {
                Long roundId = deadline.row().roundId();
                chats(s, today, g -> Objects.equals(g.roundId(), roundId) && g.kind() == GroupKind.CENTRAL, targets);
                s.groups().stream().filter(g -> Objects.equals(g.roundId(), roundId)).map(WorkGroup::unitId)
                        .distinct().forEach(u -> coordinator(s, u, today, targets));
            }
            case PERSONNEL_LIST -> {
                // the units sending people in the round it concerns; all units while that round has no groups yet
                Long roundId = deadline.row().roundId();
                List<Long> units = s.groups().stream().filter(g -> Objects.equals(g.roundId(), roundId))
                        .map(WorkGroup::unitId).distinct().toList();
                (units.isEmpty() ? s.units().stream().map(OrgUnit::id).toList() : units)
                        .forEach(u -> coordinator(s, u, today, targets));
            }
            case CUSTOM -> {
                if (unitId != null) {
                    coordinator(s, unitId, today, targets);
                    chats(s, today, g -> Objects.equals(g.unitId(), unitId)
                            && (cityId == null || Objects.equals(g.cityId(), cityId)), targets);
                } else if (cityId != null) {
                    chats(s, today, g -> Objects.equals(g.cityId(), cityId) && g.kind() == GroupKind.CENTRAL,
                            targets);
                } else {
                    bureau(s, targets);
                }
            }
        }
        return List.copyOf(targets.values());
    }

    static List<Target> bureau(DirectorySnapshot s) {
        Map<String, Target> targets = new LinkedHashMap<>();
        bureau(s, targets);
        return List.copyOf(targets.values());
    }

    private static void bureau(DirectorySnapshot s, Map<String, Target> targets) {
        s.bureauChats().forEach(c -> targets.putIfAbsent(c.channel() + "|" + c.chatId(),
                new Target(c.channel(), TargetType.CHAT, c.chatId(), null)));
    }

    private static void chats(DirectorySnapshot s, LocalDate today, Predicate<WorkGroup> which,
                              Map<String, Target> targets) {
        Set<Long> running = s.rounds().stream().filter(r -> r.covers(today)).map(r -> r.id())
                .collect(Collectors.toSet());
        for (WorkGroup group : s.groups()) {
            if (!running.contains(group.roundId()) || !which.test(group)) {
                continue;
            }
            String leaders = s.membersOf(group.id()).stream().filter(m -> m.role() == MemberRole.LEADER)
                    .map(GroupMember::userId).collect(Collectors.joining(","));
            for (Chat chat : s.chatsOf(group.id())) {
                targets.putIfAbsent(chat.channel() + "|" + chat.chatId(), new Target(chat.channel(), TargetType.CHAT,
                        chat.chatId(), leaders.isEmpty() ? null : leaders));
            }
        }
    }

    private static void coordinator(DirectorySnapshot s, Long unitId, LocalDate today, Map<String, Target> targets) {
        OrgUnit unit = unitId == null ? null : s.unit(unitId).orElse(null);
        if (unit == null || unit.coordinatorUserId() == null || unit.coordinatorUserId().isBlank()) {
            return;
        }
        Channel personal = personalChannel(s, unitId);
        targets.putIfAbsent("USER|" + personal + "|" + unit.coordinatorUserId(),
                new Target(personal, TargetType.USER, unit.coordinatorUserId(), null));
    }

    /** Where the unit's people are told things directly: the personal side of the door its groups' chats use. */
    private static Channel personalChannel(DirectorySnapshot s, Long unitId) {
        List<Chat> chats = new ArrayList<>();
        s.groups().stream().filter(g -> Objects.equals(g.unitId(), unitId)).forEach(g -> chats.addAll(s.chatsOf(g.id())));
        chats.addAll(s.bureauChats());
        return chats.isEmpty() ? Channel.SANDBOX : chats.get(0).channel().personal();
    }
}
