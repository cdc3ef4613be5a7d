package cn.mee.liaison.bot.dispatch;

import cn.mee.liaison.bot.classify.FieldSpec;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The day's summary as markdown (WeCom's subset: headings, bold, quotes, lists): for the bureau, every city, unit
 * and kind; for a city's central group, its own city, down to each group's figures.
 */
public final class SummaryText {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");

    private SummaryText() {
    }

    public static String forBureau(DaySummary summary) {
        StringBuilder text = heading(summary, "");
        section(text, "按城市", summary.byCity(), summary.counts());
        section(text, "按包保单位", summary.byUnit(), summary.counts());
        section(text, "按工作组类型", summary.byKind(), summary.counts());
        missing(text, summary.rows(), true);
        return text.toString().strip();
    }

    /** The summary of one city (build it from the city's rows only). */
    public static String forCity(DaySummary summary, String city, ZoneId zone) {
        StringBuilder text = heading(summary, city);
        section(text, "按包保单位", summary.byUnit(), summary.counts());
        text.append("\n**各工作组**\n");
        for (BoardRow row : summary.rows()) {
            text.append("- ").append(row.group().name()).append("：").append(row.status().label());
            row.submittedAt().ifPresent(at -> text.append(" ").append(CLOCK.format(at.atZone(zone))));
            if (row.incomplete()) {
                text.append("（缺").append(DispatchTexts.labels(row.missing())).append("）");
            }
            String figures = figures(row, summary.counts());
            text.append(figures.isEmpty() ? "" : "；" + figures).append('\n');
        }
        return text.toString().strip();
    }

    private static StringBuilder heading(DaySummary summary, String scope) {
        DaySummary.Tally total = summary.total();
        StringBuilder text = new StringBuilder("### ").append(scope).append(DispatchTexts.day(summary.day()))
                .append("工作调度汇总\n");
        text.append("> 应报 ").append(total.expected()).append(" 组，已报 ").append(total.reported())
                .append(" 组（按时 ").append(total.onTime()).append("，迟报 ").append(total.late())
                .append("），未报 ").append(total.missing()).append(" 组，报送率 ")
                .append(total.completionPercent()).append("%");
        if (total.incomplete() > 0) {
            text.append("；已报中完整 ").append(total.complete()).append(" 组，缺项 ").append(total.incomplete())
                    .append(" 组");
        }
        if (!summary.closed()) {
            text.append("（尚未截止）");
        }
        text.append('\n');
        String totals = totals(total, summary.counts());
        if (!totals.isEmpty()) {
            text.append("> ").append(totals).append('\n');
        }
        return text;
    }

    private static void section(StringBuilder text, String title, List<DaySummary.Tally> tallies,
                                List<FieldSpec> counts) {
        text.append("\n**").append(title).append("**\n");
        for (DaySummary.Tally tally : tallies) {
            text.append("- ").append(tally.name()).append("：已报 ").append(tally.reported()).append('/')
                    .append(tally.expected());
            if (tally.late() > 0 || tally.incomplete() > 0) {
                text.append("（").append(tally.late() > 0 ? "迟报 " + tally.late() : "")
                        .append(tally.late() > 0 && tally.incomplete() > 0 ? "，" : "")
                        .append(tally.incomplete() > 0 ? "缺项 " + tally.incomplete() : "").append("）");
            }
            String totals = totals(tally, counts);
            text.append(totals.isEmpty() ? "" : "；" + totals).append('\n');
        }
    }

    private static void missing(StringBuilder text, List<BoardRow> rows, boolean withCity) {
        List<BoardRow> missing = rows.stream().filter(r -> r.status() == ReportStatus.MISSING).toList();
        if (!missing.isEmpty()) {
            text.append("\n**未报**：").append(missing.stream()
                    .map(r -> withCity && r.city() != null && !r.group().name().startsWith(r.city())
                            ? r.city() + r.group().name() : r.group().name())
                    .collect(Collectors.joining("、"))).append('\n');
        }
        List<BoardRow> incomplete = rows.stream().filter(r -> r.expected() && r.incomplete()).toList();
        if (!incomplete.isEmpty()) {
            text.append("\n**缺项**：").append(incomplete.stream()
                    .map(r -> (withCity && r.city() != null && !r.group().name().startsWith(r.city())
                            ? r.city() + r.group().name() : r.group().name())
                            + "（缺" + DispatchTexts.labels(r.missing()) + "）")
                    .collect(Collectors.joining("、"))).append('\n');
        }
    }

    private static String totals(DaySummary.Tally tally, List<FieldSpec> counts) {
        return counts.stream().map(f -> f.label() + " " + tally.totals().getOrDefault(f.code(), 0L))
                .collect(Collectors.joining("，"));
    }

    private static String figures(BoardRow row, List<FieldSpec> counts) {
        return counts.stream().filter(f -> row.fields().get(f.code()) != null)
                .map(f -> f.label() + " " + row.fields().get(f.code())).collect(Collectors.joining("，"));
    }
}
