package cn.mee.liaison.bot.dispatch;

import cn.mee.liaison.bot.classify.FieldKind;
import cn.mee.liaison.bot.classify.FieldSpec;
import cn.mee.liaison.bot.classify.RecordSchemas;
import cn.mee.liaison.scheduler.calendar.WorkdayCalendar;
import cn.mee.liaison.scheduler.deadline.AutumnWinterSeason;
import cn.mee.liaison.storage.directory.GroupKind;
import cn.mee.liaison.storage.message.RecordType;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * What a group reports each day and when (每日工作调度): the fields asked for, the prompt time, the reminder times
 * and the close time; per round and group kind, or the default for all. A report after the close time is late.
 *
 * @param key      {@code default}, {@code round:<id>}, {@code kind:<KIND>} or {@code round:<id>|kind:<KIND>}
 * @param days     which days the groups report on
 */
public record DispatchPlan(String key, Long roundId, GroupKind kind, boolean enabled, List<FieldSpec> fields,
                           LocalTime promptAt, List<LocalTime> reminders, LocalTime closeAt, ReportingDays days) {

    public static final String DEFAULT_KEY = "default";

    /** Sensible without setup: the rules' figures, prompted at 17:00, reminded at 19:00 and 20:30, closed at 21:00. */
    public static DispatchPlan defaults() {
        return new DispatchPlan(DEFAULT_KEY, null, null, true, RecordSchemas.fieldsOf(RecordType.DAILY_REPORT),
                LocalTime.of(17, 0), List.of(LocalTime.of(19, 0), LocalTime.of(20, 30)), LocalTime.of(21, 0), ReportingDays.WORKDAYS);
    }

    public static String keyOf(Long roundId, GroupKind kind) {
        if (roundId == null && kind == null) {
            return DEFAULT_KEY;
        }
        if (roundId == null) {
            return "kind:" + kind.name();
        }
        return kind == null ? "round:" + roundId : "round:" + roundId + "|kind:" + kind.name();
    }

    public boolean dispatchDay(LocalDate day, WorkdayCalendar calendar, AutumnWinterSeason season) {
        return enabled && days.includes(day, calendar, season);
    }

    /** The figures of the plan: its NUMBER fields, which the day's summary adds up. */
    public List<FieldSpec> counts() {
        return fields.stream().filter(f -> f.kind() == FieldKind.NUMBER).toList();
    }

    public List<FieldSpec> required() {
        return fields.stream().filter(FieldSpec::required).toList();
    }

    /** How specific the plan is: a plan for a round and a kind wins over one for a round, over one for a kind. */
    int specificity() {
        return (roundId == null ? 0 : 2) + (kind == null ? 0 : 1);
    }
}
