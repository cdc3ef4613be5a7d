package cn.mee.liaison.bot.dispatch;

import java.util.List;
import org.unbescape.html.HtmlEscape;

/**
 * The lines of the console's board (the {@code <tr>}s of its table), written here rather than by the template: a
 * board has a line per group, a thousand and more, and the template engine took ~0.1 ms of CPU for each (its
 * expressions, attributes and the loop over the figures) — two thirds of the page. Every value is escaped for HTML
 * text and attributes; an attribute without a value is left out, as the template does.
 */
final class BoardLinesHtml {

    private BoardLinesHtml() {
    }

    static String of(List<BoardLine> lines) {
        StringBuilder html = new StringBuilder(lines.size() * 640);
        for (BoardLine l : lines) {
            html.append("<tr");
            attribute(html, "data-group", l.group());
            attribute(html, "data-city", l.city());
            attribute(html, "data-unit", l.unit());
            attribute(html, "data-kind", l.kind());
            attribute(html, "data-status", l.status());
            attribute(html, "data-expected", String.valueOf(l.expected()));
            attribute(html, "data-chat", l.chatId());
            html.append(">\n");
            cell(html, "", l.city());
            cell(html, "", l.unit());
            cell(html, "", l.group());
            cell(html, "", l.kindLabel());
            html.append("<td><span class=\"status ").append(escape(l.status())).append("\">")
                    .append(escape(l.statusLabel())).append("</span>");
            if (!l.expected()) {
                html.append("\n  <span class=\"muted\">（非调度日，不计入）</span>");
            }
            html.append("</td>\n<td class=\"time\"");
            attribute(html, "data-at", l.submittedAt());
            html.append('>').append(escape(l.time())).append("</td>\n");
            cell(html, " class=\"reporter\"", l.reporter());
            for (String figure : l.figures()) {
                cell(html, " class=\"figure\"", figure);
            }
            cell(html, " class=\"missing-items\"", l.missing());
            html.append("</tr>\n");
        }
        return html.toString();
    }

    private static void attribute(StringBuilder html, String name, String value) {
        if (value != null) {
            html.append(' ').append(name).append("=\"").append(escape(value)).append('"');
        }
    }

    private static void cell(StringBuilder html, String attributes, String text) {
        html.append("<td").append(attributes).append('>').append(escape(text)).append("</td>\n");
    }

    private static String escape(String value) {
        return value == null ? "" : HtmlEscape.escapeHtml4Xml(value);
    }
}
