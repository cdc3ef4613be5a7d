package cn.mee.liaison.bot.deadline;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A month as the calendar page draws it: whole weeks, Monday first, each day with the deadlines due on it. */
record MonthGrid(YearMonth month, List<List<Day>> weeks) {

    /** A day of the grid; days of the months before and after fill the first and last weeks, without deadlines. */
    record Day(LocalDate date, boolean inMonth, boolean today, List<DeadlineLine> deadlines) {
    }

    static MonthGrid of(YearMonth month, LocalDate today, List<DeadlineLine> lines) {
        Map<LocalDate, List<DeadlineLine>> byDay = lines.stream()
                .collect(Collectors.groupingBy(l -> l.deadline().dueDate()));
        LocalDate first = month.atDay(1).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate last = month.atEndOfMonth().with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
        List<List<Day>> weeks = new ArrayList<>();
        for (LocalDate monday = first; !monday.isAfter(last); monday = monday.plusWeeks(1)) {
            List<Day> week = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                LocalDate date = monday.plusDays(i);
                boolean inMonth = YearMonth.from(date).equals(month);
                week.add(new Day(date, inMonth, date.equals(today),
                        inMonth ? byDay.getOrDefault(date, List.of()) : List.of()));
            }
            weeks.add(week);
        }
        return new MonthGrid(month, weeks);
    }
}
