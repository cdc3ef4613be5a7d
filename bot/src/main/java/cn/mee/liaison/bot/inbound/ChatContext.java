package cn.mee.liaison.bot.inbound;

import cn.mee.liaison.storage.directory.CampaignRound;
import cn.mee.liaison.storage.directory.Chat;
import cn.mee.liaison.storage.directory.City;
import cn.mee.liaison.storage.directory.GroupMember;
import cn.mee.liaison.storage.directory.MemberRole;
import cn.mee.liaison.storage.directory.OrgUnit;
import cn.mee.liaison.storage.directory.WorkGroup;
import java.util.List;
import java.util.Optional;

/**
 * Where a message was said and by whom, resolved against the directory: the chat and its work group, unit, city and
 * round (all empty for an unknown chat or a bureau chat), and what the sender is in the organisation.
 */
public record ChatContext(
        Optional<Chat> chat,
        Optional<WorkGroup> group,
        Optional<OrgUnit> unit,
        Optional<City> city,
        Optional<CampaignRound> round,
        String senderId,
        String senderName,
        Optional<GroupMember> membership,
        boolean bureauStaff,
        List<OrgUnit> coordinatorOf) {

    public boolean inBureauChat() {
        return chat.map(Chat::bureauChat).orElse(false);
    }

    public boolean inGroupChat() {
        return group.isPresent();
    }

    public boolean senderIsLeader() {
        return membership.map(m -> m.role() == MemberRole.LEADER).orElse(false);
    }

    /** Bureau staff, or anyone speaking in a bureau chat. */
    public boolean speaksForBureau() {
        return bureauStaff || inBureauChat();
    }

    public boolean coordinates(Long unitId) {
        return unitId != null && coordinatorOf.stream().anyMatch(u -> u.id().equals(unitId));
    }

    public Long groupId() {
        return group.map(WorkGroup::id).orElse(null);
    }

    public Long unitId() {
        return unit.map(OrgUnit::id).orElse(null);
    }

    public Long cityId() {
        return city.map(City::id).orElse(null);
    }

    public Long roundId() {
        return round.map(CampaignRound::id).orElse(null);
    }

    public String groupName() {
        return group.map(WorkGroup::name).orElse(null);
    }
}
