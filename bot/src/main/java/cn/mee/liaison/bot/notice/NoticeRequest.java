package cn.mee.liaison.bot.notice;

/**
 * A notice to send (the body of {@code POST /api/v1/notices}).
 *
 * @param format "text" (default) or "markdown"
 * @param sendAt an ISO time (with offset, or Asia/Shanghai local); empty: now
 */
public record NoticeRequest(String title, String content, String format, NoticeTargets targets, Boolean requireAck,
                            String sendAt) {
}
