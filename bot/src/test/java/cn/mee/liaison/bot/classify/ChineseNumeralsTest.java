package cn.mee.liaison.bot.classify;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class ChineseNumeralsTest {

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
            "12, 12", "0, 0", "' 7 ', 7",
            "零, 0", "〇, 0", "一, 1", "两, 2", "十, 10", "十二, 12", "二十, 20", "二十三, 23",
            "一百, 100", "一百零五, 105", "一百一十, 110", "一百五, 150", "三千二百, 3200", "三千二, 3200",
            "两千零八, 2008", "两万, 20000", "两万三, 23000", "一万零五, 10005", "十万, 100000", "3万, 30000",
            "二〇二六, 2026"})
    void parsesArabicAndChineseNumerals(String token, long expected) {
        assertThat(ChineseNumerals.parse(token)).hasValue(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "百", "千万", "十十", "十四五", "12家", "abc", "1.5", "-3", "两两", "万"})
    void rejectsWhatIsNotExactlyOneNumber(String token) {
        assertThat(ChineseNumerals.parse(token)).isEmpty();
    }

    @Test
    void nullIsNotANumber() {
        assertThat(ChineseNumerals.parse(null)).isEmpty();
        assertThat(ChineseNumerals.parseCount(null)).isEmpty();
        assertThat(ChineseNumerals.findCount(null)).isEmpty();
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
            "无, 0", "没有, 0", "暂无, 0", "未发现, 0", "零, 0", "0个, 0", "无。, 0",
            "两次, 2", "12家, 12", "共12家, 12", "约20人, 20", "十二, 12", "三件, 3"})
    void readsCountValuesIncludingWordsForNone(String value, long expected) {
        assertThat(ChineseNumerals.parseCount(value)).hasValue(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"无组织排放", "进一步排查", "若干", "暂定继续排查", "12吨", "10余家", "12345678"})
    void countValuesThatAreNotCounts(String value) {
        assertThat(ChineseNumerals.parseCount(value)).isEmpty();
    }

    @Test
    void findsACountInsideAClause() {
        assertThat(ChineseNumerals.findCount("检查了十二家企业"))
                .hasValueSatisfying(match -> {
                    assertThat(match.value()).isEqualTo(12);
                    assertThat(match.start()).isEqualTo(3);
                    assertThat(match.end()).isEqualTo(5);
                });
        assertThat(ChineseNumerals.findCount("发现问题:两个")).map(ChineseNumerals.NumeralMatch::value).hasValue(2L);
        assertThat(ChineseNumerals.findCount("VOCs 2个")).map(ChineseNumerals.NumeralMatch::value).hasValue(2L);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "进一步加强", "统一部署", "一线执法", "一是加强巡查", "十四五规划", "三年行动计划", "11月28日检查", "11.28检查企业",
            "2026-11-28", "联系电话13812345678", "座机0531-88886666", "18:30出发", "下午3点集合", "第一组", "PM10超标",
            "一起检查", "同一家企业", "3个月", "2.5小时", "第3期", "10余家", "20多个", "十多家"})
    void numbersThatAreNotCountsAreSkipped(String clause) {
        assertThat(ChineseNumerals.findCount(clause)).isEmpty();
    }

    @Test
    void findsEveryCountInOrder() {
        assertThat(ChineseNumerals.findCounts("11月28日检查企业12家,发现问题三个,督办核查两件"))
                .extracting(ChineseNumerals.NumeralMatch::value)
                .containsExactly(12L, 3L, 2L);
    }

    @Test
    void judgesARegionWithTheTextAroundIt() {
        // the gap of 走访…家 is 企业十五; 家 after it makes 十五 a count
        assertThat(ChineseNumerals.findCount("走访企业十五家", 2, 6))
                .map(ChineseNumerals.NumeralMatch::value).hasValue(15L);
        assertThat(ChineseNumerals.findCount("企业十五", 0, 4)).isEmpty();
    }

    @Test
    void recognisesWordsForNone() {
        assertThat(ChineseNumerals.startsWithZeroWord("无")).isTrue();
        assertThat(ChineseNumerals.startsWithZeroWord("没有发现")).isTrue();
        assertThat(ChineseNumerals.startsWithZeroWord("无组织排放")).isFalse();
    }
}
