package cn.mee.liaison.bot.deadline;

import cn.mee.liaison.bot.directory.DirectoryCache;
import cn.mee.liaison.bot.directory.DirectorySnapshot;
import cn.mee.liaison.bot.security.Viewer;
import cn.mee.liaison.scheduler.deadline.DeadlineKind;
import cn.mee.liaison.storage.deadline.DeadlineMapper;
import cn.mee.liaison.storage.directory.Channel;
import cn.mee.liaison.storage.outbox.TargetType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.springframework.stereotype.Service;

/** The deadlines as the chat commands look for them: what is due for whom, which one a message means. */
@Service
public class DeadlineAgenda {

    /** How far back a reminder counts as "the one just received" for 延后. */
    private static final Duration RECENT = Duration.ofDays(7);

    private final DeadlineCalendar calendar;
    private final DeadlineMapper mapper;
    private final DirectoryCache directory;
    private final Clock clock;

    DeadlineAgenda(DeadlineCalendar calendar, DeadlineMapper mapper, DirectoryCache directory, Clock clock) {
        this.calendar = calendar;
        this.mapper = mapper;
        this.directory = directory;
        this.clock = clock;
    }

    /** The open deadlines (overdue ones of the last 90 days first) due within {@code days} days, that pass the filter. */
    public List<Deadline> openWithin(int days, Predicate<Deadline> which) {
        return open(90, days, which);
    }

    /** The open deadlines due from {@code daysBack} days ago (overdue) to {@code daysAhead} days from today. */
    public List<Deadline> open(int daysBack, int daysAhead, Predicate<Deadline> which) {
        LocalDate today = LocalDate.now(clock);
        return calendar.between(today.minusDays(daysBack), today.plusDays(daysAhead)).stream()
                .filter(d -> d.status() != DeadlineStatus.DONE).filter(which)
                .sorted(Comparator.comparing(Deadline::dueDate)).toList();
    }

    /** The overview's counts: the viewer's open deadlines overdue, and due this week (today and the 6 days after). */
    public DueCounts dueCounts(Viewer viewer) {
        List<Deadline> open = open(DueCounts.OVERDUE_DAYS, DueCounts.WEEK - 1, d -> d.visibleTo(viewer));
        long overdue = open.stream().filter(d -> d.status() == DeadlineStatus.OVERDUE).count();
        return new DueCounts(overdue, open.size() - overdue);
    }

    /** The unit's quarterly report of the period ({@link ReportPeriod#key()}), done or not. */
    public Optional<Deadline> quarterlyReport(long unitId, String period) {
        LocalDate today = LocalDate.now(clock);
        return quarterlyReports(unitId, today.minusYears(8), today.plusMonths(4)).stream()
                .filter(d -> d.row().key().endsWith("|" + period)).findFirst();
    }

    /** The unit's open quarterly reports due around now: overdue in the last half year, or due within a month. */
    public List<Deadline> openQuarterlyReports(long unitId) {
        LocalDate today = LocalDate.now(clock);
        return quarterlyReports(unitId, today.minusMonths(6), today.plusDays(31)).stream()
                .filter(d -> d.status() != DeadlineStatus.DONE).toList();
    }

    private List<Deadline> quarterlyReports(long unitId, LocalDate from, LocalDate to) {
        return calendar.between(from, to).stream()
                .filter(d -> d.kind() == DeadlineKind.QUARTERLY_REPORT && d.row().unitId() == unitId).toList();
    }

    /** The city's feedback meeting due now: its earliest open CITY_FEEDBACK deadline. */
    public Optional<Deadline> feedbackDue(long cityId) {
        LocalDate today = LocalDate.now(clock);
        return calendar.between(today.minusYears(1), today.plusMonths(4)).stream()
                .filter(d -> d.kind() == DeadlineKind.CITY_FEEDBACK && Long.valueOf(cityId).equals(d.row().cityId()))
                .filter(d -> d.status() != DeadlineStatus.DONE).findFirst();
    }

    public Optional<Deadline> find(long id) {
        return calendar.find(id);
    }

    /** The open deadlines whose reminder reached this chat (or person) in the last days: what 延后 is about. */
    public List<Deadline> remindedIn(Channel channel, TargetType type, String targetId) {
        DirectorySnapshot snapshot = directory.snapshot();
        LocalDate today = LocalDate.now(clock);
        Instant since = clock.instant().minus(RECENT);
        return openWithin(366, d -> true).stream()
                .filter(d -> DeadlineRecipients.of(d, snapshot, today).stream()
                        .anyMatch(t -> t.type() == type && t.id().equals(targetId)
                                && (type == TargetType.USER || t.channel() == channel)))
                .filter(d -> mapper.remindersSent(d.id(), DeadlineReminders.REMIND).stream()
                        .anyMatch(at -> at.isAfter(since)))
                .toList();
    }
}
