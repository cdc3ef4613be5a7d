package cn.mee.liaison.bot.calendar;

import cn.mee.liaison.bot.web.BadRequest;
import cn.mee.liaison.storage.calendar.CalendarDay;
import cn.mee.liaison.storage.calendar.DayKind;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A year of the working-day calendar as the console draws it: twelve months of weeks from Monday, each day a working
 * day, a day off, a holiday (放假) or a make-up working day (调休上班).
 *
 * @param known   whether the calendar has the year's holidays (without them every weekday is a working day)
 * @param special the year's holidays and make-up working days, in order
 */
record CalendarYear(int year, boolean known, List<Month> months, List<CalendarDay> special) {

    static final int FIRST_YEAR = 2000;
    static final int LAST_YEAR = 2100;

    /** One month: weeks of seven cells, Monday first; cells outside the month are empty. */
    record Month(int month, List<List<Cell>> weeks) {
    }

    /**
     * One day.
     *
     * @param type workday, rest, holiday or makeup; empty for a cell outside the month
     */
    record Cell(LocalDate date, String type, String name, boolean today) {

        static final Cell EMPTY = new Cell(null, "", "", false);

        public int day() {
            return date == null ? 0 : date.getDayOfMonth();
        }
    }

    static void check(int year) {
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw new BadRequest("invalid_request", "year：年份应在 " + FIRST_YEAR + " 到 " + LAST_YEAR + " 之间");
        }
    }

    static CalendarYear of(int year, boolean known, List<CalendarDay> special, LocalDate today) {
        Map<LocalDate, CalendarDay> byDay = special.stream()
                .collect(Collectors.toMap(CalendarDay::day, Function.identity(), (a, b) -> b));
        List<Month> months = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            months.add(month(LocalDate.of(year, m, 1), byDay, today));
        }
        return new CalendarYear(year, known, months, special);
    }

    private static Month month(LocalDate first, Map<LocalDate, CalendarDay> special, LocalDate today) {
        List<Cell> cells = new ArrayList<>(Collections.nCopies(first.getDayOfWeek().getValue() - 1, Cell.EMPTY));
        for (LocalDate day = first; day.getMonth() == first.getMonth(); day = day.plusDays(1)) {
            cells.add(cell(day, special.get(day), day.equals(today)));
        }
        while (cells.size() % 7 != 0) {
            cells.add(Cell.EMPTY);
        }
        List<List<Cell>> weeks = new ArrayList<>();
        for (int i = 0; i < cells.size(); i += 7) {
            weeks.add(List.copyOf(cells.subList(i, i + 7)));
        }
        return new Month(first.getMonthValue(), weeks);
    }

    private static Cell cell(LocalDate day, CalendarDay special, boolean today) {
        if (special != null) {
            String name = special.name() == null ? "" : special.name();
            return new Cell(day, special.kind() == DayKind.HOLIDAY ? "holiday" : "makeup", name, today);
        }
        boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
        return new Cell(day, weekend ? "rest" : "workday", "", today);
    }
}
