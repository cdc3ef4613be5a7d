package cn.mee.liaison.bot.deadline;

import cn.mee.liaison.scheduler.deadline.DeadlineKind;
import cn.mee.liaison.scheduler.deadline.ReminderTimes;
import cn.mee.liaison.storage.directory.OrgUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A responsible unit's reminder setting as the settings page shows it: its own, or else what it inherits for each
 * kind of deadline a unit owes (its quarterly reports, its cities' feedback, custom deadlines for it).
 *
 * @param lines one line when its own setting or one inherited setting covers all it owes, else one per kind
 */
record UnitReminderSetting(OrgUnit unit, String key, boolean own, List<Line> lines, String leadDays,
                           String timeOfDay) {

    /** What a unit owes, whose setting a unit's own replaces. */
    static final List<DeadlineKind> OWED = List.of(DeadlineKind.QUARTERLY_REPORT, DeadlineKind.CITY_FEEDBACK,
            DeadlineKind.CUSTOM);

    /** @param kind the kind it is for, null for all the unit owes */
    record Line(String kind, String description, ReminderPlans.Source source) {
    }

    static UnitReminderSetting of(OrgUnit unit, Map<String, ReminderTimes> settings) {
        String key = ReminderPlans.unitKey(unit.id());
        List<ReminderPlans.Effective> effective = OWED.stream()
                .map(k -> ReminderPlans.effective(settings, unit.id(), k.name())).toList();
        boolean own = settings.containsKey(key);
        List<Line> lines = effective.stream().distinct().count() == 1
                ? List.of(new Line(null, effective.get(0).description(), effective.get(0).source()))
                : OWED.stream().map(k -> {
                    ReminderPlans.Effective e = effective.get(OWED.indexOf(k));
                    return new Line(k.label(), e.description(), e.source());
                }).toList();
        ReminderTimes shown = effective.get(0).times();
        return new UnitReminderSetting(unit, key, own, lines, leadDays(shown), time(shown));
    }

    /** {@code 14,7,3,1,0}: the lead days as they are typed in. */
    static String leadDays(ReminderTimes times) {
        return times.leadDays().stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    static String time(ReminderTimes times) {
        return String.format("%02d:%02d", times.timeOfDay().getHour(), times.timeOfDay().getMinute());
    }
}
