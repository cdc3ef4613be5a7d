package cn.mee.liaison.bot.dispatch;

import cn.mee.liaison.bot.classify.FieldSpec;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The board and the summaries as the API gives them (the board's shape is fixed by the contract). */
final class BoardJson {

    private BoardJson() {
    }

    static Map<String, Object> board(BoardDay day, ZoneId zone) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("date", day.day().toString());
        body.put("dayKind", day.dayKind());
        body.put("closed", day.closed());
        DaySummary.Tally total = DaySummary.of(day).total();
        body.put("counts", Map.of("expected", total.expected(), "submitted", total.onTime(), "late", total.late(),
                "missing", total.missing(), "incomplete", total.incomplete()));
        body.put("groups", day.rows().stream().map(row -> row(row, zone)).toList());
        return body;
    }

    private static Map<String, Object> row(BoardRow row, ZoneId zone) {
        Map<String, Object> group = new LinkedHashMap<>();
        group.put("workGroup", row.group().name());
        group.put("chatId", row.chatId());
        group.put("status", row.status().name());
        group.put("submittedAt", row.submittedAt().map(at -> at.atZone(zone).toOffsetDateTime().toString())
                .orElse(null));
        group.put("fields", row.fields());
        group.put("city", row.city());
        group.put("unit", row.unit());
        group.put("kind", row.group().kind().name());
        group.put("expected", row.expected());
        group.put("reporter", row.report().map(r -> r.reporterName() == null ? r.reporterId() : r.reporterName())
                .orElse(null));
        group.put("complete", row.complete());
        group.put("missingItems", row.missing().stream().map(FieldSpec::label).toList());
        return group;
    }

    static Map<String, Object> summary(DaySummary summary) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("date", summary.day().toString());
        body.put("dayKind", summary.dayKind());
        body.put("closed", summary.closed());
        body.put("items", summary.counts().stream().map(f -> Map.of("code", f.code(), "label", f.label())).toList());
        body.put("total", tally(summary.total()));
        body.put("byCity", summary.byCity().stream().map(BoardJson::tally).toList());
        body.put("byUnit", summary.byUnit().stream().map(BoardJson::tally).toList());
        body.put("byKind", summary.byKind().stream().map(BoardJson::tally).toList());
        return body;
    }

    static Map<String, Object> tally(DaySummary.Tally tally) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("name", tally.name());
        line.put("expected", tally.expected());
        line.put("onTime", tally.onTime());
        line.put("late", tally.late());
        line.put("missing", tally.missing());
        line.put("complete", tally.complete());
        line.put("incomplete", tally.incomplete());
        line.put("completion", tally.completionPercent());
        line.put("totals", tally.totals());
        return line;
    }

    static Map<String, Object> range(DispatchRange range) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("from", range.from().toString());
        body.put("to", range.to().toString());
        body.put("days", range.days().stream().map(BoardJson::summary).toList());
        body.put("units", range.units());
        body.put("groups", range.groups());
        return body;
    }

    static List<Map<String, Object>> reminded(List<BoardRow> rows) {
        return rows.stream().map(r -> {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("workGroup", r.group().name());
            line.put("chatId", r.chatId());
            return line;
        }).toList();
    }
}
