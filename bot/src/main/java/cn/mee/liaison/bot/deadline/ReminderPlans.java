package cn.mee.liaison.bot.deadline;

import cn.mee.liaison.bot.audit.AuditTrail;
import cn.mee.liaison.bot.web.BadRequest;
import cn.mee.liaison.scheduler.deadline.DeadlineKind;
import cn.mee.liaison.scheduler.deadline.ReminderSchedule;
import cn.mee.liaison.scheduler.deadline.ReminderTimes;
import cn.mee.liaison.storage.deadline.DeadlineMapper;
import cn.mee.liaison.storage.deadline.DeadlineRow;
import cn.mee.liaison.storage.deadline.ReminderSettingRow;
import java.time.Clock;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * When the reminders of a deadline go out: the setting of its unit if it has one, else of its kind, else the
 * default — the console's, else {@code liaison.deadlines.lead-days} at {@code liaison.deadlines.time-of-day}: T-14, T-7,
 * T-3, T-1 and the due day at 09:00 — and daily once overdue.
 */
@Service
public class ReminderPlans {

    public static final String DEFAULT_KEY = "default";

    private final DeadlineMapper mapper;
    private final AuditTrail audit;
    private final Clock clock;
    private final ReminderTimes configured;

    ReminderPlans(DeadlineMapper mapper, AuditTrail audit, Clock clock,
                  @Value("${liaison.deadlines.lead-days:14,7,3,1,0}") String leadDays,
                  @Value("${liaison.deadlines.time-of-day:09:00}") String timeOfDay) {
        this.mapper = mapper;
        this.audit = audit;
        this.clock = clock;
        this.configured = times(leadDays, timeOfDay);
    }

    /** Every stored setting by key ({@code default}, {@code kind:<KIND>}, {@code unit:<id>}). */
    public Map<String, ReminderTimes> all() {
        Map<String, ReminderTimes> all = new LinkedHashMap<>();
        all.put(DEFAULT_KEY, configured);
        for (ReminderSettingRow row : mapper.findSettings()) {
            all.put(row.settingKey(), times(row.leadDays(), row.timeOfDay()));
        }
        return all;
    }

    public ReminderSchedule scheduleFor(DeadlineRow deadline) {
        return scheduleFor(deadline, all());
    }

    ReminderSchedule scheduleFor(DeadlineRow deadline, Map<String, ReminderTimes> settings) {
        return new ReminderSchedule(effective(settings, deadline.unitId(), deadline.kind()).times(), clock.getZone());
    }

    /** Where the setting in force comes from, as the console names it. */
    public enum Source {
        UNIT("单位设置"), KIND("类型设置"), DEFAULT("默认");

        private final String label;

        Source(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** The setting in force and where it comes from. */
    public record Effective(ReminderTimes times, Source source) {

        public String description() {
            return describe(times);
        }
    }

    /**
     * The setting in force for a deadline of the kind owed by the unit (null: no unit): the unit's if it has one,
     * else the kind's, else the default.
     */
    public static Effective effective(Map<String, ReminderTimes> settings, Long unitId, String kind) {
        if (unitId != null && settings.containsKey(unitKey(unitId))) {
            return new Effective(settings.get(unitKey(unitId)), Source.UNIT);
        }
        if (settings.containsKey(kindKey(kind))) {
            return new Effective(settings.get(kindKey(kind)), Source.KIND);
        }
        return new Effective(settings.get(DEFAULT_KEY), Source.DEFAULT);
    }

    public static String unitKey(long unitId) {
        return "unit:" + unitId;
    }

    public static String kindKey(String kind) {
        return "kind:" + kind;
    }

    /** The largest lead time in use: how far ahead the reminders look. */
    static int furthestLead(Map<String, ReminderTimes> settings) {
        return settings.values().stream().flatMap(t -> t.leadDays().stream()).max(Integer::compare).orElse(0);
    }

    @Transactional
    public ReminderTimes save(String key, String leadDays, String timeOfDay, String actor) {
        checkKey(key);
        ReminderTimes times = times(leadDays, timeOfDay);
        mapper.upsertSetting(new ReminderSettingRow(key, times.leadDays().stream().map(String::valueOf)
                .collect(Collectors.joining(",")), text(times.timeOfDay()), actor, clock.instant()));
        audit.record(actor, AuditTrail.REMINDER_SETTINGS_SAVED, key, describe(times));
        return times;
    }

    @Transactional
    public boolean remove(String key, String actor) {
        boolean removed = mapper.deleteSetting(key) > 0;
        if (removed) {
            audit.record(actor, AuditTrail.REMINDER_SETTINGS_SAVED, key, "恢复默认");
        }
        return removed;
    }

    /** {@code 提前14、7、3、1天及当天 09:00}. */
    public static String describe(ReminderTimes times) {
        List<String> days = times.leadDays().stream().filter(d -> d > 0).map(String::valueOf).toList();
        boolean sameDay = times.leadDays().contains(0);
        String lead = days.isEmpty() ? "" : "提前" + String.join("、", days) + "天";
        return (lead + (sameDay ? (lead.isEmpty() ? "" : "及") + "当天" : "")) + " " + text(times.timeOfDay());
    }

    static ReminderTimes times(String leadDays, String timeOfDay) {
        List<Integer> days;
        try {
            days = leadDays == null || leadDays.isBlank() ? List.of()
                    : Arrays.stream(leadDays.split("[,，、\\s]+")).filter(s -> !s.isBlank())
                    .map(s -> Integer.parseInt(s.strip())).toList();
        } catch (NumberFormatException e) {
            throw new BadRequest("invalid_request", "leadDays：应为以逗号分隔的天数，例如 14,7,3,1,0");
        }
        if (days.stream().anyMatch(d -> d < 0 || d > 366)) {
            throw new BadRequest("invalid_request", "leadDays：天数应在 0 到 366 之间");
        }
        LocalTime time;
        try {
            String t = timeOfDay == null ? "" : timeOfDay.strip();
            time = LocalTime.parse(t.length() == 4 ? "0" + t : t);
        } catch (DateTimeParseException e) {
            throw new BadRequest("invalid_request", "timeOfDay：\u201c" + timeOfDay + "\u201d不是有效时间，应为 HH:mm，例如 09:00");
        }
        return new ReminderTimes(days, time);
    }

    private static void checkKey(String key) {
        boolean valid = DEFAULT_KEY.equals(key)
                || (key != null && key.startsWith("unit:") && key.substring(5).matches("\\d{1,18}"))
                || (key != null && key.startsWith("kind:")
                && Arrays.stream(DeadlineKind.values()).anyMatch(k -> key.equals("kind:" + k.name())));
        if (!valid) {
            throw new BadRequest("invalid_request", "key：应为 default、kind:<类型> 或 unit:<单位编号>");
        }
    }

    private static String text(LocalTime time) {
        return String.format("%02d:%02d", time.getHour(), time.getMinute());
    }
}
