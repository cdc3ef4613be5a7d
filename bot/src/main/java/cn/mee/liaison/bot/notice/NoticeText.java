package cn.mee.liaison.bot.notice;

import cn.mee.liaison.storage.notice.Notice;
import cn.mee.liaison.storage.outbox.MessageFormat;

/** A notice as the chats read it: the title over the text, and what to do to acknowledge it. */
final class NoticeText {

    static final String ACK_HINT = "请回复\u201c收到\u201d确认";

    private NoticeText() {
    }

    static String of(Notice notice) {
        boolean markdown = notice.format() == MessageFormat.MARKDOWN;
        StringBuilder text = new StringBuilder();
        text.append(markdown ? "### " + notice.title() : "【通知】" + notice.title()).append('\n');
        text.append(notice.content());
        if (notice.requireAck()) {
            text.append(markdown ? "\n\n> " + ACK_HINT : "\n（" + ACK_HINT + "）");
        }
        return text.toString();
    }
}
