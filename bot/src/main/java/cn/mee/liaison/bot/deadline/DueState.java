package cn.mee.liaison.bot.deadline;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * How a deadline shows in the console, each with its colour: done (green), not yet due (blue), due today (orange),
 * overdue (red).
 */
public enum DueState {
    DONE("已完成"),
    UPCOMING("未到期"),
    TODAY("今日到期"),
    OVERDUE("已逾期");

    private final String label;

    DueState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The CSS class of the colour: {@code done}, {@code upcoming}, {@code today}, {@code overdue}. */
    public String css() {
        return name().toLowerCase(Locale.ROOT);
    }

    static DueState of(Deadline deadline, LocalDate today) {
        return switch (deadline.status()) {
            case DONE -> DONE;
            case OVERDUE -> OVERDUE;
            case OPEN -> deadline.dueDate().equals(today) ? TODAY : UPCOMING;
        };
    }

    /** {@code 还有3天}, {@code 今天到期}, {@code 已逾期5天}; {@code 已完成} once done. */
    static String daysText(Deadline deadline, LocalDate today) {
        if (deadline.status() == DeadlineStatus.DONE) {
            return DONE.label;
        }
        long days = ChronoUnit.DAYS.between(today, deadline.dueDate());
        if (days == 0) {
            return "今天到期";
        }
        return days > 0 ? "还有" + days + "天" : "已逾期" + -days + "天";
    }
}
