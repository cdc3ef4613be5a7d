package cn.mee.liaison.bot.dispatch;

import java.util.List;

/**
 * The lines of the console's board (the {@code <tr>}s of its table), written here rather than by the template: a
 * board has a line per group, a thousand and more, and the template engine took ~0.1 ms of CPU for each (its
 * expressions, attributes and the loop over the figures) — two thirds of the page.
 */
final class BoardLinesHtml {

    private BoardLinesHtml() {
    }

    static String of(List<BoardLine> lines) {
        HtmlCells html = new HtmlCells(lines.size());
        for (BoardLine l : lines) {
            html.raw("<tr").attribute("data-group", l.group()).attribute("data-city", l.city())
                    .attribute("data-unit", l.unit()).attribute("data-kind", l.kind())
                    .attribute("data-status", l.status()).attribute("data-expected", String.valueOf(l.expected()))
                    .attribute("data-chat", l.chatId()).raw(">\n")
                    .cell("", l.city()).cell("", l.unit()).cell("", l.group()).cell("", l.kindLabel())
                    .raw("<td><span class=\"status ").text(l.status()).raw("\">").text(l.statusLabel()).raw("</span>");
            if (!l.expected()) {
                html.raw("\n  <span class=\"muted\">（非调度日，不计入）</span>");
            }
            html.raw("</td>\n<td class=\"time\"").attribute("data-at", l.submittedAt()).raw(">").text(l.time())
                    .raw("</td>\n").cell(" class=\"reporter\"", l.reporter());
            l.figures().forEach(figure -> html.cell(" class=\"figure\"", figure));
            html.cell(" class=\"missing-items\"", l.missing()).raw("<td class=\"history-cell\">");
            if (l.historyUrl() != null) {
                // unfolded by dispatch-board.js, which fetches the list when opened
                html.raw("<details class=\"history\"").attribute("data-src", l.historyUrl())
                        .raw("><summary>历次报送</summary></details>");
            }
            html.raw("</td>\n</tr>\n");
        }
        return html.toString();
    }
}
