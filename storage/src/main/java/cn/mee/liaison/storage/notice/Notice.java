package cn.mee.liaison.storage.notice;

import cn.mee.liaison.storage.outbox.MessageFormat;
import java.time.Instant;

/**
 * A notice the bureau pushes to many chats at once (统一推送信息).
 *
 * @param targetsJson    the selection as it was given, for the record
 * @param attachmentPath a file to send after the text, in the file store
 * @param remindedAt     when the chats still silent were reminded to acknowledge
 * @param escalatedAt    when the coordinators of the chats still silent were told
 */
public record Notice(Long id, NoticeKind kind, String title, String content, MessageFormat format,
                     String attachmentPath, String targetsJson, boolean requireAck, Instant sendAt,
                     Instant cancelledAt, String createdBy, Instant createdAt, Instant remindedAt,
                     Instant escalatedAt) {
}
