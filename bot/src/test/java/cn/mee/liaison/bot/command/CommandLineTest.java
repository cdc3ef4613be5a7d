package cn.mee.liaison.bot.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which messages are commands, and which command, as people write them. */
class CommandLineTest {

    @ParameterizedTest(name = "{0} → {1} [{2}]")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "日报 检查企业3家              | DAILY_REPORT     | 检查企业3家",
            "【日报】检查企业3家            | DAILY_REPORT     | 检查企业3家",
            "问题清单发了吗                 | -                | -",
            "已完成 12                     | DEADLINE_DONE    | 12",
            "已完成12                      | DEADLINE_DONE    | 12",
            "已完成：编号12 已报送           | DEADLINE_DONE    | 编号12 已报送",
            "已完成，谢谢                   | -                | -",
            "已完成整改                     | -                | -",
            "已完成                        | -                | -",
            "完成 7                        | DEADLINE_DONE    | 7",
            "延后 3天                      | SNOOZE           | 3天",
            "延后3天                       | SNOOZE           | 3天",
            "延后三天                      | SNOOZE           | 三天",
            "延后处理                      | -                | -",
            "延后                          | SNOOZE           | ''",
            "已报送 2026年第四季度          | REPORT_SUBMITTED | 2026年第四季度",
            "已报送                        | REPORT_SUBMITTED | ''",
            "已反馈 保定市 2026-11-20       | FEEDBACK_HELD    | 保定市 2026-11-20",
            "待办                          | AGENDA           | ''",
            "新增截止 12月20日 报送方案      | DEADLINE_ADD     | 12月20日 报送方案",
            "截止目前检查企业5家             | -                | -",
    })
    void readsTheCommandWord(String text, String verb, String body) {
        Optional<CommandLine> line = CommandLine.parse(text);
        if (verb == null) {
            assertThat(line).isEmpty();
            return;
        }
        assertThat(line).hasValueSatisfying(l -> {
            assertThat(l.verb()).isEqualTo(Verb.valueOf(verb));
            assertThat(l.body()).isEqualTo(body);
        });
    }
}
