package cn.mee.liaison.bot.dispatch;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Predicate;

/**
 * The day's board: every group expected to report, and any other that reported anyway.
 *
 * @param dayKind what kind of day it is (工作日, 国庆节假期, 调休上班 …)
 * @param closed  whether every group's close time has passed
 */
public record BoardDay(LocalDate day, String dayKind, boolean closed, List<BoardRow> rows) {

    public BoardDay filter(Predicate<BoardRow> keep) {
        return new BoardDay(day, dayKind, closed, rows.stream().filter(keep).toList());
    }

    public List<BoardRow> missing() {
        return rows.stream().filter(r -> r.status() == ReportStatus.MISSING).toList();
    }

    /** The groups still owing the day's report: missing, or reported without every required item. */
    public List<BoardRow> owing() {
        return rows.stream().filter(BoardRow::owing).toList();
    }

    /** The groups that report on the day (not those that reported on a day off anyway). */
    public List<BoardRow> expected() {
        return rows.stream().filter(BoardRow::expected).toList();
    }

    public long count(ReportStatus status) {
        return rows.stream().filter(r -> r.status() == status).count();
    }
}
