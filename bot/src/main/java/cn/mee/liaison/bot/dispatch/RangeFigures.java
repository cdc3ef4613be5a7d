package cn.mee.liaison.bot.dispatch;

import cn.mee.liaison.storage.dispatch.DailyReportFigures;
import cn.mee.liaison.storage.dispatch.DailyReportRow;
import cn.mee.liaison.storage.dispatch.DailyReportStamp;
import cn.mee.liaison.storage.dispatch.DispatchMapper;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The figures of a range's current reports, what its charts and rankings read, kept in memory by day. Every read
 * first asks the database for the stamps of the range's days (from the day index alone: a day's rows and greatest
 * id) and reads again only the days whose stamp changed: a report filed for any day, on this instance or another,
 * shows at once. Days are read after their stamp, so a day kept is never older than its stamp says. At most
 * {@code liaison.dispatch.cached-reports} reports are kept, the least recently read days dropped first.
 */
@Component
class RangeFigures {

    private final DispatchMapper mapper;
    private final int capacity;
    /** By day, the least recently read first; guarded by this. */
    private final LinkedHashMap<LocalDate, DayFigures> days = new LinkedHashMap<>(64, 0.75f, true);
    private long kept;

    RangeFigures(DispatchMapper mapper, @Value("${liaison.dispatch.cached-reports:400000}") int capacity) {
        this.mapper = mapper;
        this.capacity = capacity;
    }

    /** The current reports of each day of the range (both ends included), with their numeric items only. */
    Map<LocalDate, List<DailyReportRow>> between(LocalDate from, LocalDate to) {
        Map<LocalDate, DailyReportStamp> stamps = mapper.stampsBetween(from, to).stream()
                .collect(Collectors.toMap(DailyReportStamp::reportDate, Function.identity()));
        Map<LocalDate, DayFigures> found = new LinkedHashMap<>();
        LocalDate firstStale = null;
        LocalDate lastStale = null;
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            DailyReportStamp stamp = stamps.getOrDefault(day, DailyReportStamp.none(day));
            DayFigures kept = kept(day);
            if (kept != null && kept.stamp().equals(stamp)) {
                found.put(day, kept);
            } else {
                firstStale = firstStale == null ? day : firstStale;
                lastStale = day;
            }
        }
        if (firstStale != null) {
            Map<LocalDate, DayFigures.Reading> read = new HashMap<>();
            mapper.figuresBetween(firstStale, lastStale, each -> {
                DailyReportFigures report = each.getResultObject();
                read.computeIfAbsent(report.reportDate(), d -> new DayFigures.Reading())
                        .add(report.workGroupId(), report.late(), report.fieldsJson());
            });
            for (LocalDate day = firstStale; !day.isAfter(lastStale); day = day.plusDays(1)) {
                if (!found.containsKey(day)) {
                    DayFigures figures = read.getOrDefault(day, new DayFigures.Reading())
                            .done(stamps.getOrDefault(day, DailyReportStamp.none(day)));
                    keep(day, figures);
                    found.put(day, figures);
                }
            }
        }
        Map<LocalDate, List<DailyReportRow>> reports = new LinkedHashMap<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            reports.put(day, found.get(day).reports());
        }
        return reports;
    }

    private synchronized DayFigures kept(LocalDate day) {
        return days.get(day);
    }

    private synchronized void keep(LocalDate day, DayFigures figures) {
        DayFigures replaced = days.put(day, figures);
        kept += weight(figures) - (replaced == null ? 0 : weight(replaced));
        var eldest = days.entrySet().iterator();
        while (kept > capacity && eldest.hasNext()) {
            kept -= weight(eldest.next().getValue());
            eldest.remove();
        }
    }

    /** A day without reports still takes a little room. */
    private static int weight(DayFigures figures) {
        return Math.max(1, figures.size());
    }
}
