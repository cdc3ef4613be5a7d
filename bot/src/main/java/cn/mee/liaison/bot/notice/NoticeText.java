package cn.mee.liaison.bot.notice;

import cn.mee.liaison.bot.outbox.PlainText;
import cn.mee.liaison.storage.directory.Channel;
import cn.mee.liaison.storage.notice.Notice;
import cn.mee.liaison.storage.outbox.MessageFormat;

/**
 * A notice as the chats read it: the title over the text, and what to do to acknowledge it — in the form the chat's
 * door shows best, whichever form the author wrote: a group-robot webhook markdown (its @-mentions go in the text),
 * an app group chat and the sandbox plain text (markdown made readable), the intelligent robot and personal WeChat
 * as written (the robot sends markdown; the Wechaty door makes text of it itself).
 */
final class NoticeText {

    static final String ACK_HINT = "请回复\u201c收到\u201d确认";

    private NoticeText() {
    }

    /** The form a notice takes on this door. */
    static MessageFormat formatFor(Notice notice, Channel channel) {
        return switch (channel) {
            case WECOM_WEBHOOK -> MessageFormat.MARKDOWN;
            case WECOM_APPCHAT, SANDBOX -> MessageFormat.TEXT;
            default -> notice.format();
        };
    }

    /** The notice in this form: markdown written as text is shown as it is; markdown shown as text is made plain. */
    static String of(Notice notice, MessageFormat form) {
        boolean markdown = form == MessageFormat.MARKDOWN;
        StringBuilder text = new StringBuilder();
        text.append(markdown ? "### " + notice.title() : "【通知】" + notice.title()).append('\n');
        text.append(!markdown && notice.format() == MessageFormat.MARKDOWN ? PlainText.of(notice.content())
                : notice.content());
        if (notice.requireAck()) {
            text.append(markdown ? "\n\n> " + ACK_HINT : "\n（" + ACK_HINT + "）");
        }
        return text.toString();
    }
}
