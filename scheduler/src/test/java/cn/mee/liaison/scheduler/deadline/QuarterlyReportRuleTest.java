package cn.mee.liaison.scheduler.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.junit.jupiter.params.provider.CsvSource;

class QuarterlyReportRuleTest {

    private static final String UNIT = "生态环境部环境规划院";

    private final QuarterlyReportRule rule = new QuarterlyReportRule();

    @ParameterizedTest
    @CsvFileSource(resources = "/deadline/quarterly-reports.csv", encoding = "UTF-8")
    void everyReportFrom2019To2030IsDueWithItsTitleAndKey(LocalDate due, String title, String period) {
        Obligation report = rule.next(UNIT, due);

        assertThat(report.dueDate()).isEqualTo(due);
        assertThat(report.title()).isEqualTo(title);
        assertThat(report.key()).isEqualTo("QUARTERLY_REPORT|" + UNIT + "|" + period);
        assertThat(report.kind()).isEqualTo(DeadlineKind.QUARTERLY_REPORT);
        assertThat(report.unit()).isEqualTo(UNIT);
        assertThat(report.city()).isNull();
        assertThat(report.round()).isNull();
        assertThat(rule.isDueDate(due)).isTrue();
        assertThat(rule.isDueDate(due.minusDays(1))).isFalse();
        assertThat(rule.isDueDate(due.plusDays(1))).isFalse();
        assertThat(rule.obligations(UNIT, due, due)).containsExactly(report);
    }

    @Test
    void theWholeCalendarFrom2019To2030Is46Reports() {
        List<LocalDate> dates = rule.dueDates(LocalDate.of(2000, 1, 1), LocalDate.of(2030, 12, 31));

        assertThat(dates).hasSize(2 + 11 * 4);
        assertThat(dates.subList(0, 6)).containsExactly(LocalDate.of(2019, 8, 31), LocalDate.of(2019, 12, 31),
                LocalDate.of(2020, 3, 31), LocalDate.of(2020, 6, 30), LocalDate.of(2020, 9, 30),
                LocalDate.of(2020, 12, 31));
        assertThat(dates.get(dates.size() - 1)).isEqualTo(LocalDate.of(2030, 12, 31));
    }

    @ParameterizedTest
    @CsvSource({
            "1970-01-01, 2019-08-31",
            "2019-08-30, 2019-08-31",
            "2019-08-31, 2019-08-31",
            "2019-09-01, 2019-12-31",
            "2019-09-30, 2019-12-31",
            "2020-01-01, 2020-03-31",
            "2024-02-29, 2024-03-31",
            "2024-03-31, 2024-03-31",
            "2024-04-01, 2024-06-30",
            "2026-06-30, 2026-06-30",
            "2026-07-01, 2026-09-30",
            "2026-10-01, 2026-12-31",
            "2028-12-31, 2028-12-31",
            "2030-12-31, 2030-12-31",
    })
    void theNextReportIsTheFirstDueOnOrAfterADate(LocalDate date, LocalDate expected) {
        assertThat(rule.next(UNIT, date).dueDate()).isEqualTo(expected);
    }

    @Test
    void nothingIsDueBefore20190831AndARangeIncludesBothEnds() {
        assertThat(rule.dueDates(LocalDate.of(2019, 1, 1), LocalDate.of(2019, 8, 30))).isEmpty();
        assertThat(rule.obligations(UNIT, LocalDate.of(2026, 3, 31), LocalDate.of(2026, 9, 30)))
                .extracting(Obligation::title).containsExactly(
                        "2026年第一季度工作进展书面报告", "2026年第二季度工作进展书面报告", "2026年第三季度工作进展书面报告");
        assertThat(rule.dueDates(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 6, 29))).isEmpty();
    }

    @Test
    void aUnitAndAnOrderedRangeAreNeeded() {
        assertThatThrownBy(() -> rule.obligations(" ", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> rule.dueDates(LocalDate.of(2026, 12, 31), LocalDate.of(2026, 1, 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** Property: in thousands of random ranges, the reports are exactly the days that the rule names, in order. */
    @Test
    void inRandomRangesEveryDueDateIsOneTheRuleNamesAndNoneIsMissed() {
        Random random = new Random(20190831L);
        LocalDate earliest = LocalDate.of(2017, 1, 1);
        int reports = 0;
        for (int i = 0; i < 3_000; i++) {
            LocalDate from = earliest.plusDays(random.nextInt(15 * 366));
            LocalDate to = from.plusDays(random.nextInt(800));

            List<Obligation> obligations = rule.obligations(UNIT, from, to);

            List<LocalDate> expected = new ArrayList<>();
            for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
                if (namedByTheRule(day)) {
                    expected.add(day);
                }
            }
            assertThat(obligations).extracting(Obligation::dueDate).as("%s..%s", from, to).isEqualTo(expected);
            assertThat(new HashSet<>(obligations.stream().map(Obligation::key).toList())).hasSize(obligations.size());
            for (Obligation report : obligations) {
                LocalDate due = report.dueDate();
                if (due.getYear() >= 2020) {
                    int quarter = due.getMonthValue() / 3;
                    assertThat(due.getMonthValue() % 3).isZero();
                    assertThat(due.getDayOfMonth()).isEqualTo(due.lengthOfMonth());
                    assertThat(report.key()).isEqualTo("QUARTERLY_REPORT|" + UNIT + "|" + due.getYear() + "Q" + quarter);
                    assertThat(report.title()).startsWith(due.getYear() + "年").endsWith(
                            quarter == 4 ? "年度工作进展书面报告（第四季度）" : "季度工作进展书面报告");
                } else {
                    assertThat(due).isIn(LocalDate.of(2019, 8, 31), LocalDate.of(2019, 12, 31));
                }
            }
            reports += obligations.size();
        }
        assertThat(reports).isGreaterThan(10_000);
    }

    private static boolean namedByTheRule(LocalDate day) {
        if (day.getYear() == 2019) {
            return day.equals(LocalDate.of(2019, 8, 31)) || day.equals(LocalDate.of(2019, 12, 31));
        }
        return day.getYear() > 2019 && List.of(3, 6, 9, 12).contains(day.getMonthValue())
                && day.plusDays(1).getDayOfMonth() == 1;
    }
}
