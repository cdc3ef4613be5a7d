package cn.mee.liaison.scheduler.deadline;

import java.time.LocalTime;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * When to remind of one kind of deadline: {@code leadDays} days before the due date (0 is the due date itself) at
 * {@code timeOfDay}; after the due date, once a day at {@code timeOfDay} while it is overdue. The lead days are
 * kept distinct and in descending order (furthest first), each 0 or more.
 */
public record ReminderTimes(List<Integer> leadDays, LocalTime timeOfDay) {

    /** T-14, T-7, T-3, T-1 and T-0, at 09:00. */
    public static final ReminderTimes DEFAULT = new ReminderTimes(List.of(14, 7, 3, 1, 0), LocalTime.of(9, 0));

    public ReminderTimes {
        Objects.requireNonNull(timeOfDay, "timeOfDay");
        Objects.requireNonNull(leadDays, "leadDays");
        for (Integer days : leadDays) {
            if (days == null || days < 0) {
                throw new IllegalArgumentException("a lead time is 0 or more days before the due date: " + days);
            }
        }
        leadDays = leadDays.stream().distinct().sorted(Comparator.reverseOrder()).toList();
    }
}
