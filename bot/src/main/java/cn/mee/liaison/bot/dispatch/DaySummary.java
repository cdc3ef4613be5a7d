package cn.mee.liaison.bot.dispatch;

import cn.mee.liaison.bot.classify.FieldSpec;
import java.time.LocalDate;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The day's dispatch summed up (第四条(七)): per city, per responsible unit and per group kind, how many groups
 * reported, on time or late, how many of those reports lack required items, and the totals of the figures. A group
 * that reported on a day it need not is not counted as expected, but its figures are added up: the work was done.
 *
 * @param counts the figures that are added up (the NUMBER items of the plans in use), in plan order
 */
public record DaySummary(LocalDate day, String dayKind, boolean closed, Tally total, List<Tally> byCity,
                         List<Tally> byUnit, List<Tally> byKind, List<FieldSpec> counts, List<BoardRow> rows) {

    /**
     * One line of the summary.
     *
     * @param incomplete of the groups that reported (on time or late), those whose report lacks required items
     */
    public record Tally(String name, int expected, int onTime, int late, int incomplete, Map<String, Long> totals) {

        /** The groups that reported with every required item. */
        public int complete() {
            return reported() - incomplete;
        }

        /** The groups still owing the day's report: missing, or reported incomplete. */
        public int owing() {
            return missing() + incomplete;
        }

        public int reported() {
            return onTime + late;
        }

        public int missing() {
            return expected - reported();
        }

        /** Reported share in percent, 0–100 (100 when nothing was expected). */
        public int completionPercent() {
            return expected == 0 ? 100 : (int) Math.round(100.0 * reported() / expected);
        }
    }

    public static DaySummary of(BoardDay board) {
        Map<String, FieldSpec> counts = new LinkedHashMap<>();
        Set<DispatchPlan> plans = Collections.newSetFromMap(new IdentityHashMap<>());
        board.rows().forEach(r -> {
            if (plans.add(r.plan())) {
                r.plan().counts().forEach(f -> counts.putIfAbsent(f.code(), f));
            }
        });
        List<FieldSpec> countFields = List.copyOf(counts.values());
        // one pass: each row's figures read once and added to the total and to its city, unit and kind
        Sums total = new Sums("合计", countFields.size());
        Map<String, Sums> byCity = new LinkedHashMap<>();
        Map<String, Sums> byUnit = new LinkedHashMap<>();
        Map<String, Sums> byKind = new LinkedHashMap<>();
        for (BoardRow row : board.rows()) {
            long[] figures = figures(row, countFields);
            total.add(row, figures);
            sumsOf(byCity, nameOr(row.city(), "未填城市"), figures.length).add(row, figures);
            sumsOf(byUnit, nameOr(row.unit(), "未填单位"), figures.length).add(row, figures);
            sumsOf(byKind, row.group().kind().label(), figures.length).add(row, figures);
        }
        return new DaySummary(board.day(), board.dayKind(), board.closed(), total.tally(countFields),
                tallies(byCity, countFields), tallies(byUnit, countFields), tallies(byKind, countFields),
                countFields, board.rows());
    }

    /** The row's value of each figure, 0 where it has none or not a number. */
    private static long[] figures(BoardRow row, List<FieldSpec> counts) {
        Map<String, Object> fields = row.fields();
        long[] figures = new long[counts.size()];
        for (int i = 0; i < figures.length; i++) {
            if (fields.get(counts.get(i).code()) instanceof Number number) {
                figures[i] = number.longValue();
            }
        }
        return figures;
    }

    private static Sums sumsOf(Map<String, Sums> sums, String name, int figures) {
        return sums.computeIfAbsent(name, n -> new Sums(n, figures));
    }

    private static List<Tally> tallies(Map<String, Sums> sums, List<FieldSpec> counts) {
        return sums.values().stream().map(s -> s.tally(counts)).toList();
    }

    /** A tally being added up: every row's figures, and the expected groups counted. */
    private static final class Sums {

        private final String name;
        private final long[] figures;
        private int expected;
        private int onTime;
        private int late;
        private int incomplete;

        Sums(String name, int figures) {
            this.name = name;
            this.figures = new long[figures];
        }

        void add(BoardRow row, long[] values) {
            for (int i = 0; i < figures.length; i++) {
                figures[i] += values[i];
            }
            if (row.expected()) {
                expected++;
                onTime += row.status() == ReportStatus.SUBMITTED ? 1 : 0;
                late += row.status() == ReportStatus.LATE ? 1 : 0;
                incomplete += row.incomplete() ? 1 : 0;
            }
        }

        Tally tally(List<FieldSpec> counts) {
            Map<String, Long> totals = new LinkedHashMap<>();
            for (int i = 0; i < figures.length; i++) {
                totals.put(counts.get(i).code(), figures[i]);
            }
            return new Tally(name, expected, onTime, late, incomplete, totals);
        }
    }

    private static String nameOr(String name, String fallback) {
        return name == null || name.isBlank() ? fallback : name;
    }
}
