package cn.mee.liaison.bot.classify;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class ChatTextTest {

    @Test
    void nullAndEmptyGiveEmpty() {
        assertThat(ChatText.normalize(null)).isEmpty();
        assertThat(ChatText.normalize("")).isEmpty();
        assertThat(ChatText.normalize(" \u3000\t\r\n \n")).isEmpty();
    }

    @Test
    void fullWidthDigitsLettersAndPunctuationBecomeHalfWidth() {
        assertThat(ChatText.normalize("检查企业：１２家，发现问题（扬尘）３个；督办核查！？"))
                .isEqualTo("检查企业:12家,发现问题(扬尘)3个;督办核查!?");
        assertThat(ChatText.normalize("ＶＯＣｓ治理")).isEqualTo("VOCs治理");
    }

    @Test
    void chineseSentenceMarksWithoutHalfWidthTwinStay() {
        assertThat(ChatText.normalize("已整改。物料入棚、道路清扫")).isEqualTo("已整改。物料入棚、道路清扫");
        assertThat(ChatText.normalize("【每日调度】二〇二六年")).isEqualTo("【每日调度】二〇二六年");
    }

    @Test
    void cornerBracketsBecomeChineseQuotes() {
        assertThat(ChatText.normalize("讲授「守初心、担使命」专题党课『第二讲』"))
                .isEqualTo("讲授“守初心、担使命”专题党课“第二讲”");
    }

    @Test
    void lineBreaksAreUnified() {
        assertThat(ChatText.normalize("检查企业12家\r\n发现问题3个\r督办核查1个\u2028明日计划:继续"))
                .isEqualTo("检查企业12家\n发现问题3个\n督办核查1个\n明日计划:继续");
    }

    @Test
    void runsOfSpacesCollapseIncludingIdeographicSpaceAndNbsp() {
        assertThat(ChatText.normalize("检查\u3000\u3000企业\u00A0 12\t\t家")).isEqualTo("检查 企业 12 家");
    }

    @Test
    void linesAreTrimmedAndBlankLinesDroppedAtBothEnds() {
        assertThat(ChatText.normalize("\n\n  \n  检查企业12家  \n\n\n\n   发现问题3个 \n \n"))
                .isEqualTo("检查企业12家\n\n发现问题3个");
    }

    @Test
    void circledNumbersBecomeListMarkers() {
        assertThat(ChatText.normalize("①检查企业5家\n②发现问题1个")).isEqualTo("1. 检查企业5家\n2. 发现问题1个");
    }

    @Test
    void invisibleCharactersGoEmojiStay() {
        assertThat(ChatText.normalize("\uFEFF收\u200B到👌")).isEqualTo("收到👌");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "检查企业：１２家，发现问题３个",
            " 明日计划：\u3000继续排查 \r\n其他：无 ",
            "①检查企业「5」家"})
    void normalizingTwiceChangesNothing(String raw) {
        String once = ChatText.normalize(raw);
        assertThat(ChatText.normalize(once)).isEqualTo(once);
    }
}
