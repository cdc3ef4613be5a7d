package cn.mee.liaison.bot.dispatch;

import org.unbescape.html.HtmlEscape;

/**
 * Writes the parts of a table's rows for the console's long tables (the board, the rankings), every value escaped
 * for HTML text and attributes as the templates escape; an attribute without a value is left out, as there.
 */
final class HtmlCells {

    private final StringBuilder html;

    HtmlCells(int rows) {
        this.html = new StringBuilder(rows * 640);
    }

    HtmlCells raw(String markup) {
        html.append(markup);
        return this;
    }

    HtmlCells text(String value) {
        html.append(value == null ? "" : HtmlEscape.escapeHtml4Xml(value));
        return this;
    }

    HtmlCells attribute(String name, String value) {
        if (value != null) {
            raw(" ").raw(name).raw("=\"").text(value).raw("\"");
        }
        return this;
    }

    /** {@code <td attributes>text</td>} and a new line. */
    HtmlCells cell(String attributes, String text) {
        return raw("<td").raw(attributes).raw(">").text(text).raw("</td>\n");
    }

    @Override
    public String toString() {
        return html.toString();
    }
}
