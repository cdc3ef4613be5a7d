package cn.mee.liaison.bot.dispatch;

import cn.mee.liaison.bot.classify.FieldSpec;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What became of a report: the day it counts for, the figures as understood (with what an earlier report of the
 * day supplied), what required items are still missing, and how it counts.
 *
 * @param dispatchDay whether the group reports on that day at all (a report on a day off is filed, nothing more)
 * @param replaced    whether it replaced an earlier report of the day (kept in the history)
 * @param late        whether the group's report of the day came after the close time
 */
public record ReportReceipt(LocalDate day, DispatchPlan plan, Map<String, Object> fields, List<FieldSpec> missing,
                            boolean dispatchDay, boolean replaced, boolean late) {

    public boolean complete() {
        return missing.isEmpty();
    }
}
