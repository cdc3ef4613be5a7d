package cn.mee.liaison.bot.dispatch;

import cn.mee.liaison.bot.classify.FieldKind;
import cn.mee.liaison.bot.classify.FieldSpec;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * The day's board as the console shows it: the day and its kind, the counts, the columns of figures (every item of
 * the plans in use, in plan order) and one line per group, with the totals of the numeric items.
 *
 * @param title    {@code 10月13日（周二）}
 * @param dayType  for the page's colours: workday, makeup (调休上班), holiday or rest
 * @param extra    groups that reported on a day they need not (shown, not counted)
 * @param totals   per column, the total of a numeric item, empty for a text item
 */
record BoardView(LocalDate day, String title, String dayKind, String dayType, boolean closed,
                 DaySummary.Tally total, long extra, List<FieldSpec> columns, List<BoardLine> lines, List<String> totals) {

    static BoardView of(BoardDay board, ZoneId zone) {
        List<FieldSpec> columns = DispatchExport.items(List.of(board));
        DaySummary summary = DaySummary.of(board);
        List<String> totals = columns.stream().map(f -> f.kind() == FieldKind.NUMBER
                ? String.valueOf(summary.total().totals().getOrDefault(f.code(), 0L)) : "").toList();
        return new BoardView(board.day(), DispatchTexts.day(board.day()), board.dayKind(), type(board.dayKind()), board.closed(), summary.total(),
                board.rows().stream().filter(r -> !r.expected()).count(), columns,
                board.rows().stream().map(r -> BoardLine.of(r, columns, zone)).toList(), totals);
    }

    /** The lines as the table's rows, in HTML. */
    public String linesHtml() {
        return BoardLinesHtml.of(lines);
    }

    /** The day's kind as the roster words it (工作日, 国庆节调休上班, 国庆节假期, 休息日). */
    private static String type(String dayKind) {
        if (dayKind.equals("工作日")) {
            return "workday";
        }
        if (dayKind.endsWith("上班")) {
            return "makeup";
        }
        return dayKind.equals("休息日") ? "rest" : "holiday";
    }
}
