package cn.mee.liaison.scheduler.calendar;

import cn.mee.liaison.storage.calendar.CalendarDay;
import cn.mee.liaison.storage.calendar.CalendarMapper;
import cn.mee.liaison.storage.calendar.DayKind;
import java.io.InputStream;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * China's working days: Monday to Friday, except the public holidays, plus the make-up working days (调休上班) —
 * both kept as data (shipped per year, editable in the console, extendable by a file when the State Council
 * announces the next year). Read from memory; reloaded after a change here and at least every minute, for changes
 * made on other instances.
 */
@Service
public class WorkdayCalendar {

    private static final Duration RELOAD = Duration.ofMinutes(1);

    private final CalendarMapper mapper;
    private final Clock clock;
    private volatile Map<LocalDate, CalendarDay> special;
    private volatile Instant loadedAt;

    public WorkdayCalendar(CalendarMapper mapper, Clock clock) {
        this.mapper = mapper;
        this.clock = clock;
    }

    public boolean isWorkday(LocalDate day) {
        CalendarDay entry = days().get(day);
        if (entry != null) {
            return entry.kind() == DayKind.WORKDAY;
        }
        DayOfWeek weekday = day.getDayOfWeek();
        return weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY;
    }

    /** What the calendar says about the day beyond its weekday, if anything. */
    public Optional<CalendarDay> special(LocalDate day) {
        return Optional.ofNullable(days().get(day));
    }

    public List<CalendarDay> between(LocalDate from, LocalDate to) {
        return mapper.findBetween(from, to);
    }

    /** Whether the calendar knows any day of the year (a year without data is all weekdays). */
    public boolean knowsYear(int year) {
        return days().keySet().stream().anyMatch(d -> d.getYear() == year);
    }

    @Transactional
    public void set(LocalDate day, DayKind kind, String name, String actor) {
        mapper.upsert(new CalendarDay(day, kind, name, "console", actor, clock.instant()));
        loadedAt = null;
    }

    @Transactional
    public boolean remove(LocalDate day) {
        boolean removed = mapper.delete(day) > 0;
        loadedAt = null;
        return removed;
    }

    /**
     * Reads a calendar file (see {@link CalendarFile}).
     *
     * @param override replace days already in the calendar (an upload by a person) or only add missing ones (a
     *                 bundled or dropped-in file at start, which must not undo edits)
     * @return how many days were added or replaced
     */
    @Transactional
    public int importFile(InputStream file, String source, String actor, boolean override) {
        int changed = 0;
        Instant now = clock.instant();
        for (CalendarFile.Entry entry : CalendarFile.read(file)) {
            CalendarDay day = new CalendarDay(entry.day(), entry.kind(), entry.name(), source, actor, now);
            if (override) {
                mapper.upsert(day);
                changed++;
            } else {
                changed += mapper.insertIfMissing(day);
            }
        }
        loadedAt = null;
        return changed;
    }

    private Map<LocalDate, CalendarDay> days() {
        Instant now = clock.instant();
        Instant loaded = loadedAt;
        if (loaded == null || now.isBefore(loaded) || now.isAfter(loaded.plus(RELOAD))) {
            special = mapper.findAll().stream().collect(Collectors.toUnmodifiableMap(CalendarDay::day,
                    Function.identity()));
            loadedAt = now;
        }
        return special;
    }
}
