package cn.mee.liaison.bot.records;

import cn.mee.liaison.bot.directory.DirectorySnapshot;
import cn.mee.liaison.storage.message.FiledMessage;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Map;

/**
 * A filed message as the API and the console show it: the contract's fields, then the names it resolved to.
 * rawPayload is only filled for a single record.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RecordView(
        long id,
        String channel,
        String chatId,
        String externalId,
        String senderId,
        String type,
        String text,
        Map<String, Object> fields,
        OffsetDateTime receivedAt,
        String senderName,
        String typeLabel,
        String chatType,
        String contentKind,
        String workGroup,
        String unit,
        String city,
        String round,
        String rawPayload) {

    static RecordView of(FiledMessage m, DirectorySnapshot directory, ZoneId zone, boolean withRaw) {
        return new RecordView(m.id(), m.channel().name(), m.chatId(), m.externalId(), m.senderId(),
                m.recordType().name(), m.text(), m.fields(), m.receivedAt().atZone(zone).toOffsetDateTime(),
                m.senderName(), m.recordType().label(), m.chatType().name(), m.contentKind().name(),
                directory.groupName(m.workGroupId()), directory.unitName(m.unitId()),
                directory.cityName(m.cityId()), directory.roundName(m.roundId()), withRaw ? m.rawPayload() : null);
    }
}
