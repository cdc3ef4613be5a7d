package cn.mee.liaison.bot.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import cn.mee.liaison.storage.dispatch.DailyReportFigures;
import cn.mee.liaison.storage.dispatch.DailyReportRow;
import cn.mee.liaison.storage.dispatch.DailyReportStamp;
import cn.mee.liaison.storage.dispatch.DispatchMapper;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.ibatis.executor.result.DefaultResultContext;
import org.apache.ibatis.session.ResultHandler;
import org.junit.jupiter.api.Test;

/**
 * The range's figures read, and kept: the same reports as the days hold, each day read once, a day whose stamp changed
 * read again alone, the least recently read days dropped past the capacity. The database is a stand-in answering the
 * two reads the class makes (the real ones are tested through the pages and the API in {@code DispatchPagesTest}).
 */
class RangeFiguresTest {

    private static final LocalDate FIRST = LocalDate.of(2026, 11, 1);
    /** The 30th of November, 10:00 in Shanghai. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T02:00:00Z"), ZoneId.of("Asia/Shanghai"));

    /** Per day: the work groups that reported, each with 检查企业数 = its id + the day of the month. */
    private final Map<LocalDate, List<Long>> reported = new ConcurrentHashMap<>();
    private final Map<LocalDate, DailyReportStamp> stamps = new ConcurrentHashMap<>();
    private final List<String> reads = new CopyOnWriteArrayList<>();

    private void report(LocalDate day, long group) {
        reported.computeIfAbsent(day, d -> new CopyOnWriteArrayList<>()).add(group);
        DailyReportStamp stamp = stamps.getOrDefault(day, DailyReportStamp.none(day));
        stamps.put(day, new DailyReportStamp(day, stamp.rows() + 1, stamp.lastId() + 1));
    }

    @Test
    void aRangeIsReadOnceAndKeptThenADayThatChangedIsReadAlone() {
        RangeFigures figures = new RangeFigures(database(), 400_000, 366, CLOCK);
        for (int d = 0; d < 30; d++) {
            for (long group = 1; group <= 1 + d % 4; group++) {
                report(FIRST.plusDays(d), group);
            }
        }
        LocalDate last = FIRST.plusDays(29);

        Map<LocalDate, List<DailyReportRow>> range = figures.between(FIRST, last);
        assertThat(reads).containsExactly("2026-11-01..2026-11-30");
        assertThat(range).hasSize(30);
        range.forEach((day, reports) -> {
            assertThat(reports).extracting(DailyReportRow::workGroupId).containsExactlyElementsOf(reported.get(day));
            reports.forEach(r -> assertThat(r.fields()).containsEntry("jcqys", r.workGroupId() + day.getDayOfMonth()));
        });

        reads.clear();
        assertThat(figures.between(FIRST, last)).isEqualTo(range);
        assertThat(reads).as("all kept").isEmpty();

        report(FIRST.plusDays(14), 9);
        Map<LocalDate, List<DailyReportRow>> again = figures.between(FIRST, last);
        assertThat(reads).containsExactly("2026-11-15..2026-11-15");
        assertThat(again.get(FIRST.plusDays(14))).extracting(DailyReportRow::workGroupId).endsWith(9L);
    }

    @Test
    void pastItsCapacityTheLeastRecentlyReadDaysAreDroppedAndReadAgainWhenAsked() {
        RangeFigures figures = new RangeFigures(database(), 60, 366, CLOCK);
        for (int d = 0; d < 30; d++) {
            for (long group = 1; group <= 4; group++) { // 120 reports in all, twice the capacity
                report(FIRST.plusDays(d), group);
            }
        }
        figures.between(FIRST, FIRST.plusDays(14));
        figures.between(FIRST.plusDays(15), FIRST.plusDays(29));
        reads.clear();

        figures.between(FIRST.plusDays(15), FIRST.plusDays(29));
        assertThat(reads).as("the days read last are kept").isEmpty();
        assertThat(figures.between(FIRST, FIRST.plusDays(14)).get(FIRST)).hasSize(4);
        assertThat(reads).as("the days read first were dropped").containsExactly("2026-11-01..2026-11-15");
    }

    @Test
    void readAheadTheMostRecentDaysThatFitThenARangeOfThemIsReadFromMemory() {
        for (int d = 0; d < 30; d++) {
            for (long group = 1; group <= 4; group++) {
                report(FIRST.plusDays(d), group);
            }
        }
        report(FIRST.minusDays(200), 1); // far back: beyond the room, not read
        RangeFigures figures = new RangeFigures(database(), 100, 366, CLOCK);

        assertThat(figures.readAhead()).as("25 days of 4 reports fit in a room of 100").isEqualTo(25);
        assertThat(reads).containsExactly("2026-11-06..2026-11-30");

        reads.clear();
        Map<LocalDate, List<DailyReportRow>> month = figures.between(FIRST.plusDays(5), FIRST.plusDays(29));
        assertThat(reads).as("all read ahead").isEmpty();
        assertThat(month.get(FIRST.plusDays(29))).extracting(DailyReportRow::workGroupId)
                .containsExactly(1L, 2L, 3L, 4L);
        figures.between(FIRST.plusDays(4), FIRST.plusDays(4));
        assertThat(reads).as("the days that did not fit").containsExactly("2026-11-05..2026-11-05");
    }

    @Test
    void readAheadOfAYearReadsItAMonthAtATimeOldestFirst() {
        for (int d = 0; d < 366; d++) {
            report(LocalDate.of(2026, 11, 30).minusDays(d), 1 + d % 3);
        }
        RangeFigures figures = new RangeFigures(database(), 400_000, 366, CLOCK);

        assertThat(figures.readAhead()).isEqualTo(366);
        assertThat(reads).hasSize(12).startsWith("2025-11-30..2025-12-30").endsWith("2026-11-06..2026-11-30");
        reads.clear();
        assertThat(figures.readAhead()).as("nothing new: the stamps alone are read").isEqualTo(366);
        assertThat(reads).isEmpty();
    }

    @Test
    void nothingToReadAheadOrADatabaseOutOfReachLeavesTheRangesToBeReadWhenAsked() {
        assertThat(new RangeFigures(database(), 400_000, 366, CLOCK).readAhead()).isZero();
        assertThat(reads).isEmpty();

        DispatchMapper unreachable = (DispatchMapper) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {DispatchMapper.class}, (proxy, method, args) -> {
                    throw new org.springframework.dao.DataAccessResourceFailureException("connection refused");
                });
        assertThat(new RangeFigures(unreachable, 400_000, 366, CLOCK).readAhead()).isZero();
    }

    /** The two reads RangeFigures makes; anything else is a mistake of the test. */
    private DispatchMapper database() {
        return (DispatchMapper) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {DispatchMapper.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "stampsBetween" -> stamps.values().stream()
                            .filter(s -> inside(s.reportDate(), (LocalDate) args[0], (LocalDate) args[1]))
                            .sorted(java.util.Comparator.comparing(DailyReportStamp::reportDate)).toList();
                    case "figuresBetween" -> {
                        reads.add(args[0] + ".." + args[1]);
                        @SuppressWarnings("unchecked")
                        ResultHandler<DailyReportFigures> each = (ResultHandler<DailyReportFigures>) args[2];
                        DefaultResultContext<DailyReportFigures> row = new DefaultResultContext<>();
                        for (LocalDate day = (LocalDate) args[0]; !day.isAfter((LocalDate) args[1]);
                             day = day.plusDays(1)) {
                            for (long group : reported.getOrDefault(day, List.of())) {
                                row.nextResultObject(new DailyReportFigures(day, group, false,
                                        "{\"jcqys\":" + (group + day.getDayOfMonth()) + ",\"mrjh\":\"夜查\"}"));
                                each.handleResult(row);
                            }
                        }
                        yield null;
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static boolean inside(LocalDate day, LocalDate from, LocalDate to) {
        return !day.isBefore(from) && !day.isAfter(to);
    }
}
