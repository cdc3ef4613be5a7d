package cn.mee.liaison.bot.command;

import cn.mee.liaison.bot.deadline.Deadline;
import cn.mee.liaison.bot.inbound.ChatContext;
import cn.mee.liaison.scheduler.deadline.DeadlineKind;
import cn.mee.liaison.storage.directory.GroupKind;
import cn.mee.liaison.storage.directory.OrgUnit;
import cn.mee.liaison.storage.directory.WorkGroup;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Which deadlines a sender sees in 待办 and may close or put off. The bureau: all. A unit's coordinator: the unit's
 * (its quarterly reports, the feedback to the cities it leads, its custom ones). In a work group's chat: the group's
 * unit's, its city's and its round's; a group leader may close those of the unit, and the leader of a central group
 * also those of its city and round.
 */
record DeadlineReach(ChatContext sender) {

    boolean sees(Deadline deadline) {
        if (sender.speaksForBureau() || mayClose(deadline)) {
            return true;
        }
        Long unitId = deadline.row().unitId();
        return Objects.equals(unitId, sender.unitId()) && unitId != null
                || sender.cityId() != null && sender.cityId().equals(deadline.row().cityId())
                || sender.roundId() != null && sender.roundId().equals(deadline.row().roundId())
                || deadline.kind() == DeadlineKind.PERSONNEL_LIST && !units().isEmpty();
    }

    boolean mayClose(Deadline deadline) {
        if (sender.speaksForBureau()) {
            return true;
        }
        Long unitId = deadline.row().unitId();
        if (unitId != null && sender.coordinates(unitId)) {
            return true;
        }
        Optional<WorkGroup> led = sender.senderIsLeader() ? sender.group() : Optional.empty();
        if (led.isEmpty()) {
            return false;
        }
        WorkGroup group = led.get();
        if (unitId != null && unitId.equals(group.unitId())) {
            return true;
        }
        return group.kind() == GroupKind.CENTRAL
                && (group.cityId().equals(deadline.row().cityId()) || group.roundId().equals(deadline.row().roundId()));
    }

    /** The responsible units the sender acts for: those they coordinate, and their group's. */
    Set<Long> units() {
        Set<Long> units = new HashSet<>();
        sender.coordinatorOf().stream().map(OrgUnit::id).forEach(units::add);
        if (sender.unitId() != null && (sender.senderIsLeader() || sender.membership().isPresent())) {
            units.add(sender.unitId());
        }
        return units;
    }

    /** The single unit the sender acts for, if there is exactly one. */
    Optional<Long> onlyUnit() {
        List<Long> units = List.copyOf(units());
        return units.size() == 1 ? Optional.of(units.get(0)) : Optional.empty();
    }
}
