package cn.mee.liaison.scheduler.deadline;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The instants at which to remind of a deadline: on each lead day before the due date ({@link ReminderTimes}; by
 * default T-14, T-7, T-3, T-1 and T-0) and, once it is overdue, every day after the due date, always at the time of
 * day in {@code zone} (by default 09:00 Asia/Shanghai). Overdue reminders never end here: whoever knows that the
 * obligation is done stops asking.
 */
public class ReminderSchedule {

    /** The campaign's zone. */
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");

    private final ReminderTimes times;
    private final ZoneId zone;

    /** T-14, T-7, T-3, T-1, T-0 and daily when overdue, at 09:00 Asia/Shanghai. */
    public ReminderSchedule() {
        this(ReminderTimes.DEFAULT, DEFAULT_ZONE);
    }

    public ReminderSchedule(ReminderTimes times, ZoneId zone) {
        this.times = Objects.requireNonNull(times, "times");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    public ReminderTimes times() {
        return times;
    }

    public ZoneId zone() {
        return zone;
    }

    /** The reminder instants for {@code dueDate} in {@code [from, to)}, in increasing order. */
    public List<Instant> due(LocalDate dueDate, Instant from, Instant to) {
        Objects.requireNonNull(dueDate, "dueDate");
        List<Instant> reminders = new ArrayList<>();
        if (!from.isBefore(to)) {
            return reminders;
        }
        for (int days : times.leadDays()) {
            Instant reminder = at(dueDate.minusDays(days));
            if (!reminder.isBefore(from) && reminder.isBefore(to)) {
                reminders.add(reminder);
            }
        }
        LocalDate day = latest(dueDate.plusDays(1), LocalDate.ofInstant(from, zone).minusDays(1));
        for (Instant reminder = at(day); reminder.isBefore(to); day = day.plusDays(1), reminder = at(day)) {
            if (!reminder.isBefore(from)) {
                reminders.add(reminder);
            }
        }
        return reminders;
    }

    /** The first reminder for {@code dueDate} strictly after {@code after}; there always is one (overdue daily). */
    public Instant next(LocalDate dueDate, Instant after) {
        Objects.requireNonNull(dueDate, "dueDate");
        for (int days : times.leadDays()) {
            Instant reminder = at(dueDate.minusDays(days));
            if (reminder.isAfter(after)) {
                return reminder;
            }
        }
        LocalDate day = latest(dueDate.plusDays(1), LocalDate.ofInstant(after, zone));
        Instant reminder = at(day);
        return reminder.isAfter(after) ? reminder : at(day.plusDays(1));
    }

    /** The time of day on {@code day} in the zone (a time that a daylight-saving gap skips moves later). */
    public Instant at(LocalDate day) {
        return day.atTime(times.timeOfDay()).atZone(zone).toInstant();
    }

    private static LocalDate latest(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
