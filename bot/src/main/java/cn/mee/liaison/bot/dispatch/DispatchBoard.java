package cn.mee.liaison.bot.dispatch;

import cn.mee.liaison.bot.classify.FieldSpec;
import cn.mee.liaison.bot.directory.DirectoryCache;
import cn.mee.liaison.bot.directory.DirectorySnapshot;
import cn.mee.liaison.storage.directory.WorkGroup;
import cn.mee.liaison.storage.dispatch.DailyReportRow;
import cn.mee.liaison.storage.dispatch.DispatchMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/** Where every group stands with a day's report; what the console, the API, the commands and the summary read. */
@Service
public class DispatchBoard {

    private final DispatchRoster roster;
    private final DispatchMapper mapper;
    private final RangeFigures figures;
    private final DirectoryCache directory;
    private final Clock clock;

    DispatchBoard(DispatchRoster roster, DispatchMapper mapper, RangeFigures figures, DirectoryCache directory,
                  Clock clock) {
        this.roster = roster;
        this.mapper = mapper;
        this.figures = figures;
        this.directory = directory;
        this.clock = clock;
    }

    public BoardDay on(LocalDate day) {
        // the plans and the directory read once for the whole board (a group that reported on a day it was not
        // expected, such as a Sunday, used to read the plans from the database again)
        DirectorySnapshot snapshot = directory.snapshot();
        List<DispatchPlan> plans = roster.plans();
        return day(day, roster.expectedOn(day, snapshot, plans), mapper.currentOn(day), new GroupFacts.Lookup(snapshot),
                plans);
    }

    /** Every day of a range (both ends included), reading the reports once. */
    public List<BoardDay> between(LocalDate from, LocalDate to) {
        return days(from, to, mapper.currentBetween(from, to).stream()
                .collect(Collectors.groupingBy(DailyReportRow::reportDate)));
    }

    /** Every day of a range, each with only the rows the scope keeps. */
    public List<BoardDay> between(LocalDate from, LocalDate to, Predicate<BoardRow> scope) {
        return between(from, to).stream().map(d -> d.filter(scope)).toList();
    }

    /**
     * Every day of a range as its charts and rankings read it, each with only the rows the scope keeps: the rows'
     * reports carry whether they were late and their numeric items, not their reporter, time or text items. The
     * days' figures are kept in memory and read again only for the days where a report was filed since.
     */
    public List<BoardDay> figuresBetween(LocalDate from, LocalDate to, Predicate<BoardRow> scope) {
        return days(from, to, figures.between(from, to)).stream().map(d -> d.filter(scope)).toList();
    }

    private List<BoardDay> days(LocalDate from, LocalDate to, Map<LocalDate, List<DailyReportRow>> reports) {
        DirectorySnapshot snapshot = directory.snapshot();
        List<DispatchPlan> plans = roster.plans();
        GroupFacts.Lookup groups = new GroupFacts.Lookup(snapshot);
        List<BoardDay> days = new ArrayList<>();
        roster.expectedBetween(from, to, snapshot, plans).forEach((day, expected) ->
                days.add(day(day, expected, reports.getOrDefault(day, List.of()), groups, plans)));
        return days;
    }

    private BoardDay day(LocalDate day, List<ExpectedGroup> expected, List<DailyReportRow> current,
                         GroupFacts.Lookup groups, List<DispatchPlan> plans) {
        Map<Long, DailyReportRow> reports = current.stream()
                .collect(Collectors.toMap(DailyReportRow::workGroupId, Function.identity(), (a, b) -> a));
        Set<Long> expectedIds = expected.stream().map(e -> e.group().id()).collect(Collectors.toSet());
        List<BoardRow> rows = new ArrayList<>();
        for (ExpectedGroup e : expected) {
            rows.add(row(groups, e.group(), e.plan(), true, Optional.ofNullable(reports.get(e.group().id()))));
        }
        reports.values().stream().filter(r -> !expectedIds.contains(r.workGroupId()))
                .sorted(java.util.Comparator.comparing(DailyReportRow::workGroupId))
                .forEach(r -> groups.snapshot().group(r.workGroupId())
                        .ifPresent(g -> rows.add(row(groups, g, roster.planOf(g, plans), false, Optional.of(r)))));
        Instant now = clock.instant();
        // closed when every expected group's close time has passed: each distinct close time checked once
        boolean closed = expected.stream().map(e -> e.plan().closeAt()).distinct().allMatch(close -> !now.isBefore(
                day.atTime(close).atZone(clock.getZone()).toInstant()));
        return new BoardDay(day, roster.describe(day), closed, List.copyOf(rows));
    }

    private static BoardRow row(GroupFacts.Lookup groups, WorkGroup group, DispatchPlan plan, boolean expected,
                                Optional<DailyReportRow> report) {
        ReportStatus status = report.map(r -> r.late() ? ReportStatus.LATE : ReportStatus.SUBMITTED)
                .orElse(ReportStatus.MISSING);
        GroupFacts facts = groups.of(group);
        List<FieldSpec> missing = report.map(r -> missingOf(plan, r)).orElse(List.of());
        return new BoardRow(group, facts.city(), facts.unit(), plan, facts.chats(), facts.leaders(), expected, status,
                report, missing);
    }

    /** The plan's required items the report lacks. */
    static List<FieldSpec> missingOf(DispatchPlan plan, DailyReportRow report) {
        if (report.missing() == null || report.missing().isBlank()) {
            return List.of();
        }
        Set<String> codes = Arrays.stream(report.missing().split(",")).collect(Collectors.toSet());
        return plan.fields().stream().filter(f -> codes.contains(f.code())).toList();
    }
}
