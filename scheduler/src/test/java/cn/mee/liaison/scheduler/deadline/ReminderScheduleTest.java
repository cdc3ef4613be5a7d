package cn.mee.liaison.scheduler.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReminderScheduleTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final LocalDate DUE = LocalDate.of(2026, 10, 15);

    private final ReminderSchedule schedule = new ReminderSchedule();

    @Test
    void remindsFourteenSevenThreeAndOneDayBeforeAndOnTheDueDateAt9InShanghai() {
        assertThat(schedule.due(DUE, Instant.parse("2026-09-01T00:00:00Z"), Instant.parse("2026-10-16T00:00:00Z")))
                .containsExactly(
                        Instant.parse("2026-10-01T01:00:00Z"), Instant.parse("2026-10-08T01:00:00Z"),
                        Instant.parse("2026-10-12T01:00:00Z"), Instant.parse("2026-10-14T01:00:00Z"),
                        Instant.parse("2026-10-15T01:00:00Z"));
        assertThat(schedule.zone()).isEqualTo(SHANGHAI);
        assertThat(schedule.times().leadDays()).containsExactly(14, 7, 3, 1, 0);
        assertThat(schedule.times().timeOfDay()).isEqualTo(LocalTime.of(9, 0));
    }

    @Test
    void onceOverdueRemindsEveryDay() {
        assertThat(schedule.due(DUE, Instant.parse("2026-10-15T01:00:00Z"), Instant.parse("2026-10-19T01:00:00Z")))
                .containsExactly(
                        Instant.parse("2026-10-15T01:00:00Z"), Instant.parse("2026-10-16T01:00:00Z"),
                        Instant.parse("2026-10-17T01:00:00Z"), Instant.parse("2026-10-18T01:00:00Z"));
        assertThat(schedule.due(DUE, Instant.parse("2027-01-31T00:00:00Z"), Instant.parse("2027-02-03T00:00:00Z")))
                .containsExactly(Instant.parse("2027-01-31T01:00:00Z"), Instant.parse("2027-02-01T01:00:00Z"),
                        Instant.parse("2027-02-02T01:00:00Z"));
    }

    @ParameterizedTest(name = "[{0}, {1}): {2}")
    @CsvSource({
            "2026-10-01T01:00:00Z, 2026-10-08T01:00:00Z, 1",
            "2026-10-01T01:00:00.000000001Z, 2026-10-08T01:00:00.000000001Z, 1",
            "2026-10-01T00:59:59Z, 2026-10-01T01:00:00Z, 0",
            "2026-10-01T01:00:00Z, 2026-10-01T01:00:00Z, 0",
            "2026-10-08T01:00:00Z, 2026-10-01T01:00:00Z, 0",
            "2026-10-02T00:00:00Z, 2026-10-08T00:00:00Z, 0",
            "2026-10-13T00:00:00Z, 2026-10-18T00:00:00Z, 4",
            "2026-10-12T01:00:00Z, 2026-10-18T00:00:00Z, 5",
            "2026-09-01T00:00:00Z, 2026-09-30T00:00:00Z, 0",
    })
    void aWindowIncludesItsStartAndExcludesItsEnd(Instant from, Instant to, int count) {
        assertThat(schedule.due(DUE, from, to)).hasSize(count);
    }

    @ParameterizedTest(name = "after {0}: {1}")
    @CsvSource({
            "2020-01-01T00:00:00Z,           2026-10-01T01:00:00Z",
            "2026-10-01T00:59:59.999Z,       2026-10-01T01:00:00Z",
            "2026-10-01T01:00:00Z,           2026-10-08T01:00:00Z",
            "2026-10-08T01:00:00Z,           2026-10-12T01:00:00Z",
            "2026-10-13T12:00:00Z,           2026-10-14T01:00:00Z",
            "2026-10-14T01:00:00Z,           2026-10-15T01:00:00Z",
            "2026-10-15T01:00:00Z,           2026-10-16T01:00:00Z",
            "2026-10-19T16:30:00Z,           2026-10-20T01:00:00Z",
            "2026-10-20T00:59:59Z,           2026-10-20T01:00:00Z",
            "2026-10-20T01:00:00Z,           2026-10-21T01:00:00Z",
            "2026-10-20T03:00:00Z,           2026-10-21T01:00:00Z",
            "2030-12-31T23:00:00Z,           2031-01-01T01:00:00Z",
    })
    void theNextReminderIsTheFirstStrictlyAfter(Instant after, Instant next) {
        assertThat(schedule.next(DUE, after)).isEqualTo(next);
    }

    @ParameterizedTest(name = "due {0}: T-14 {1}, T-1 {2}")
    @CsvSource({
            "2024-03-01, 2024-02-16T01:00:00Z, 2024-02-29T01:00:00Z",
            "2028-03-14, 2028-02-29T01:00:00Z, 2028-03-13T01:00:00Z",
            "2027-01-05, 2026-12-22T01:00:00Z, 2027-01-04T01:00:00Z",
            "2026-03-31, 2026-03-17T01:00:00Z, 2026-03-30T01:00:00Z",
            "2019-08-31, 2019-08-17T01:00:00Z, 2019-08-30T01:00:00Z",
    })
    void leadDaysCrossLeapDaysAndYearEnds(LocalDate due, Instant fourteenBefore, Instant oneBefore) {
        List<Instant> reminders = schedule.due(due, fourteenBefore, schedule.at(due).plusSeconds(1));
        assertThat(reminders).hasSize(5);
        assertThat(reminders.get(0)).isEqualTo(fourteenBefore);
        assertThat(reminders.get(3)).isEqualTo(oneBefore);
    }

    @Test
    void leadDaysAndTimeOfDayAreConfigurable() {
        ReminderSchedule configured = new ReminderSchedule(new ReminderTimes(List.of(0, 30, 10, 10), LocalTime.of(17, 30)),
                SHANGHAI);

        assertThat(configured.times().leadDays()).containsExactly(30, 10, 0);
        assertThat(configured.due(DUE, Instant.parse("2026-09-01T00:00:00Z"), Instant.parse("2026-10-17T00:00:00Z")))
                .containsExactly(Instant.parse("2026-09-15T09:30:00Z"), Instant.parse("2026-10-05T09:30:00Z"),
                        Instant.parse("2026-10-15T09:30:00Z"), Instant.parse("2026-10-16T09:30:00Z"));
        ReminderSchedule overdueOnly = new ReminderSchedule(new ReminderTimes(List.of(), LocalTime.of(9, 0)), SHANGHAI);
        assertThat(overdueOnly.next(DUE, Instant.parse("2026-01-01T00:00:00Z")))
                .isEqualTo(Instant.parse("2026-10-16T01:00:00Z"));
        assertThatThrownBy(() -> new ReminderTimes(List.of(3, -1), LocalTime.NOON))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anotherZoneCountsItsOwnDaysAndATimeThatDaylightSavingSkipsMovesLater() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        ReminderSchedule night = new ReminderSchedule(new ReminderTimes(List.of(1, 0), LocalTime.of(2, 30)), berlin);

        assertThat(night.due(LocalDate.of(2026, 3, 30), Instant.parse("2026-03-28T00:00:00Z"),
                Instant.parse("2026-03-31T12:00:00Z"))).containsExactly(
                        Instant.parse("2026-03-29T01:30:00Z"), Instant.parse("2026-03-30T00:30:00Z"),
                        Instant.parse("2026-03-31T00:30:00Z"));
    }

    @Test
    void settingsGiveEachKindItsTimesAndTheDefaultsToTheRest() {
        ReminderTimes feedback = new ReminderTimes(List.of(21, 7, 0), LocalTime.of(8, 30));
        ReminderSettings settings = ReminderSettings.DEFAULT.with(DeadlineKind.CITY_FEEDBACK, feedback);

        assertThat(settings.times(DeadlineKind.CITY_FEEDBACK)).isEqualTo(feedback);
        for (DeadlineKind kind : DeadlineKind.values()) {
            if (kind != DeadlineKind.CITY_FEEDBACK) {
                assertThat(settings.times(kind)).isEqualTo(ReminderTimes.DEFAULT);
                assertThat(settings.schedule(kind).next(DUE, Instant.parse("2026-10-09T00:00:00Z")))
                        .isEqualTo(Instant.parse("2026-10-12T01:00:00Z"));
            }
        }
        assertThat(settings.schedule(DeadlineKind.CITY_FEEDBACK).next(DUE, Instant.parse("2026-10-09T00:00:00Z")))
                .isEqualTo(Instant.parse("2026-10-15T00:30:00Z"));
        assertThat(ReminderSettings.DEFAULT.perKind()).isEmpty();
        assertThat(new ReminderSettings(ZoneId.of("Asia/Urumqi"), ReminderTimes.DEFAULT, Map.of())
                .schedule(DeadlineKind.CUSTOM).at(DUE)).isEqualTo(Instant.parse("2026-10-15T03:00:00Z"));
    }

    /**
     * Property: for random due dates 2019-2030 and random windows, the reminders are exactly the days a
     * day-by-day count names (the lead days, and every day after the due date), at 09:00 Shanghai (01:00 UTC, no
     * daylight saving), in increasing order, inside the window; {@code next} is the first one after an instant.
     */
    @Test
    void randomWindowsHoldExactlyTheRemindersADayByDayCountNames() {
        Random random = new Random(9L);
        int reminders = 0;
        for (int i = 0; i < 5_000; i++) {
            LocalDate due = LocalDate.of(2019, 1, 1).plusDays(random.nextInt(12 * 366));
            Instant from = due.atStartOfDay(ZoneOffset.UTC).toInstant()
                    .plusSeconds(random.nextLong(-40L * 86_400, 40L * 86_400));
            Instant to = from.plusSeconds(random.nextLong(0, 45L * 86_400));

            List<Instant> got = schedule.due(due, from, to);

            List<Instant> expected = new ArrayList<>();
            for (LocalDate day = from.atZone(ZoneOffset.UTC).toLocalDate().minusDays(1);
                    !day.isAfter(to.atZone(ZoneOffset.UTC).toLocalDate().plusDays(1)); day = day.plusDays(1)) {
                long before = Duration.between(day.atStartOfDay(), due.atStartOfDay()).toDays();
                Instant at = day.atTime(1, 0).toInstant(ZoneOffset.UTC);
                if ((List.of(14L, 7L, 3L, 1L, 0L).contains(before) || before < 0)
                        && !at.isBefore(from) && at.isBefore(to)) {
                    expected.add(at);
                }
            }
            assertThat(got).as("due %s, [%s, %s)", due, from, to).isEqualTo(expected);
            for (int j = 0; j < got.size(); j++) {
                ZonedDateTime local = got.get(j).atZone(SHANGHAI);
                assertThat(local.toLocalTime()).isEqualTo(LocalTime.of(9, 0));
                assertThat(local.toLocalDate()).isAfterOrEqualTo(due.minusDays(14));
                assertThat(got.get(j)).isBetween(from, to).isNotEqualTo(to);
                if (j > 0) {
                    assertThat(got.get(j)).isAfter(got.get(j - 1));
                }
            }
            assertThat(got.stream().filter(at -> !at.atZone(SHANGHAI).toLocalDate().isAfter(due)).count())
                    .isLessThanOrEqualTo(5);

            Instant after = from.minusSeconds(random.nextLong(0, 86_400));
            Instant next = schedule.next(due, after);
            assertThat(next).isAfter(after);
            assertThat(next.atZone(SHANGHAI).toLocalTime()).isEqualTo(LocalTime.of(9, 0));
            assertThat(schedule.due(due, after, next)).as("nothing between %s and the next", after)
                    .allMatch(at -> at.equals(after));
            assertThat(schedule.due(due, next, next.plusNanos(1))).containsExactly(next);
            reminders += got.size();
        }
        assertThat(reminders).isGreaterThan(50_000);
    }
}
