package cn.mee.liaison.bot.dispatch;

import java.util.List;

/**
 * The rows of the statistics page's rankings (a {@code <tr>} per unit or group, a thousand groups and more), written
 * here rather than by the template for the same reason as the board's lines ({@link BoardLinesHtml}).
 */
final class StandingsHtml {

    private StandingsHtml() {
    }

    /** Rank, name, (for groups) city and unit, the counts, completeness and punctuality. */
    static String of(List<Standing> standings, boolean groups) {
        HtmlCells html = new HtmlCells(standings.size());
        int rank = 0;
        for (Standing s : standings) {
            html.raw("<tr").attribute("data-name", s.name());
            if (groups) {
                html.attribute("data-city", s.city());
            }
            html.raw(">\n").cell("", String.valueOf(++rank)).cell("", s.name());
            if (groups) {
                html.cell("", s.city()).cell("", s.unit());
            }
            html.cell("", String.valueOf(s.expected())).cell("", String.valueOf(s.onTime()))
                    .cell("", String.valueOf(s.late())).cell("", String.valueOf(s.missing()))
                    .cell(" class=\"incomplete\"", String.valueOf(s.incomplete()))
                    .cell("", s.completeness() + "%").cell("", s.punctuality() + "%").raw("</tr>\n");
        }
        return html.toString();
    }
}
