package cn.mee.liaison.scheduler.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DeadlineKindTest {

    @ParameterizedTest
    @CsvSource({
            "QUARTERLY_REPORT, 季度书面报告",
            "CITY_FEEDBACK,    对城市正式反馈",
            "ROUND_SUMMARY,    轮次工作总结",
            "EVALUATION,       考评建议",
            "PERSONNEL_LIST,   下轮人员名单",
            "CUSTOM,           自定义",
    })
    void everyKindHasItsChineseLabel(DeadlineKind kind, String label) {
        assertThat(kind.label()).isEqualTo(label);
    }

    @Test
    void thereAreExactlySixKinds() {
        assertThat(DeadlineKind.values()).hasSize(6);
    }
}
