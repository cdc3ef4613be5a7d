package cn.mee.liaison.bot.dispatch;

import cn.mee.liaison.bot.classify.FieldSpec;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The day's dispatch summed up (第四条(七)): per city, per responsible unit and per group kind, how many groups
 * reported, on time or late, and the totals of the figures. A group that reported on a day it need not is not
 * counted as expected, but its figures are added up: the work was done.
 *
 * @param counts the figures that are added up (the NUMBER items of the plans in use), in plan order
 */
public record DaySummary(LocalDate day, String dayKind, boolean closed, Tally total, List<Tally> byCity,
                         List<Tally> byUnit, List<Tally> byKind, List<FieldSpec> counts, List<BoardRow> rows) {

    /** One line of the summary. */
    public record Tally(String name, int expected, int onTime, int late, Map<String, Long> totals) {

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
        return new DaySummary(board.day(), board.dayKind(), board.closed(),
                tally("合计", board.rows(), countFields),
                group(board.rows(), r -> nameOr(r.city(), "未填城市"), countFields),
                group(board.rows(), r -> nameOr(r.unit(), "未填单位"), countFields),
                group(board.rows(), r -> r.group().kind().label(), countFields),
                countFields, board.rows());
    }

    private static List<Tally> group(List<BoardRow> rows, Function<BoardRow, String> key, List<FieldSpec> counts) {
        Map<String, List<BoardRow>> groups = rows.stream()
                .collect(Collectors.groupingBy(key, LinkedHashMap::new, Collectors.toList()));
        List<Tally> tallies = new ArrayList<>();
        groups.forEach((name, members) -> tallies.add(tally(name, members, counts)));
        return tallies;
    }

    /** One pass over the rows: the figures added up (numbers only) and the expected groups counted. */
    private static Tally tally(String name, List<BoardRow> rows, List<FieldSpec> counts) {
        long[] sums = new long[counts.size()];
        int expected = 0;
        int onTime = 0;
        int late = 0;
        for (BoardRow row : rows) {
            Map<String, Object> fields = row.fields();
            for (int i = 0; i < sums.length; i++) {
                if (fields.get(counts.get(i).code()) instanceof Number number) {
                    sums[i] += number.longValue();
                }
            }
            if (row.expected()) {
                expected++;
                onTime += row.status() == ReportStatus.SUBMITTED ? 1 : 0;
                late += row.status() == ReportStatus.LATE ? 1 : 0;
            }
        }
        Map<String, Long> totals = new LinkedHashMap<>();
        for (int i = 0; i < sums.length; i++) {
            totals.put(counts.get(i).code(), sums[i]);
        }
        return new Tally(name, expected, onTime, late, totals);
    }

    private static String nameOr(String name, String fallback) {
        return name == null || name.isBlank() ? fallback : name;
    }
}
