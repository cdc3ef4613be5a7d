package cn.mee.liaison.scheduler.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RoundRulesTest {

    private static final Round FIRST = new Round("2026年秋冬季第一轮", LocalDate.of(2026, 10, 8), LocalDate.of(2026, 11, 6));
    private static final String SECOND = "2026年秋冬季第二轮";

    private final RoundRules rules = new RoundRules();

    @Test
    void theSummaryAndTheEvaluationAreDueOnTheRoundsLastDay() {
        assertThat(rules.obligations(FIRST)).containsExactly(
                new Obligation(DeadlineKind.PERSONNEL_LIST, "2026年秋冬季第一轮之后下一轮人员名单",
                        LocalDate.of(2026, 10, 30), null, null, "2026年秋冬季第一轮", "PERSONNEL_LIST|2026年秋冬季第一轮之后"),
                new Obligation(DeadlineKind.ROUND_SUMMARY, "2026年秋冬季第一轮工作总结", LocalDate.of(2026, 11, 6),
                        null, null, "2026年秋冬季第一轮", "ROUND_SUMMARY|2026年秋冬季第一轮"),
                new Obligation(DeadlineKind.EVALUATION, "2026年秋冬季第一轮考评建议（可推荐1-2名个人）",
                        LocalDate.of(2026, 11, 6), null, null, "2026年秋冬季第一轮", "EVALUATION|2026年秋冬季第一轮"));
        assertThat(rules.obligations(FIRST, null, null)).isEqualTo(rules.obligations(FIRST));
    }

    @Test
    void withoutANextRoundItsPersonnelListIsStillOwedBeforeThisOneEnds() {
        assertThat(new RoundRules(7, 10).personnelListAfter(FIRST).dueDate()).isEqualTo(LocalDate.of(2026, 10, 27));
        assertThat(new RoundRules(7, 0).personnelListAfter(FIRST).dueDate()).isEqualTo(FIRST.end());
        assertThat(new RoundRules(7, 60).personnelListAfter(FIRST).dueDate()).as("not before the round starts")
                .isEqualTo(FIRST.start());
        assertThat(rules.obligations(FIRST, SECOND, LocalDate.of(2026, 11, 20))).as("the next round known")
                .extracting(Obligation::key).doesNotContain("PERSONNEL_LIST|2026年秋冬季第一轮之后");
        assertThatThrownBy(() -> new RoundRules(7, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theNextRoundsPersonnelListIsDueSevenDaysBeforeItStarts() {
        List<Obligation> obligations = rules.obligations(FIRST, SECOND, LocalDate.of(2026, 11, 20));

        assertThat(obligations).extracting(Obligation::kind).containsExactly(
                DeadlineKind.ROUND_SUMMARY, DeadlineKind.EVALUATION, DeadlineKind.PERSONNEL_LIST);
        assertThat(obligations.get(2)).isEqualTo(new Obligation(DeadlineKind.PERSONNEL_LIST, "2026年秋冬季第二轮人员名单",
                LocalDate.of(2026, 11, 13), null, null, SECOND, "PERSONNEL_LIST|2026年秋冬季第二轮"));
        assertThat(rules.personnelListLeadDays()).isEqualTo(7);
    }

    @ParameterizedTest(name = "{0} days before {1}: due {2}")
    @CsvSource({
            "0,  2026-11-20, 2026-11-20",
            "7,  2026-11-20, 2026-11-13",
            "14, 2026-11-20, 2026-11-06",
            "30, 2026-11-20, 2026-10-21",
            "7,  2027-03-05, 2027-02-26",
            "7,  2028-03-05, 2028-02-27",
            "7,  2027-01-03, 2026-12-27",
    })
    void theLeadOfThePersonnelListIsConfigurable(int leadDays, LocalDate nextStart, LocalDate due) {
        assertThat(new RoundRules(leadDays).personnelList(SECOND, nextStart).dueDate()).isEqualTo(due);
    }

    @Test
    void obligationsAreInOrderOfDueDateThePersonnelListFirstOnATie() {
        assertThat(new RoundRules(14).obligations(FIRST, SECOND, LocalDate.of(2026, 11, 20)))
                .extracting(Obligation::kind).containsExactly(
                        DeadlineKind.PERSONNEL_LIST, DeadlineKind.ROUND_SUMMARY, DeadlineKind.EVALUATION);
        assertThat(new RoundRules(30).obligations(FIRST, SECOND, LocalDate.of(2026, 11, 20)))
                .extracting(Obligation::dueDate).containsExactly(
                        LocalDate.of(2026, 10, 21), LocalDate.of(2026, 11, 6), LocalDate.of(2026, 11, 6));
    }

    @Test
    void invalidRoundsAndSettingsAreRefused() {
        assertThatThrownBy(() -> new Round("第一轮", LocalDate.of(2026, 11, 6), LocalDate.of(2026, 10, 8)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Round(" ", LocalDate.of(2026, 10, 8), LocalDate.of(2026, 11, 6)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RoundRules(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> rules.obligations(FIRST, SECOND, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> rules.obligations(FIRST, null, LocalDate.of(2026, 11, 20)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** Property: for random rounds and leads, the dates follow the rules and the list is in order of due date. */
    @Test
    void randomRoundsOweTheirDeadlinesOnTheRightDays() {
        Random random = new Random(12L);
        for (int i = 0; i < 5_000; i++) {
            LocalDate start = LocalDate.of(2019, 1, 1).plusDays(random.nextInt(12 * 366));
            Round round = new Round("第" + i + "轮", start, start.plusDays(random.nextInt(60)));
            LocalDate nextStart = round.end().plusDays(random.nextInt(90));
            int lead = random.nextInt(31);

            List<Obligation> obligations = new RoundRules(lead).obligations(round, "第" + (i + 1) + "轮", nextStart);

            assertThat(obligations).hasSize(3);
            for (Obligation obligation : obligations) {
                switch (obligation.kind()) {
                    case ROUND_SUMMARY, EVALUATION -> {
                        assertThat(obligation.dueDate()).isEqualTo(round.end());
                        assertThat(obligation.round()).isEqualTo(round.name());
                        assertThat(obligation.key()).isEqualTo(obligation.kind() + "|第" + i + "轮");
                    }
                    case PERSONNEL_LIST -> {
                        assertThat(obligation.dueDate()).isEqualTo(nextStart.minusDays(lead));
                        assertThat(obligation.round()).isEqualTo("第" + (i + 1) + "轮");
                        assertThat(obligation.title()).isEqualTo("第" + (i + 1) + "轮人员名单");
                    }
                    default -> throw new AssertionError("unexpected " + obligation);
                }
            }
            for (int j = 1; j < obligations.size(); j++) {
                assertThat(obligations.get(j).dueDate()).isAfterOrEqualTo(obligations.get(j - 1).dueDate());
            }
        }
    }
}
