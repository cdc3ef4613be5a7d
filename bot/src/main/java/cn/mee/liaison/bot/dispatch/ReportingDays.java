package cn.mee.liaison.bot.dispatch;

import cn.mee.liaison.scheduler.calendar.WorkdayCalendar;
import cn.mee.liaison.scheduler.deadline.AutumnWinterSeason;
import java.time.LocalDate;

/** Which days the groups of a plan report on. */
public enum ReportingDays {
    /** China's working days: weekdays except public holidays, plus the make-up working days (调休上班). */
    WORKDAYS("工作日"),
    EVERY_DAY("每天"),
    /** Working days, and every day of the autumn-winter campaign (秋冬季攻坚). */
    AUTUMN_WINTER_EVERY_DAY("工作日，秋冬季攻坚期间每天");

    private final String label;

    ReportingDays(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean includes(LocalDate day, WorkdayCalendar calendar, AutumnWinterSeason season) {
        return switch (this) {
            case WORKDAYS -> calendar.isWorkday(day);
            case EVERY_DAY -> true;
            case AUTUMN_WINTER_EVERY_DAY -> season.contains(day) || calendar.isWorkday(day);
        };
    }
}
