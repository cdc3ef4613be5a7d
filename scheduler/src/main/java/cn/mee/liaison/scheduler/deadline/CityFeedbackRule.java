package cn.mee.liaison.scheduler.deadline;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * 第十条: the lead unit holds a formal feedback meeting with each city's party committee and government, in
 * principle once every 3 months outside the autumn-winter period and once every 2 months inside it.
 *
 * <p><b>Boundary rule.</b> The next feedback is due a whole number of months after the last one: the interval is
 * 2 months when the last feedback falls inside the autumn-winter period, or when the date 2 months after it does;
 * otherwise 3 months. With the default period (10-01 to 03-31): last 2026-08-15 → due 2026-10-15 (2 months, since
 * 2026-10-15 is inside); last 2026-07-15 → due 2026-10-15 (3 months, since 2026-09-15 is outside); last 2026-02-10
 * → due 2026-04-10 (2 months, since the last one is inside); last 2026-04-01 → due 2026-07-01 (3 months).
 *
 * <p><b>Month arithmetic</b> is {@link LocalDate#plusMonths}: a day that the target month lacks becomes its last
 * day (2026-08-31 + 2 months = 2026-10-31, 2025-12-31 + 2 months = 2026-02-28, 2023-12-31 + 2 months =
 * 2024-02-29, 2026-05-31 + 3 months = 2026-08-31). A look-ahead sequence counts each step from the previous due
 * date, so the day of month can drift down after a short month and never drifts back (2025-12-31 → 2026-02-28 →
 * 2026-04-28).
 *
 * <p><b>No feedback yet:</b> the first is due counted the same way from a start the caller passes (the round's
 * start or the campaign's start). Its key is {@code CITY_FEEDBACK|<city>|start:<start>}; every later one is
 * {@code CITY_FEEDBACK|<city>|<date of the last feedback>}. The title is {@code <city>正式情况反馈}.
 */
public class CityFeedbackRule {

    private final AutumnWinterSeason season;

    /** The rule with the default autumn-winter period, 10-01 to 03-31. */
    public CityFeedbackRule() {
        this(AutumnWinterSeason.DEFAULT);
    }

    public CityFeedbackRule(AutumnWinterSeason season) {
        this.season = Objects.requireNonNull(season, "season");
    }

    public AutumnWinterSeason season() {
        return season;
    }

    /** 2 when {@code last} or the date 2 months after it is inside the autumn-winter period, otherwise 3. */
    public int intervalMonths(LocalDate last) {
        return season.contains(last) || season.contains(last.plusMonths(2)) ? 2 : 3;
    }

    /** The date the feedback after one held on {@code last} is due: {@code last.plusMonths(intervalMonths(last))}. */
    public LocalDate dueAfter(LocalDate last) {
        return last.plusMonths(intervalMonths(last));
    }

    /**
     * The next feedback {@code city} owes: after {@code lastFeedback}, or, when there has been none ({@code null}),
     * the first one, counted from {@code start}.
     */
    public Obligation next(String city, LocalDate lastFeedback, LocalDate start) {
        Obligation.requireName(city, "city");
        if (lastFeedback != null) {
            return obligation(city, dueAfter(lastFeedback), lastFeedback.toString());
        }
        Objects.requireNonNull(start, "with no feedback yet, a start to count from");
        return obligation(city, dueAfter(start), "start:" + start);
    }

    /**
     * The feedbacks {@code city} will owe with a due date in {@code [from, to]} (both inclusive), assuming each
     * meeting is held on its due date: the first as {@link #next}, each later one counted from the due date
     * before it. A first due date before {@code from} (overdue) is counted from but not listed.
     */
    public List<Obligation> upcoming(String city, LocalDate lastFeedback, LocalDate start, LocalDate from,
                                     LocalDate to) {
        Obligation.requireRange(from, to);
        List<Obligation> obligations = new ArrayList<>();
        for (Obligation next = next(city, lastFeedback, start); !next.dueDate().isAfter(to);
                next = next(city, next.dueDate(), null)) {
            if (!next.dueDate().isBefore(from)) {
                obligations.add(next);
            }
        }
        return obligations;
    }

    /** The due dates of {@link #upcoming} after a feedback held on {@code last}: in {@code [from, to]}, in order. */
    public List<LocalDate> dueDates(LocalDate last, LocalDate from, LocalDate to) {
        Obligation.requireRange(from, to);
        List<LocalDate> dates = new ArrayList<>();
        for (LocalDate due = dueAfter(last); !due.isAfter(to); due = dueAfter(due)) {
            if (!due.isBefore(from)) {
                dates.add(due);
            }
        }
        return dates;
    }

    private static Obligation obligation(String city, LocalDate due, String follows) {
        return new Obligation(DeadlineKind.CITY_FEEDBACK, city + "正式情况反馈", due, null, city, null,
                Obligation.keyOf(DeadlineKind.CITY_FEEDBACK, city, follows));
    }
}
