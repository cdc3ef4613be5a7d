package cn.mee.liaison.storage.message;

import cn.mee.liaison.storage.directory.Channel;
import java.time.Instant;
import java.util.Map;

/**
 * A message as filed: what arrived (raw payload, text), from where and whom, resolved against the directory at the
 * time it arrived (work group, unit, city, round), and what it is (record type and parsed fields).
 *
 * @param mentioned whether the member @-mentioned the bot
 */
public record FiledMessage(
        Long id,
        Channel channel,
        String chatId,
        ChatType chatType,
        String externalId,
        String senderId,
        String senderName,
        Long workGroupId,
        Long unitId,
        Long cityId,
        Long roundId,
        RecordType recordType,
        ContentKind contentKind,
        String text,
        Map<String, Object> fields,
        String rawPayload,
        Instant receivedAt,
        boolean mentioned) {

    public FiledMessage withId(long newId) {
        return new FiledMessage(newId, channel, chatId, chatType, externalId, senderId, senderName, workGroupId,
                unitId, cityId, roundId, recordType, contentKind, text, fields, rawPayload, receivedAt, mentioned);
    }
}
