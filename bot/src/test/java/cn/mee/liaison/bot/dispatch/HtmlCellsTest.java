package cn.mee.liaison.bot.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** The console's hand-written table rows escape every value, in text and in attributes. */
class HtmlCellsTest {

    private static final String HOSTILE = "<script>alert(\"x\")</script> & 'y'";

    @Test
    void valuesAreEscapedInTextAndAttributesAndAMissingAttributeIsLeftOut() {
        String html = new HtmlCells(1).raw("<tr").attribute("data-name", HOSTILE).attribute("data-none", null)
                .raw(">").cell(" class=\"c\"", HOSTILE).cell("", null).raw("</tr>").toString();
        assertThat(html).doesNotContain("<script>").doesNotContain("data-none");
        Element row = Jsoup.parseBodyFragment("<table><tbody>" + html + "</tbody></table>").selectFirst("tr");
        assertThat(row.attr("data-name")).isEqualTo(HOSTILE);
        assertThat(row.select("td").stream().map(Element::text)).containsExactly(HOSTILE, "");
        assertThat(row.select("td.c")).hasSize(1);
    }

    @Test
    void aBoardLineWithHostileNamesStaysOneRowOfItsCells() {
        BoardLine line = new BoardLine(HOSTILE, "chat\"1", HOSTILE, HOSTILE, "ORDINARY", "普通组", "MISSING", "未报",
                false, null, "", HOSTILE, List.of("1", HOSTILE), HOSTILE, null);
        Element row = Jsoup.parseBodyFragment("<table><tbody>" + BoardLinesHtml.of(List.of(line))
                + "</tbody></table>").selectFirst("tbody");
        assertThat(row.select("tr")).hasSize(1);
        assertThat(row.select("script")).isEmpty();
        assertThat(row.selectFirst("tr").attr("data-group")).isEqualTo(HOSTILE);
        assertThat(row.selectFirst("tr").attr("data-chat")).isEqualTo("chat\"1");
        assertThat(row.selectFirst("td.time").hasAttr("data-at")).isFalse();
        assertThat(row.select("td.figure").eachText()).containsExactly("1", HOSTILE);
    }
}
