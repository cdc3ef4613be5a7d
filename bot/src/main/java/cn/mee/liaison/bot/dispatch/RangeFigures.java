package cn.mee.liaison.bot.dispatch;

import cn.mee.liaison.storage.dispatch.DailyReportFigures;
import cn.mee.liaison.storage.dispatch.DailyReportRow;
import cn.mee.liaison.storage.dispatch.DailyReportStamp;
import cn.mee.liaison.storage.dispatch.DispatchMapper;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The figures of a range's current reports, what its charts and rankings read, kept in memory by day. Every read
 * first asks the database for the stamps of the range's days (from the day index alone: a day's rows and greatest
 * id) and reads again only the days whose stamp changed: a report filed for any day, on this instance or another,
 * shows at once. Days are read after their stamp, so a day kept is never older than its stamp says. At most
 * {@code liaison.dispatch.cached-reports} reports are kept, the least recently read days dropped first.
 *
 * <p>After start, the figures of the most recent days are read ahead in the background, as many of the last
 * {@code liaison.dispatch.read-ahead-days} (366; 0 for none) as fit in that room, so that a chart of any of them is
 * drawn from memory the first time it is asked for too.
 */
@Component
class RangeFigures {

    private static final Logger log = LoggerFactory.getLogger(RangeFigures.class);
    /** Days read ahead at once: a month of a thousand groups is some 27,000 rows. */
    private static final int READ_AHEAD_STEP = 31;

    private final DispatchMapper mapper;
    private final int capacity;
    private final int readAheadDays;
    private final Clock clock;
    /** By day, the least recently read first; guarded by this. */
    private final LinkedHashMap<LocalDate, DayFigures> days = new LinkedHashMap<>(64, 0.75f, true);
    private long kept;

    RangeFigures(DispatchMapper mapper, @Value("${liaison.dispatch.cached-reports:400000}") int capacity,
                 @Value("${liaison.dispatch.read-ahead-days:366}") int readAheadDays, Clock clock) {
        this.mapper = mapper;
        this.capacity = capacity;
        this.readAheadDays = readAheadDays;
        this.clock = clock;
    }

    /** The current reports of each day of the range (both ends included), with their numeric items only. */
    Map<LocalDate, List<DailyReportRow>> between(LocalDate from, LocalDate to) {
        Map<LocalDate, DayFigures> found = figures(from, to);
        Map<LocalDate, List<DailyReportRow>> reports = new LinkedHashMap<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            reports.put(day, found.get(day).reports());
        }
        return reports;
    }

    @EventListener(ApplicationReadyEvent.class)
    void readAheadOnceStarted() {
        if (readAheadDays > 0) {
            Thread reader = new Thread(this::readAhead, "dispatch-read-ahead");
            reader.setDaemon(true);
            reader.start();
        }
    }

    /**
     * Reads the figures of the most recent days with reports, today back, as many days as fit in the room kept for
     * them, oldest first (so that the newest are the last dropped); returns how many days were read. Only the
     * database's stamps are read for the days already kept.
     */
    int readAhead() {
        try {
            long started = System.nanoTime();
            LocalDate today = LocalDate.now(clock);
            LocalDate horizon = today.minusDays(readAheadDays - 1L);
            List<DailyReportStamp> stamps = mapper.stampsBetween(horizon, today);
            if (stamps.isEmpty()) {
                return 0;
            }
            Map<LocalDate, Long> rowsOf = stamps.stream()
                    .collect(Collectors.toMap(DailyReportStamp::reportDate, DailyReportStamp::rows));
            LocalDate oldest = stamps.get(0).reportDate();
            LocalDate first = null;
            long rows = 0;
            // each day weighs what keeping it does (replaced reports counted too: what is kept is at most this)
            for (LocalDate day = today; !day.isBefore(oldest); day = day.minusDays(1)) {
                rows += Math.max(1, rowsOf.getOrDefault(day, 0L));
                if (rows > capacity) {
                    break;
                }
                first = day;
            }
            if (first == null) {
                return 0;
            }
            int days = 0;
            for (LocalDate from = first; !from.isAfter(today); from = from.plusDays(READ_AHEAD_STEP)) {
                LocalDate to = from.plusDays(READ_AHEAD_STEP - 1L);
                days += figures(from, to.isAfter(today) ? today : to).size();
            }
            log.info("read ahead the dispatch figures of {} days from {} ({} report rows) in {} ms", days, first,
                    rows, (System.nanoTime() - started) / 1_000_000);
            return days;
        } catch (RuntimeException e) {
            log.warn("could not read the dispatch figures ahead ({}); each range is read when first asked for", e
                    .toString());
            return 0;
        }
    }

    /** The figures of each day of the range, in order, kept or read. */
    private Map<LocalDate, DayFigures> figures(LocalDate from, LocalDate to) {
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
                        .add(report.workGroupId(), report.late(), report.fieldsJson(), report.missing());
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
        return found;
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
