package cn.mee.liaison.bot.deadline;

import java.time.LocalDateTime;

/**
 * One deadline as the console's calendar, lists and detail show it.
 *
 * @param days         {@code 还有3天}, {@code 今天到期}, {@code 已逾期5天} or {@code 已完成}
 * @param lastReminder when its latest reminder went out (Shanghai time), if any was sent or looked up
 * @param closable     whether the viewer may mark it done and put off its reminders
 */
public record DeadlineLine(Deadline deadline, DueState state, KindGroup kind, String days,
                           LocalDateTime lastReminder, boolean closable) {

    /** The title, with the unit that owes it unless the title names it: {@code 2026年度…（第四季度）（某单位）}. */
    public String name() {
        String unit = deadline.unit();
        return unit == null || deadline.title().contains(unit) ? deadline.title()
                : deadline.title() + "（" + unit + "）";
    }
}
