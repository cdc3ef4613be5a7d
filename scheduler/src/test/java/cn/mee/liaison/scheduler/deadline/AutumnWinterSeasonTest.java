package cn.mee.liaison.scheduler.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AutumnWinterSeasonTest {

    private final AutumnWinterSeason season = AutumnWinterSeason.DEFAULT;

    @Test
    void theDefaultRunsFrom1OctoberTo31March() {
        assertThat(season.start()).isEqualTo(MonthDay.of(10, 1));
        assertThat(season.end()).isEqualTo(MonthDay.of(3, 31));
    }

    /** Every year from 2019 to 2030, the days around both ends, the turn of the year and the month ends. */
    @ParameterizedTest(name = "{0} inside: {1}")
    @CsvSource({
            "09-28, false", "09-29, false", "09-30, false", "10-01, true", "10-02, true", "10-03, true",
            "03-29, true", "03-30, true", "03-31, true", "04-01, false", "04-02, false", "04-03, false",
            "12-31, true", "01-01, true", "01-31, true", "02-28, true", "04-30, false", "05-31, false",
            "06-30, false", "07-31, false", "08-31, false", "10-31, true", "11-30, true",
    })
    void eachYearFrom2019To2030(String monthDay, boolean inside) {
        MonthDay day = MonthDay.parse("--" + monthDay);
        for (int year = 2019; year <= 2030; year++) {
            assertThat(season.contains(day.atYear(year))).as("%s-%s", year, monthDay).isEqualTo(inside);
        }
    }

    @ParameterizedTest
    @CsvSource({
            "2024-02-29, true", "2028-02-29, true", "2024-02-28, true", "2024-03-01, true", "2028-03-01, true",
    })
    void leapDaysAreInside(LocalDate date, boolean inside) {
        assertThat(season.contains(date)).isEqualTo(inside);
    }

    @ParameterizedTest(name = "{0}..{1}: {2} inside: {3}")
    @CsvSource({
            "11-15, 02-28, 2026-11-14, false",
            "11-15, 02-28, 2026-11-15, true",
            "11-15, 02-28, 2027-02-28, true",
            "11-15, 02-28, 2028-02-28, true",
            "11-15, 02-28, 2028-02-29, false",
            "11-15, 02-28, 2027-03-01, false",
            "11-15, 02-29, 2028-02-29, true",
            "11-15, 02-29, 2027-02-28, true",
            "11-15, 02-29, 2027-03-01, false",
            "09-15, 04-15, 2026-09-14, false",
            "09-15, 04-15, 2026-09-15, true",
            "09-15, 04-15, 2026-04-15, true",
            "09-15, 04-15, 2026-04-16, false",
            "06-01, 08-31, 2026-05-31, false",
            "06-01, 08-31, 2026-06-01, true",
            "06-01, 08-31, 2026-08-31, true",
            "06-01, 08-31, 2026-09-01, false",
            "06-01, 08-31, 2026-01-15, false",
            "10-01, 10-01, 2026-10-01, true",
            "10-01, 10-01, 2026-10-02, false",
    })
    void aConfiguredSeasonIncludesBothItsEnds(String start, String end, LocalDate date, boolean inside) {
        AutumnWinterSeason configured = new AutumnWinterSeason(MonthDay.parse("--" + start), MonthDay.parse("--" + end));
        assertThat(configured.contains(date)).isEqualTo(inside);
    }

    /** Property: for random days 2019-2030, inside means October to December or January to March. */
    @Test
    void randomDaysAreInsideExactlyFromOctoberToMarch() {
        Random random = new Random(10_01L);
        LocalDate first = LocalDate.of(2019, 1, 1);
        int inside = 0;
        for (int i = 0; i < 20_000; i++) {
            LocalDate day = first.plusDays(random.nextInt(12 * 366));
            boolean expected = day.getMonthValue() >= 10 || day.getMonthValue() <= 3;
            assertThat(season.contains(day)).as("%s", day).isEqualTo(expected);
            inside += expected ? 1 : 0;
        }
        assertThat(inside).isBetween(9_500, 10_500);
    }
}
