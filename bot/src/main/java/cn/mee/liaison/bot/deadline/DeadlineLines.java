package cn.mee.liaison.bot.deadline;

import cn.mee.liaison.bot.security.Viewer;
import cn.mee.liaison.storage.deadline.DeadlineMapper;
import cn.mee.liaison.storage.deadline.LastReminder;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Turns deadlines into the lines the console shows, for a viewer, on the clock's day. */
@Component
class DeadlineLines {

    private static final int IDS_PER_QUERY = 500;

    private final DeadlineMapper mapper;
    private final Clock clock;

    DeadlineLines(DeadlineMapper mapper, Clock clock) {
        this.mapper = mapper;
        this.clock = clock;
    }

    /** The lines, without looking up the reminders sent (the calendar). */
    List<DeadlineLine> of(List<Deadline> deadlines, Viewer viewer) {
        LocalDate today = LocalDate.now(clock);
        return deadlines.stream().map(d -> line(d, viewer, today, null)).toList();
    }

    /** The lines with when each one's latest reminder went out (the lists). */
    List<DeadlineLine> withReminders(List<Deadline> deadlines, Viewer viewer) {
        Map<Long, Instant> last = new HashMap<>();
        List<Long> ids = deadlines.stream().map(Deadline::id).toList();
        for (int i = 0; i < ids.size(); i += IDS_PER_QUERY) {
            mapper.lastReminders(ids.subList(i, Math.min(ids.size(), i + IDS_PER_QUERY)))
                    .forEach(r -> last.put(r.deadlineId(), r.sentAt()));
        }
        LocalDate today = LocalDate.now(clock);
        return deadlines.stream().map(d -> line(d, viewer, today, last.get(d.id()))).toList();
    }

    DeadlineLine one(Deadline deadline, Viewer viewer) {
        Instant last = mapper.lastReminders(List.of(deadline.id())).stream().map(LastReminder::sentAt).findFirst()
                .orElse(null);
        return line(deadline, viewer, LocalDate.now(clock), last);
    }

    LocalDateTime local(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, clock.getZone());
    }

    private DeadlineLine line(Deadline d, Viewer viewer, LocalDate today, Instant lastReminder) {
        return new DeadlineLine(d, DueState.of(d, today), KindGroup.of(d), DueState.daysText(d, today),
                local(lastReminder), d.closableBy(viewer));
    }
}
