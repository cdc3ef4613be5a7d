package cn.mee.liaison.bot.dispatch;

import cn.mee.liaison.bot.directory.DirectoryCache;
import cn.mee.liaison.bot.directory.DirectorySnapshot;
import cn.mee.liaison.scheduler.calendar.WorkdayCalendar;
import cn.mee.liaison.scheduler.deadline.AutumnWinterSeason;
import cn.mee.liaison.storage.calendar.DayKind;
import cn.mee.liaison.storage.directory.CampaignRound;
import cn.mee.liaison.storage.directory.WorkGroup;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Who reports on a day: every work group of a round that covers the day, whose plan is on and makes the day a
 * reporting day (a working day by the calendar, or every day where the plan says so).
 */
@Service
public class DispatchRoster {

    private final DirectoryCache directory;
    private final DispatchPlans plans;
    private final WorkdayCalendar calendar;
    private final AutumnWinterSeason season;

    DispatchRoster(DirectoryCache directory, DispatchPlans plans, WorkdayCalendar calendar,
                   AutumnWinterSeason season) {
        this.directory = directory;
        this.plans = plans;
        this.calendar = calendar;
        this.season = season;
    }

    /** The groups expected to report on the day, by city, kind and name. */
    public List<ExpectedGroup> expectedOn(LocalDate day) {
        return expectedOn(day, directory.snapshot(), plans.all());
    }

    /** Every plan, read once for a whole board or range. */
    public List<DispatchPlan> plans() {
        return plans.all();
    }

    /** The groups expected on each day of a range (both ends included), reading the plans once. */
    public Map<LocalDate, List<ExpectedGroup>> expectedBetween(LocalDate from, LocalDate to) {
        return expectedBetween(from, to, directory.snapshot(), plans.all());
    }

    /** The same, with the plans and the directory already read; the groups put in board order once. */
    public Map<LocalDate, List<ExpectedGroup>> expectedBetween(LocalDate from, LocalDate to,
                                                               DirectorySnapshot snapshot, List<DispatchPlan> all) {
        List<ExpectedGroup> ordered = inBoardOrder(snapshot, all);
        Map<LocalDate, List<ExpectedGroup>> days = new LinkedHashMap<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            days.put(day, expectedOn(day, ordered, snapshot));
        }
        return days;
    }

    /** The groups expected on the day, with the plans and the directory already read. */
    public List<ExpectedGroup> expectedOn(LocalDate day, DirectorySnapshot snapshot, List<DispatchPlan> all) {
        return expectedOn(day, inBoardOrder(snapshot, all), snapshot);
    }

    private List<ExpectedGroup> expectedOn(LocalDate day, List<ExpectedGroup> ordered, DirectorySnapshot snapshot) {
        // each round and each plan asked about the day once, not once per group
        Map<Long, Boolean> rounds = new HashMap<>();
        Map<DispatchPlan, Boolean> plans = new IdentityHashMap<>();
        return ordered.stream()
                .filter(e -> rounds.computeIfAbsent(e.group().roundId(), id -> inRound(snapshot, id, day)))
                .filter(e -> plans.computeIfAbsent(e.plan(), p -> p.dispatchDay(day, calendar, season)))
                .toList();
    }

    /** Every group with its plan, by city, kind and name (a stable sort: the directory's order among equals). */
    private static List<ExpectedGroup> inBoardOrder(DirectorySnapshot snapshot, List<DispatchPlan> all) {
        return snapshot.groups().stream()
                .map(g -> new ExpectedGroup(g, DispatchPlans.planFor(g, all)))
                .sorted(Comparator.comparing((ExpectedGroup e) -> snapshot.cityName(e.group().cityId()),
                                Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(e -> e.group().kind())
                        .thenComparing(e -> e.group().name()))
                .toList();
    }

    /** The plan of one group (whether or not it reports on a given day). */
    public DispatchPlan planOf(WorkGroup group) {
        return plans.planFor(group);
    }

    /** The plan of one group among the plans already read. */
    public DispatchPlan planOf(WorkGroup group, List<DispatchPlan> all) {
        return DispatchPlans.planFor(group, all);
    }

    /** Whether the group reports on the day. */
    public boolean reportsOn(WorkGroup group, LocalDate day) {
        return reportsOn(group, day, planOf(group));
    }

    /** Whether the group reports on the day, its plan already read. */
    public boolean reportsOn(WorkGroup group, LocalDate day, DispatchPlan plan) {
        return inRound(directory.snapshot(), group.roundId(), day) && plan.dispatchDay(day, calendar, season);
    }

    /** Whether the round runs on the day. */
    private static boolean inRound(DirectorySnapshot snapshot, Long roundId, LocalDate day) {
        return snapshot.round(roundId).map((CampaignRound r) -> r.covers(day)).orElse(false);
    }

    /** What kind of day it is, for the texts: 工作日, 调休上班, or the holiday's name. */
    public String describe(LocalDate day) {
        return calendar.special(day).map(d -> {
            String name = d.name() == null ? "" : d.name().strip();
            if (d.kind() == DayKind.WORKDAY) {
                return name.contains("上班") ? name : name + "调休上班";
            }
            return name.isEmpty() ? "节假日" : name.endsWith("假") || name.endsWith("假期") ? name : name + "假期";
        }).orElse(calendar.isWorkday(day) ? "工作日" : "休息日");
    }
}
