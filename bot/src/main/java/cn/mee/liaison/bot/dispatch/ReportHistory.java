package cn.mee.liaison.bot.dispatch;

import cn.mee.liaison.bot.classify.FieldSpec;
import cn.mee.liaison.bot.web.BadRequest;
import cn.mee.liaison.bot.web.NotFound;
import cn.mee.liaison.storage.dispatch.DailyReportRow;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * Every report a group made on a day, the current one first and the ones it replaced after it, newest first: who
 * sent each and when ({@code GET /api/v1/dispatch/{date}/groups/{group}/history}, the board's 历次报送).
 */
@Service
public class ReportHistory {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("M月d日 HH:mm");

    private final DispatchBoard board;
    private final DailyReports reports;

    ReportHistory(DispatchBoard board, DailyReports reports) {
        this.board = board;
        this.reports = reports;
    }

    /** A group's row on the day's board and its reports of the day, the current one first. */
    public record Versions(BoardRow row, List<DailyReportRow> reports) {
    }

    /**
     * The reports of the group on the day's board (within the scope) named by its id or its name; a name that more
     * than one group on the board bears needs the city too.
     */
    public Versions of(LocalDate day, String group, String city, Predicate<BoardRow> scope) {
        String wanted = group == null ? "" : group.strip();
        List<BoardRow> rows = board.on(day).filter(scope).rows().stream()
                .filter(r -> wanted.equals(String.valueOf(r.group().id())) || wanted.equals(r.group().name()))
                .filter(r -> city == null || city.isBlank() || city.strip().equals(r.city()))
                .toList();
        if (rows.isEmpty()) {
            throw new NotFound(day + " 的看板上没有工作组\u201c" + wanted + "\u201d");
        }
        if (rows.size() > 1) {
            throw new BadRequest("ambiguous_group", "有 " + rows.size() + " 个名为\u201c" + wanted + "\u201d的工作组（"
                    + rows.stream().map(BoardRow::city).collect(Collectors.joining("、"))
                    + "）：请用工作组 id，或加 city 参数");
        }
        BoardRow row = rows.get(0);
        return new Versions(row, row.reported() ? reports.historyOf(day, row.group().id()) : List.of());
    }

    static Map<String, Object> json(LocalDate day, Versions versions, ZoneId zone) {
        BoardRow row = versions.row();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("date", day.toString());
        body.put("workGroupId", row.group().id());
        body.put("workGroup", row.group().name());
        body.put("city", row.city());
        body.put("versions", versions.reports().stream().map(r -> {
            Map<String, Object> version = new LinkedHashMap<>();
            version.put("current", r.current());
            version.put("submittedAt", r.submittedAt().atZone(zone).toOffsetDateTime().toString());
            version.put("reporter", r.reporterName() == null ? r.reporterId() : r.reporterName());
            version.put("reporterId", r.reporterId());
            version.put("late", r.late());
            version.put("fields", r.fields());
            version.put("missingItems", DispatchBoard.missingOf(row.plan(), r).stream().map(FieldSpec::label).toList());
            version.put("messageId", r.messageId());
            return version;
        }).toList());
        return body;
    }

    /** The board's 历次报送 list: one line per report, the current one marked. */
    static String html(Versions versions, ZoneId zone) {
        HtmlCells html = new HtmlCells(versions.reports().size());
        if (versions.reports().size() < 2) {
            return html.raw("<p class=\"muted\">当天只报送过一次，没有被替换的版本。</p>").toString();
        }
        html.raw("<ol class=\"history-list\">\n");
        for (DailyReportRow r : versions.reports()) {
            html.raw("<li").attribute("class", r.current() ? "current" : "replaced").raw("><span class=\"time\">")
                    .text(TIME.format(r.submittedAt().atZone(zone))).raw("</span> <span class=\"reporter\">")
                    .text(r.reporterName() == null ? r.reporterId() : r.reporterName()).raw("</span>")
                    .text(r.current() ? "（当前）" : "（已被替换）").raw("：").text(figures(versions.row().plan(), r))
                    .raw("</li>\n");
        }
        return html.raw("</ol>").toString();
    }

    private static String figures(DispatchPlan plan, DailyReportRow report) {
        return plan.fields().stream().filter(f -> report.fields().get(f.code()) != null)
                .map(f -> f.label() + " " + report.fields().get(f.code())).collect(Collectors.joining("，"));
    }
}
