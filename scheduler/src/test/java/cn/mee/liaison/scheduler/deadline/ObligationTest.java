package cn.mee.liaison.scheduler.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ObligationTest {

    @Test
    void aKeyIsTheKindAndItsPartsJoinedByBars() {
        assertThat(Obligation.keyOf(DeadlineKind.QUARTERLY_REPORT, "生态环境部环境规划院", "2026Q4"))
                .isEqualTo("QUARTERLY_REPORT|生态环境部环境规划院|2026Q4");
        assertThat(Obligation.keyOf(DeadlineKind.ROUND_SUMMARY, "2026年秋冬季第一轮"))
                .isEqualTo("ROUND_SUMMARY|2026年秋冬季第一轮");
    }

    @Test
    void barsAndBackslashesInsideANameAreEscapedSoThatDistinctNamesGiveDistinctKeys() {
        String barInName = Obligation.keyOf(DeadlineKind.CUSTOM, "a|b", "c");
        String barBetweenNames = Obligation.keyOf(DeadlineKind.CUSTOM, "a", "b|c");
        assertThat(barInName).isEqualTo("CUSTOM|a\\|b|c");
        assertThat(barBetweenNames).isEqualTo("CUSTOM|a|b\\|c");
        assertThat(Obligation.keyOf(DeadlineKind.CUSTOM, "a\\", "b")).isEqualTo("CUSTOM|a\\\\|b");
        assertThat(Obligation.keyOf(DeadlineKind.CUSTOM, "a\\|b")).isEqualTo("CUSTOM|a\\\\\\|b");
    }

    @Test
    void anObligationNeedsAKindATitleADateAndAKeyOfItsKind() {
        LocalDate due = LocalDate.of(2026, 3, 31);
        Obligation custom = new Obligation(DeadlineKind.CUSTOM, "专项调度", due, null, "保定市", null, "CUSTOM|x");
        assertThat(custom.city()).isEqualTo("保定市");
        assertThat(custom.unit()).isNull();
        assertThat(custom.round()).isNull();

        assertThatThrownBy(() -> new Obligation(DeadlineKind.CUSTOM, " ", due, null, null, null, "CUSTOM|x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Obligation(DeadlineKind.CUSTOM, "t", null, null, null, null, "CUSTOM|x"))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new Obligation(DeadlineKind.CUSTOM, "t", due, null, null, null, "EVALUATION|x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CUSTOM|");
        assertThatThrownBy(() -> new Obligation(null, "t", due, null, null, null, "CUSTOM|x"))
                .isInstanceOf(NullPointerException.class);
    }
}
