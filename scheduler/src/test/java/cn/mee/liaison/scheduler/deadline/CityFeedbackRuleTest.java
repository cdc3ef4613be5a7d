package cn.mee.liaison.scheduler.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.MonthDay;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.junit.jupiter.params.provider.CsvSource;

class CityFeedbackRuleTest {

    private static final String CITY = "石家庄市";

    private final CityFeedbackRule rule = new CityFeedbackRule();

    @ParameterizedTest(name = "last {0}: {1} months, due {2}")
    @CsvSource({
            "2026-08-15, 2, 2026-10-15",
            "2026-07-15, 3, 2026-10-15",
            "2026-02-10, 2, 2026-04-10",
            "2026-04-01, 3, 2026-07-01",
    })
    void theExamplesOfTheBoundaryRule(LocalDate last, int months, LocalDate due) {
        assertThat(rule.intervalMonths(last)).isEqualTo(months);
        assertThat(rule.dueAfter(last)).isEqualTo(due);
    }

    @ParameterizedTest(name = "last {0}: {1} months, due {2}")
    @CsvFileSource(resources = "/deadline/city-feedback-intervals.csv", encoding = "UTF-8")
    void fromTheDaysAroundTheSeasonEndsAndMonthEnds2019To2030(LocalDate last, int months, LocalDate due) {
        assertThat(rule.intervalMonths(last)).isEqualTo(months);
        assertThat(rule.dueAfter(last)).isEqualTo(due);

        Obligation next = rule.next(CITY, last, null);
        assertThat(next.dueDate()).isEqualTo(due);
        assertThat(next.key()).isEqualTo("CITY_FEEDBACK|石家庄市|" + last);
        assertThat(next.title()).isEqualTo("石家庄市正式情况反馈");
        assertThat(next.kind()).isEqualTo(DeadlineKind.CITY_FEEDBACK);
        assertThat(next.city()).isEqualTo(CITY);
        assertThat(next.unit()).isNull();
        assertThat(next.round()).isNull();
    }

    @ParameterizedTest(name = "{0} + {1} months = {2}")
    @CsvSource({
            "2026-08-31, 2, 2026-10-31",
            "2025-12-31, 2, 2026-02-28",
            "2023-12-31, 2, 2024-02-29",
            "2027-12-30, 2, 2028-02-29",
            "2026-12-29, 2, 2027-02-28",
            "2024-02-29, 2, 2024-04-29",
            "2026-01-31, 2, 2026-03-31",
            "2026-10-31, 2, 2026-12-31",
            "2026-11-30, 2, 2027-01-30",
            "2026-05-31, 3, 2026-08-31",
            "2026-06-30, 3, 2026-09-30",
            "2026-07-31, 3, 2026-10-31",
    })
    void monthsAreCountedWithPlusMonthsSoAMissingDayBecomesTheMonthsLastDay(LocalDate last, int months,
                                                                          LocalDate due) {
        assertThat(rule.intervalMonths(last)).isEqualTo(months);
        assertThat(rule.dueAfter(last)).isEqualTo(due);
    }

    @ParameterizedTest(name = "start {0}: first due {1}")
    @CsvSource({
            "2026-10-01, 2026-12-01",
            "2026-04-01, 2026-07-01",
            "2026-08-01, 2026-10-01",
            "2019-09-01, 2019-11-01",
            "2019-07-31, 2019-10-31",
            "2020-03-31, 2020-05-31",
    })
    void withNoFeedbackYetTheFirstIsCountedFromTheStart(LocalDate start, LocalDate due) {
        Obligation first = rule.next(CITY, null, start);

        assertThat(first.dueDate()).isEqualTo(due);
        assertThat(first.key()).isEqualTo("CITY_FEEDBACK|石家庄市|start:" + start);
        assertThat(rule.next(CITY, start.minusYears(1), start).key())
                .as("a feedback held wins over the start").isEqualTo("CITY_FEEDBACK|石家庄市|" + start.minusYears(1));
    }

    @Test
    void looksAheadAssumingEachMeetingIsHeldOnItsDueDate() {
        List<Obligation> ahead = rule.upcoming(CITY, LocalDate.of(2026, 4, 1), null,
                LocalDate.of(2026, 4, 1), LocalDate.of(2027, 7, 31));

        assertThat(ahead).extracting(Obligation::dueDate).containsExactly(
                LocalDate.of(2026, 7, 1), LocalDate.of(2026, 10, 1), LocalDate.of(2026, 12, 1),
                LocalDate.of(2027, 2, 1), LocalDate.of(2027, 4, 1), LocalDate.of(2027, 7, 1));
        assertThat(ahead).extracting(Obligation::key).containsExactly(
                "CITY_FEEDBACK|石家庄市|2026-04-01", "CITY_FEEDBACK|石家庄市|2026-07-01",
                "CITY_FEEDBACK|石家庄市|2026-10-01", "CITY_FEEDBACK|石家庄市|2026-12-01",
                "CITY_FEEDBACK|石家庄市|2027-02-01", "CITY_FEEDBACK|石家庄市|2027-04-01");
        assertThat(rule.dueDates(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 1), LocalDate.of(2027, 7, 31)))
                .isEqualTo(ahead.stream().map(Obligation::dueDate).toList());
    }

    @Test
    void anOverdueFirstDueDateIsCountedFromButNotListed() {
        List<Obligation> ahead = rule.upcoming(CITY, LocalDate.of(2026, 1, 10), null,
                LocalDate.of(2026, 4, 1), LocalDate.of(2026, 12, 10));

        assertThat(ahead).extracting(Obligation::dueDate).containsExactly(LocalDate.of(2026, 5, 10),
                LocalDate.of(2026, 8, 10), LocalDate.of(2026, 10, 10), LocalDate.of(2026, 12, 10));
        assertThat(rule.upcoming(CITY, null, LocalDate.of(2026, 9, 1), LocalDate.of(2026, 9, 1),
                LocalDate.of(2027, 1, 31))).extracting(Obligation::key).containsExactly(
                        "CITY_FEEDBACK|石家庄市|start:2026-09-01", "CITY_FEEDBACK|石家庄市|2026-11-01");
    }

    @Test
    void chainedDueDatesKeepAClampedDay() {
        assertThat(rule.dueDates(LocalDate.of(2025, 12, 31), LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31)))
                .containsExactly(LocalDate.of(2026, 2, 28), LocalDate.of(2026, 4, 28), LocalDate.of(2026, 7, 28),
                        LocalDate.of(2026, 10, 28), LocalDate.of(2026, 12, 28));
    }

    @Test
    void aConfiguredSeasonMovesTheBoundary() {
        CityFeedbackRule shorter = new CityFeedbackRule(new AutumnWinterSeason(MonthDay.of(11, 15), MonthDay.of(2, 28)));

        assertThat(shorter.dueAfter(LocalDate.of(2026, 8, 15))).isEqualTo(LocalDate.of(2026, 11, 15));
        assertThat(shorter.dueAfter(LocalDate.of(2026, 9, 15))).isEqualTo(LocalDate.of(2026, 11, 15));
        assertThat(shorter.dueAfter(LocalDate.of(2026, 9, 14))).isEqualTo(LocalDate.of(2026, 12, 14));
        assertThat(shorter.dueAfter(LocalDate.of(2027, 3, 1))).isEqualTo(LocalDate.of(2027, 6, 1));
        assertThat(shorter.season().start()).isEqualTo(MonthDay.of(11, 15));
    }

    @Test
    void aCityAndSomethingToCountFromAreNeeded() {
        assertThatThrownBy(() -> rule.next(null, LocalDate.of(2026, 1, 1), null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> rule.next(CITY, null, null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> rule.upcoming(CITY, LocalDate.of(2026, 1, 1), null,
                LocalDate.of(2026, 12, 1), LocalDate.of(2026, 1, 1))).isInstanceOf(IllegalArgumentException.class);
    }

    /** Property: for random last feedbacks 2019-2030, the interval is 2 or 3 months, 2 exactly when the rule says. */
    @Test
    void randomIntervalsAreTwoOrThreeMonthsAndTwoExactlyWhenTheBoundaryRuleSays() {
        Random random = new Random(20191001L);
        LocalDate first = LocalDate.of(2019, 1, 1);
        int twos = 0;
        for (int i = 0; i < 20_000; i++) {
            LocalDate last = first.plusDays(random.nextInt(12 * 366));
            int months = rule.intervalMonths(last);
            LocalDate due = rule.dueAfter(last);

            boolean twoByTheRule = insideOctoberToMarch(last) || insideOctoberToMarch(last.plusMonths(2));
            assertThat(months).as("%s", last).isEqualTo(twoByTheRule ? 2 : 3);
            assertThat(due).as("%s", last).isEqualTo(last.plusMonths(months));
            assertThat(due).isAfter(last).isBeforeOrEqualTo(last.plusMonths(3));
            assertThat(ChronoUnit.DAYS.between(last, due)).isBetween(months == 2 ? 59L : 89L, months == 2 ? 62L : 92L);
            if (months == 3) {
                for (LocalDate day = last; !day.isAfter(last.plusMonths(2)); day = day.plusDays(1)) {
                    assertThat(insideOctoberToMarch(day)).as("3 months after %s, yet %s is inside", last, day)
                            .isFalse();
                }
            }
            twos += months == 2 ? 1 : 0;
        }
        assertThat(twos).as("about 8 months of 12 start a 2-month interval").isBetween(12_500, 14_200);
    }

    /** Property: random look-ahead sequences step by the rule, stay in range and never leave more than 3 months. */
    @Test
    void randomLookAheadSequencesFollowTheRuleStepByStep() {
        Random random = new Random(20200331L);
        LocalDate first = LocalDate.of(2019, 1, 1);
        int dueDates = 0;
        for (int i = 0; i < 3_000; i++) {
            LocalDate last = first.plusDays(random.nextInt(10 * 366));
            LocalDate from = last.plusDays(random.nextInt(200));
            LocalDate to = from.plusDays(random.nextInt(1_000));

            List<LocalDate> dates = rule.dueDates(last, from, to);

            LocalDate expectedFirst = rule.dueAfter(last);
            while (expectedFirst.isBefore(from)) {
                expectedFirst = rule.dueAfter(expectedFirst);
            }
            if (expectedFirst.isAfter(to)) {
                assertThat(dates).isEmpty();
                continue;
            }
            assertThat(dates.get(0)).isEqualTo(expectedFirst);
            assertThat(rule.dueAfter(dates.get(dates.size() - 1))).isAfter(to);
            for (int j = 0; j < dates.size(); j++) {
                assertThat(dates.get(j)).isBetween(from, to);
            }
            for (int j = 1; j < dates.size(); j++) {
                LocalDate previous = dates.get(j - 1);
                LocalDate next = dates.get(j);
                int months = insideOctoberToMarch(previous) || insideOctoberToMarch(previous.plusMonths(2)) ? 2 : 3;
                assertThat(next).as("after %s", previous).isEqualTo(previous.plusMonths(months));
                assertThat(ChronoUnit.DAYS.between(previous, next)).isLessThanOrEqualTo(92L);
                if (insideOctoberToMarch(previous)) {
                    assertThat(ChronoUnit.DAYS.between(previous, next)).isLessThanOrEqualTo(62L);
                }
            }
            dueDates += dates.size();
        }
        assertThat(dueDates).isGreaterThan(15_000);
    }

    private static boolean insideOctoberToMarch(LocalDate day) {
        return day.getMonthValue() >= 10 || day.getMonthValue() <= 3;
    }
}
