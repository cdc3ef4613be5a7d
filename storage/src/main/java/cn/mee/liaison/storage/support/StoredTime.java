package cn.mee.liaison.storage.support;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * How instants are kept in DATETIME columns: as Asia/Shanghai wall-clock time, the campaign's only zone
 * (no daylight saving since 1991), so that the same rows read the same in SQL consoles, on H2 and on MySQL,
 * whatever the server's or the JVM's zone.
 */
public final class StoredTime {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private static final DateTimeFormatter COLUMN_TEXT = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSS");

    private StoredTime() {
    }

    public static LocalDateTime toColumn(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, ZONE);
    }

    /** The column value as SQL datetime text with milliseconds, e.g. {@code 2026-11-29 10:30:00.123}. */
    public static String toColumnText(Instant instant) {
        return instant == null ? null : COLUMN_TEXT.format(toColumn(instant));
    }

    public static Instant fromColumn(LocalDateTime value) {
        return value == null ? null : value.atZone(ZONE).toInstant();
    }
}
