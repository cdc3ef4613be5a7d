package cn.mee.liaison.bot.support;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the default reminder settings (T-14, T-7, T-3, T-1 and the due day at 09:00 Asia/Shanghai, then daily once
 * overdue) owe by an instant, and what was claimed: for the tests that count every reminder of many deadlines.
 */
public final class ExpectedReminders {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final int[] LEAD_DAYS = {14, 7, 3, 1, 0};

    private ExpectedReminders() {
    }

    /** The lead-time reminders known ({@code known}: when the deadline was added) and due by now, and the daily ones. */
    public static int by(LocalDate due, Instant known, Instant now) {
        int count = 0;
        for (int lead : LEAD_DAYS) {
            Instant at = at(due.minusDays(lead));
            if (!at.isBefore(known) && !at.isAfter(now)) {
                count++;
            }
        }
        for (LocalDate day = due.plusDays(1); !at(day).isAfter(now); day = day.plusDays(1)) {
            count++;
        }
        return count;
    }

    /** 09:00 of the day in Asia/Shanghai, when the default reminders go out. */
    public static Instant at(LocalDate day) {
        return day.atTime(9, 0).atZone(SHANGHAI).toInstant();
    }

    /** The reminders of {@code kind} (REMIND, ESCALATE) claimed for these deadlines (ids are the map's keys). */
    public static int claimed(JdbcTemplate jdbc, Map<Long, LocalDate> due, String kind) {
        String ids = due.keySet().stream().map(String::valueOf).collect(Collectors.joining(","));
        return jdbc.queryForObject("SELECT COUNT(*) FROM deadline_reminder WHERE kind = ? AND deadline_id IN (" + ids
                + ")", Integer.class, kind);
    }
}
