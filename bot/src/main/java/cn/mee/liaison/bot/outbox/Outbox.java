package cn.mee.liaison.bot.outbox;

import cn.mee.liaison.storage.outbox.OutboxMapper;
import cn.mee.liaison.storage.outbox.OutboxMessage;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Where everything the bot says goes first. Rows join the caller's transaction: a reply exists exactly when the
 * message it answers was filed; workers deliver them after commit.
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
            ids.add(mapper.insert(message));
        }
        return ids;
    }
}
