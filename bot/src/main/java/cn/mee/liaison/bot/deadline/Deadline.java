package cn.mee.liaison.bot.deadline;

import cn.mee.liaison.bot.security.Viewer;
import cn.mee.liaison.scheduler.deadline.DeadlineKind;
import cn.mee.liaison.storage.deadline.DeadlineRow;
import cn.mee.liaison.storage.user.ConsoleRole;
import java.time.LocalDate;

/**
 * A deadline as people see it: the stored row, its status on a day, and the names of whom it concerns.
 *
 * @param unit  the responsible unit that owes it (for a city's feedback, the city's lead unit), if any
 * @param city  the city it concerns, if any
 * @param round the round it concerns, if any
 */
public record Deadline(DeadlineRow row, DeadlineStatus status, String unit, String city, String round) {

    public long id() {
        return row.id();
    }

    public DeadlineKind kind() {
        return DeadlineKind.valueOf(row.kind());
    }

    public String title() {
        return row.title();
    }

    public LocalDate dueDate() {
        return row.dueDate();
    }

    /**
     * The kind as the contract names it: QUARTERLY_REPORT, CITY_FEEDBACK, ROUND_SUMMARY or CUSTOM; a round's
     * evaluation and the next round's personnel list are round-end obligations, so ROUND_SUMMARY.
     */
    public String contractKind() {
        return switch (kind()) {
            case EVALUATION, PERSONNEL_LIST -> DeadlineKind.ROUND_SUMMARY.name();
            default -> kind().name();
        };
    }

    /** Whether the viewer sees it: a unit coordinator the own unit's and those owed by no unit; others all. */
    public boolean visibleTo(Viewer viewer) {
        return row.unitId() == null || viewer.seesUnit(row.unitId());
    }

    /** Whether the viewer may mark it done or put off its reminders: the bureau, or the coordinator of its unit. */
    public boolean closableBy(Viewer viewer) {
        return (viewer.isBureau() || viewer.role() == ConsoleRole.UNIT_COORDINATOR) && viewer.seesUnit(row.unitId());
    }

    static DeadlineStatus statusOf(DeadlineRow row, LocalDate today) {
        if (row.done()) {
            return DeadlineStatus.DONE;
        }
        return row.dueDate().isBefore(today) ? DeadlineStatus.OVERDUE : DeadlineStatus.OPEN;
    }
}
