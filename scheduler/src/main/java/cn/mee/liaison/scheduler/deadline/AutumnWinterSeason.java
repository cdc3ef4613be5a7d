package cn.mee.liaison.scheduler.deadline;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Objects;

/**
 * The autumn-winter campaign period (秋冬季) of 第十条: from {@code start} to {@code end}, both inclusive, every year;
 * by default 10-01 to 03-31 of the next year. A start after the end (the default) runs over the new year; a start
 * on or before the end is a period within one calendar year. An end of 02-29 means the end of February in every
 * year; an end of 02-28 leaves 02-29 of a leap year outside.
 */
public record AutumnWinterSeason(MonthDay start, MonthDay end) {

    /** 10-01 to 03-31 of the next year. */
    public static final AutumnWinterSeason DEFAULT = new AutumnWinterSeason(MonthDay.of(10, 1), MonthDay.of(3, 31));

    public AutumnWinterSeason {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
    }

    /** Whether {@code date} lies inside the period (its first and last day included). */
    public boolean contains(LocalDate date) {
        MonthDay day = MonthDay.from(date);
        if (start.isAfter(end)) {
            return !day.isBefore(start) || !day.isAfter(end);
        }
        return !day.isBefore(start) && !day.isAfter(end);
    }
}
