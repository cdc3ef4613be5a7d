package cn.mee.liaison.bot.dispatch;

import cn.mee.liaison.bot.classify.FieldSpec;
import cn.mee.liaison.storage.directory.Chat;
import cn.mee.liaison.storage.directory.GroupMember;
import cn.mee.liaison.storage.directory.WorkGroup;
import cn.mee.liaison.storage.dispatch.DailyReportRow;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One group on the day's board.
 *
 * @param chats   the group's chats, where its prompt and reminders go
 * @param leaders the group's leaders, @-mentioned in reminders
 * @param expected whether the group reports on the day (one that reported on a day off is shown, not expected)
 * @param report  its current report of the day, if any
 * @param missing the required items its report still lacks
 */
public record BoardRow(WorkGroup group, String city, String unit, DispatchPlan plan, List<Chat> chats,
                       List<GroupMember> leaders, boolean expected, ReportStatus status, Optional<DailyReportRow> report,
                       List<FieldSpec> missing) {

    public Optional<Instant> submittedAt() {
        return report.map(DailyReportRow::submittedAt);
    }

    public Map<String, Object> fields() {
        return report.map(DailyReportRow::fields).orElse(Map.of());
    }

    public boolean reported() {
        return status != ReportStatus.MISSING;
    }

    /** Whether the group reported with every required item. */
    public boolean complete() {
        return reported() && missing.isEmpty();
    }

    /** Whether the group reported but its report lacks required items (its status still SUBMITTED or LATE). */
    public boolean incomplete() {
        return reported() && !missing.isEmpty();
    }

    /** Whether the group still owes the day something: it reports on the day and has no complete report yet. */
    public boolean owing() {
        return expected && !complete();
    }

    /** The first chat's id, as the API names a group's chat. */
    public String chatId() {
        return chats.isEmpty() ? null : chats.get(0).chatId();
    }
}
