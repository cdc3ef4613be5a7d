package cn.mee.liaison.bot.dispatch;

import cn.mee.liaison.bot.directory.DirectorySnapshot;
import cn.mee.liaison.bot.web.BadRequest;
import cn.mee.liaison.storage.directory.CampaignRound;
import cn.mee.liaison.storage.directory.GroupKind;
import java.util.List;

/**
 * A plan as edited, in the API ({@code PUT /api/v1/dispatch/plans}) and in the console (调度方案); both save it through
 * {@link DispatchPlans#save(PlanRequest, DirectorySnapshot, String)}, so they check it the same way.
 *
 * @param round     the round's name; none for every round
 * @param kind      the group kind; none for every kind
 * @param reminders times of day, e.g. ["19:00", "20:30"]
 * @param days      WORKDAYS, EVERY_DAY or AUTUMN_WINTER_EVERY_DAY
 */
public record PlanRequest(String round, GroupKind kind, Boolean enabled, List<PlanItem> fields, String promptAt,
                          List<String> reminders, String closeAt, ReportingDays days) {

    /** The round's id, none for every round; an unknown name is refused. */
    Long roundId(DirectorySnapshot snapshot) {
        if (round == null || round.isBlank()) {
            return null;
        }
        return snapshot.roundNamed(round.strip()).map(CampaignRound::id)
                .orElseThrow(() -> new BadRequest("invalid_request", "round：没有名为\u201c" + round + "\u201d的轮次"));
    }
}
