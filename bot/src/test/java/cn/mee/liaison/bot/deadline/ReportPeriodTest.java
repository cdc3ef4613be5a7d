package cn.mee.liaison.bot.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The period of a quarterly report as people write it, read on 2026-11-30 (and on 2026-12-05). */
class ReportPeriodTest {

    @ParameterizedTest(name = "{0} on {1} → {2}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "2026年第四季度             | 2026-11-30 | 2026Q4",
            "2026年4季度               | 2026-11-30 | 2026Q4",
            "2026 年 第 4 季度          | 2026-11-30 | 2026Q4",
            "2026Q3                   | 2026-11-30 | 2026Q3",
            "2026q1                   | 2026-11-30 | 2026Q1",
            "2025年度                  | 2026-11-30 | 2025Q4",
            "2026年度工作报告           | 2026-11-30 | 2026Q4",
            "第三季度                  | 2026-11-30 | 2026Q3",
            "三季度书面报告             | 2026-11-30 | 2026Q3",
            "第四季度                  | 2026-11-30 | 2026Q4",
            "第一季度                  | 2026-11-30 | 2026Q1",
            "第一季度                  | 2027-03-05 | 2027Q1",
            "第四季度                  | 2027-03-05 | 2026Q4",
            "2019年前一阶段             | 2026-11-30 | 2019STAGE",
            "中国环科院 2026年第二季度   | 2026-11-30 | 2026Q2",
            "规划院-0f855130 三季度     | 2026-11-30 | 2026Q3",
            "规划院-ab12 2026年第二季度 | 2026-11-30 | 2026Q2",
            "Q3                       | 2026-11-30 | -",
            "年度                      | 2026-11-30 | -",
            "2026年第4轮               | 2026-11-30 | -",
            "前一阶段                  | 2026-11-30 | -",
            "中国环境科学研究院          | 2026-11-30 | -",
    })
    void readsThePeriod(String text, LocalDate today, String key) {
        Optional<ReportPeriod> period = ReportPeriod.find(text, today);
        assertThat(period.map(ReportPeriod::key)).isEqualTo(Optional.ofNullable(key));
    }
}
