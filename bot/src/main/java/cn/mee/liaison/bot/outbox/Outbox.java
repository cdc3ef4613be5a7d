package cn.mee.liaison.bot.outbox;

import cn.mee.liaison.storage.outbox.OutboxMapper;
import cn.mee.liaison.storage.outbox.OutboxMessage;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Where everything the bot says goes first. Rows join the caller's transaction: a reply exists exactly when the
 * message it answers was filed; workers deliver them after commit. A text too long for its door becomes several
 * numbered rows, each within the door's limit, so that each part is delivered (and retried) on its own.
 */
@Service
public class Outbox {

    private final OutboxMapper mapper;

    Outbox(OutboxMapper mapper) {
        this.mapper = mapper;
    }

    /** @return the ids of the new rows, in order */
    public List<Long> enqueue(List<OutboxMessage> messages) {
        List<Long> ids = new ArrayList<>(messages.size());
        for (OutboxMessage message : messages) {
            int limit = PayloadLimits.maxBytes(message.channel(), message.format());
            List<String> parts = limit == 0 ? List.of(message.content()) : TextParts.split(message.content(), limit);
            for (int i = 0; i < parts.size(); i++) {
                ids.add(mapper.insert(message.withContent(parts.get(i), i == 0 ? message.mentions() : null)));
            }
        }
        return ids;
    }
}
