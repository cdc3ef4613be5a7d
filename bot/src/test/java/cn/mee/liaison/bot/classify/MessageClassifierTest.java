package cn.mee.liaison.bot.classify;

import cn.mee.liaison.storage.message.RecordType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** How the classifier ranks evidence when a message could be read in more than one way. */
class MessageClassifierTest {

    private final MessageClassifier classifier = new MessageClassifier();

    @Test
    void nothingIsChat() {
        assertThat(classifier.classify(null)).isEqualTo(RecordType.CHAT);
        assertThat(classifier.classify("")).isEqualTo(RecordType.CHAT);
        assertThat(classifier.classify("  ")).isEqualTo(RecordType.CHAT);
    }

    @ParameterizedTest(name = "{1}: {0}")
    @CsvSource(delimiter = '|', value = {
            // an emergency outranks the daily report it is part of
            "检查企业5家,发现问题1个,返程途中车辆追尾,组员王强受伤送医 | EMERGENCY",
            // warnings and rules that name accidents are not accidents
            "注意防范交通事故,夜间行车减速慢行 | CHAT",
            "发生交通事故时要第一时间报告 | CHAT",
            // quoting the rule against accepting complaints is not a complaint
            "工作组不直接受理群众举报投诉,污染问题请引导拨打12369 | CHAT",
            // checking how petitions were handled is legitimate work (第五条(四))
            "核查群众信访问题处理情况,已整改 | RECTIFICATION_CHECK",
            // one count and an outcome: a rectification check, not a daily report
            "核查督办问题3个,均已整改 | RECTIFICATION_CHECK",
            // replacing activated carbon is about equipment, not people
            "恒达公司活性炭长期未更换,VOCs治理设施未正常运行 | PROBLEM",
            // an acknowledgement only when short
            "收到,请问明天的检查名单什么时候发到群里? | CHAT",
            "好的,马上安排 | ACK",
            // a single count is still a (partial) daily report
            "今天检查了8家企业 | DAILY_REPORT",
            // an interview approved by the leader is an interview, not a meeting
            "经分管领导同意,约见商河县分管副县长 | INTERVIEW_FEEDBACK",
            // a meeting needs an approval word to be filed
            "经分管领导批准,明天召开调度会 | MEETING_FILING",
            "今晚8点召开视频会议,请准时参加 | CHAT"})
    void ranksTheEvidence(String text, RecordType expected) {
        assertThat(classifier.classify(ChatText.normalize(text))).isEqualTo(expected);
    }

    @Test
    void neverAnswersCommand() {
        assertThat(classifier.classify("/帮助")).isNotEqualTo(RecordType.COMMAND);
        assertThat(classifier.classify("帮助")).isEqualTo(RecordType.CHAT);
    }
}
