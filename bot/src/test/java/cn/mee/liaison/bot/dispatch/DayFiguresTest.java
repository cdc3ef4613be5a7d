package cn.mee.liaison.bot.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

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
        DayFigures.Reading reading = new DayFigures.Reading();
        reading.add(7, false, "{\"a\":1,\"t\":\"x\"}");
        reading.add(8, true, "{\"b\":2}");
        reading.add(9, false, null);
        DayFigures figures = reading.done(new DailyReportStamp(day, 3, 9));
        assertThat(figures.size()).isEqualTo(3);
        assertThat(figures.stamp()).isEqualTo(new DailyReportStamp(day, 3, 9));
        assertThat(figures.reports()).extracting(DailyReportRow::workGroupId, DailyReportRow::late,
                        DailyReportRow::fields, DailyReportRow::reportDate)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(7L, false, Map.of("a", 1L), day),
                        org.assertj.core.groups.Tuple.tuple(8L, true, Map.of("b", 2L), day),
                        org.assertj.core.groups.Tuple.tuple(9L, false, Map.of(), day));
    }

    @Test
    void aThousandReportsWithItemsThatComeAndGoKeepEachReportsOwnNumbers() {
        LocalDate day = LocalDate.of(2026, 11, 30);
        DayFigures.Reading reading = new DayFigures.Reading();
        List<Map<String, Long>> expected = new java.util.ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            // an item first seen at the 300th report; one that is a number in some reports and text in others;
            // one given twice, the later text winning over the number
            String json = "{\"jcqys\":" + i + (i >= 300 && i % 3 == 0 ? ",\"late\":" + (i * 2) : "")
                    + ",\"fxwts\":" + (i % 5 == 0 ? "\"无\"" : String.valueOf(i % 7))
                    + (i % 11 == 0 ? ",\"jcqys\":\"另报\"" : "") + "}";
            reading.add(10_000 + i, i % 10 == 0, json);
            expected.add(DayFigures.numbers(json));
        }
        DayFigures figures = reading.done(new DailyReportStamp(day, 1000, 1000));
        List<DailyReportRow> reports = figures.reports();
        assertThat(reports).hasSize(1000);
        for (int i = 0; i < 1000; i++) {
            assertThat(reports.get(i).workGroupId()).isEqualTo(10_000 + i);
            assertThat(reports.get(i).late()).isEqualTo(i % 10 == 0);
            assertThat(reports.get(i).fields()).as("report %d", i).isEqualTo(expected.get(i));
        }
        assertThat(reports.get(0).fields()).as("both items text in the end").isEmpty();
        assertThat(reports.get(22).fields()).as("jcqys text in the end").containsOnlyKeys("fxwts");
        assertThat(reports.get(303).fields()).containsEntry("late", 606L).containsEntry("jcqys", 303L);
    }
}
