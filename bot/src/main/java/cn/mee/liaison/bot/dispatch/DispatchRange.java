package cn.mee.liaison.bot.dispatch;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The dispatch over a range of days: each day summed up (for the charts of completion and figures per city and
 * unit) and the units and groups ranked by completeness and punctuality.
 */
public record DispatchRange(LocalDate from, LocalDate to, List<DaySummary> days, List<Standing> units,
                            List<Standing> groups) {

    /** At most a year at a time. */
    public static final int MAX_DAYS = 366;

    public static DispatchRange of(LocalDate from, LocalDate to, List<BoardDay> boards) {
        Map<String, int[]> units = new LinkedHashMap<>();
        Map<Long, int[]> groups = new LinkedHashMap<>();
        Map<Long, BoardRow> groupRows = new LinkedHashMap<>();
        for (BoardDay board : boards) {
            for (BoardRow row : board.expected()) {
                count(units, row.unit() == null ? "未填单位" : row.unit(), row);
                count(groups, row.group().id(), row);
                groupRows.putIfAbsent(row.group().id(), row);
            }
        }
        List<Standing> unitStandings = units.entrySet().stream().map(e -> new Standing(e.getKey(), "", e.getKey(),
                e.getValue()[0], e.getValue()[1], e.getValue()[2], e.getValue()[3])).sorted(Standing.RANKING).toList();
        List<Standing> groupStandings = groups.entrySet().stream().map(e -> {
            BoardRow row = groupRows.get(e.getKey());
            int[] n = e.getValue();
            return new Standing(row.group().name(), row.city() == null ? "" : row.city(),
                    row.unit() == null ? "" : row.unit(), n[0], n[1], n[2], n[3]);
        }).sorted(Standing.RANKING).toList();
        return new DispatchRange(from, to, boards.stream().map(DaySummary::of).toList(), unitStandings,
                groupStandings);
    }

    private static <K> void count(Map<K, int[]> counts, K key, BoardRow row) {
        int[] n = counts.computeIfAbsent(key, k -> new int[4]);
        n[0]++;
        n[3] += row.incomplete() ? 1 : 0;
        if (row.status() == ReportStatus.SUBMITTED) {
            n[1]++;
        } else if (row.status() == ReportStatus.LATE) {
            n[2]++;
        }
    }
}
