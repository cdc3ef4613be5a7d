package cn.mee.liaison.bot.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.text.MessageFormat;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;

/** The bot's words: the numbers in them written as MessageFormat itself would write them. */
class RepliesTest {

    private static final String PATTERN = "已登记{0}：{1}，共{2}条（{3}）";

    private final Replies replies = new Replies(source());

    private static StaticMessageSource source() {
        StaticMessageSource source = new StaticMessageSource();
        source.addMessage("sample", Locale.SIMPLIFIED_CHINESE, PATTERN);
        return source;
    }

    @Test
    void numbersAreWrittenAsMessageFormatWritesThem() {
        Object[][] cases = {
                {"日报", 12L, 3, "保定市"},
                {"日报", 1_234_567L, (short) 0, "大数"},
                {"日报", -42, 1_000, "负数"},
                {"比例", 2.5, 1.23456, "小数"},
                {"金额", new BigDecimal("1234.5"), 7, "BigDecimal"},
                {null, 0L, Long.MAX_VALUE, null},
        };
        for (Object[] args : cases) {
            assertThat(replies.text("sample", args))
                    .isEqualTo(new MessageFormat(PATTERN, Locale.SIMPLIFIED_CHINESE).format(args));
        }
        assertThat(replies.text("sample", "日报", 1_234L, 5, "x")).isEqualTo("已登记日报：1,234，共5条（x）");
    }

    @Test
    void theCallersArgumentsAreLeftAsTheyWere() {
        Object[] args = {"日报", 12L, 3, "保定市"};
        replies.text("sample", args);
        assertThat(args).containsExactly("日报", 12L, 3, "保定市");
    }
}
