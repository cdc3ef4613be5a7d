package cn.mee.liaison.scheduler.deadline;

import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The reminder times of every kind of deadline: {@code perKind} where a kind has its own, {@code defaults} for the
 * others, all in {@code zone}. {@link #DEFAULT}: T-14, T-7, T-3, T-1, T-0 and daily when overdue, at 09:00
 * Asia/Shanghai, for every kind.
 */
public record ReminderSettings(ZoneId zone, ReminderTimes defaults, Map<DeadlineKind, ReminderTimes> perKind) {

    public static final ReminderSettings DEFAULT =
            new ReminderSettings(ReminderSchedule.DEFAULT_ZONE, ReminderTimes.DEFAULT, Map.of());

    public ReminderSettings {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(defaults, "defaults");
        perKind = Map.copyOf(perKind == null ? Map.of() : perKind);
    }

    /** These settings with {@code kind} reminded at {@code times}. */
    public ReminderSettings with(DeadlineKind kind, ReminderTimes times) {
        Map<DeadlineKind, ReminderTimes> changed = new EnumMap<>(DeadlineKind.class);
        changed.putAll(perKind);
        changed.put(Objects.requireNonNull(kind, "kind"), Objects.requireNonNull(times, "times"));
        return new ReminderSettings(zone, defaults, changed);
    }

    /** The reminder times of {@code kind}: its own, or the defaults. */
    public ReminderTimes times(DeadlineKind kind) {
        return perKind.getOrDefault(kind, defaults);
    }

    /** The reminder schedule of {@code kind}. */
    public ReminderSchedule schedule(DeadlineKind kind) {
        return new ReminderSchedule(times(kind), zone);
    }
}
