package cn.mee.liaison.bot.classify;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class ChineseDatesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 28);

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
            "今天, 2026-11-28", "今日, 2026-11-28", "昨天, 2026-11-27", "昨日, 2026-11-27", "前天, 2026-11-26",
            "明天, 2026-11-29", "11月28日, 2026-11-28", "11月3号, 2026-11-03", "十一月二十八日, 2026-11-28",
            "11.28, 2026-11-28", "11-28, 2026-11-28", "11/28, 2026-11-28", "2026年11月28日, 2026-11-28",
            "2025年1月5日, 2025-01-05", "2026-11-28, 2026-11-28", "2026/11/28, 2026-11-28", "2026.11.28, 2026-11-28",
            "12月2日, 2026-12-02"})
    void readsDatesAgainstToday(String token, LocalDate expected) {
        assertThat(ChineseDates.parse(token, TODAY)).hasValue(expected);
    }

    @Test
    void aDateWithoutYearTakesTheNearestYear() {
        assertThat(ChineseDates.parse("12月30日", LocalDate.of(2027, 1, 2))).hasValue(LocalDate.of(2026, 12, 30));
        assertThat(ChineseDates.parse("1月3日", LocalDate.of(2026, 12, 30))).hasValue(LocalDate.of(2027, 1, 3));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2月30日", "13月1日", "PM2.5", "1.5万", "3个问题", "检查企业12家"})
    void whatIsNotADate(String token) {
        assertThat(ChineseDates.parse(token, TODAY)).isEmpty();
    }

    @Test
    void findsDatesInRunningText() {
        assertThat(ChineseDates.findAll("11月27日晚至今天上午", TODAY))
                .extracting(ChineseDates.DateMatch::date)
                .containsExactly(LocalDate.of(2026, 11, 27), TODAY);
        assertThat(ChineseDates.find("拟于12月2日召开推进会", TODAY))
                .hasValueSatisfying(match -> {
                    assertThat(match.date()).isEqualTo(LocalDate.of(2026, 12, 2));
                    assertThat(match.start()).isEqualTo(2);
                    assertThat(match.end()).isEqualTo(7);
                });
    }

    @Test
    void findsEveryKindOfDateInOneTextAndNoneInATextWithout() {
        assertThat(ChineseDates.findAll("2026年11月20日至11.22、11-23、11/24、2026-11-25，11月26日及昨天", TODAY))
                .extracting(ChineseDates.DateMatch::date)
                .containsExactly(LocalDate.of(2026, 11, 20), LocalDate.of(2026, 11, 22), LocalDate.of(2026, 11, 23),
                        LocalDate.of(2026, 11, 24), LocalDate.of(2026, 11, 25), LocalDate.of(2026, 11, 26),
                        LocalDate.of(2026, 11, 27));
        assertThat(ChineseDates.findAll("检查企业12家，发现问题3个，PM2.5超标1.5倍，整改率80%", TODAY)).isEmpty();
    }
}
