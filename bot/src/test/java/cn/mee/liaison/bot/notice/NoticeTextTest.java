package cn.mee.liaison.bot.notice;

import static org.assertj.core.api.Assertions.assertThat;

import cn.mee.liaison.storage.directory.Channel;
import cn.mee.liaison.storage.notice.Notice;
import cn.mee.liaison.storage.notice.NoticeKind;
import cn.mee.liaison.storage.outbox.MessageFormat;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A notice in the form each door shows best, whichever form its author wrote. */
class NoticeTextTest {

    private static Notice notice(MessageFormat format, String content, boolean requireAck) {
        Instant at = Instant.parse("2026-12-01T01:00:00Z");
        return new Notice(1L, NoticeKind.NOTICE, "夜查安排", content, format, null, "{}", requireAck, at, null, "admin",
                at, null, null);
    }

    @Test
    void markdownBecomesReadableTextInAnAppGroupChat() {
        Notice notice = notice(MessageFormat.MARKDOWN, "**重点**：涉VOCs企业\n> 详见[方案](http://x/plan)", true);
        MessageFormat form = NoticeText.formatFor(notice, Channel.WECOM_APPCHAT);
        assertThat(form).isEqualTo(MessageFormat.TEXT);
        assertThat(NoticeText.of(notice, form))
                .isEqualTo("【通知】夜查安排\n重点：涉VOCs企业\n详见方案（http://x/plan）\n（请回复\u201c收到\u201d确认）");
    }

    @Test
    void textGoesAsMarkdownThroughAGroupRobotWebhook() {
        Notice notice = notice(MessageFormat.TEXT, "请各组今晚开展夜查。", true);
        MessageFormat form = NoticeText.formatFor(notice, Channel.WECOM_WEBHOOK);
        assertThat(form).isEqualTo(MessageFormat.MARKDOWN);
        assertThat(NoticeText.of(notice, form)).isEqualTo("### 夜查安排\n请各组今晚开展夜查。\n\n> 请回复\u201c收到\u201d确认");
    }

    @Test
    void theRobotAndPersonalWeChatTakeItAsWritten() {
        Notice markdown = notice(MessageFormat.MARKDOWN, "**重点**", false);
        assertThat(NoticeText.formatFor(markdown, Channel.WECOM_ROBOT)).isEqualTo(MessageFormat.MARKDOWN);
        assertThat(NoticeText.formatFor(markdown, Channel.WECHATY)).isEqualTo(MessageFormat.MARKDOWN);
        assertThat(NoticeText.formatFor(notice(MessageFormat.TEXT, "x", false), Channel.WECOM_ROBOT))
                .isEqualTo(MessageFormat.TEXT);
        assertThat(NoticeText.formatFor(markdown, Channel.SANDBOX)).isEqualTo(MessageFormat.TEXT);
    }
}
