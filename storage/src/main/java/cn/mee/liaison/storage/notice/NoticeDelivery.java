package cn.mee.liaison.storage.notice;

import cn.mee.liaison.storage.directory.Channel;
import java.time.Instant;

/** One (notice, chat) pair, and who acknowledged it there, when. */
public record NoticeDelivery(Long id, long noticeId, Channel channel, String chatId, Long workGroupId, Long unitId,
                             Instant ackedAt, String ackedBy, String ackedByName, Long ackMessageId) {
}
