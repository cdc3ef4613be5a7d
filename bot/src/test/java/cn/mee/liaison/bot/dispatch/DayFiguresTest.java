package cn.mee.liaison.bot.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import cn.mee.liaison.storage.dispatch.DailyReportFigures;
import cn.mee.liaison.storage.dispatch.DailyReportRow;
import cn.mee.liaison.storage.dispatch.DailyReportStamp;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A day's figures keep exactly what a summary adds up of the reports read whole: each number as a long. */
class DayFiguresTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"enterprisesChecked\":12,\"problemsFound\":3,\"tomorrowPlan\":\"继续排查\"}",
        "{\"a\":2.9,\"b\":-7,\"c\":9223372036854775807,\"d\":18446744073709551617,\"e\":null,\"f\":true}",
        "{\"a\":{\"x\":1},\"b\":[1,2],\"c\":\"3\",\"d\":4}",
        "{\"a\":1,\"a\":\"later text wins\",\"b\":\"x\",\"b\":5}",
        "{}"})
    void theNumbersAreThoseOfTheFieldsReadWhole(String json) throws Exception {
        Map<String, Long> expected = new LinkedHashMap<>();
        JSON.readValue(json, LinkedHashMap.class).forEach((code, value) -> {
            if (value instanceof Number number) {
                expected.put((String) code, number.longValue());
            }
        });
        assertThat(DayFigures.numbers(json)).isEqualTo(expected);
    }

    @Test
    void noFieldsAreNoNumbers() {
        assertThat(DayFigures.numbers(null)).isEmpty();
        assertThat(DayFigures.numbers(" ")).isEmpty();
    }

    @Test
    void theReportsComeBackWithTheirGroupLatenessAndNumbers() {
        LocalDate day = LocalDate.of(2026, 10, 13);
        DayFigures figures = DayFigures.of(new DailyReportStamp(day, 3, 9), List.of(
                new DailyReportFigures(day, 7, false, "{\"a\":1,\"t\":\"x\"}"),
                new DailyReportFigures(day, 8, true, "{\"b\":2}"),
                new DailyReportFigures(day, 9, false, null)));
        assertThat(figures.size()).isEqualTo(3);
        assertThat(figures.reports()).extracting(DailyReportRow::workGroupId, DailyReportRow::late,
                        DailyReportRow::fields, DailyReportRow::reportDate)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(7L, false, Map.of("a", 1L), day),
                        org.assertj.core.groups.Tuple.tuple(8L, true, Map.of("b", 2L), day),
                        org.assertj.core.groups.Tuple.tuple(9L, false, Map.of(), day));
    }
}
