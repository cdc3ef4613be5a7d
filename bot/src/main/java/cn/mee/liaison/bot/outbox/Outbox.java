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

    /** Rows added by one statement of {@link #enqueueAll}, at most. */
    static final int ROWS_PER_STATEMENT = 500;
    /** The text one statement of {@link #enqueueAll} carries, at most (UTF-8, counted generously), about 1 MiB. */
    static final long BYTES_PER_STATEMENT = 1 << 20;

    private final OutboxMapper mapper;

    Outbox(OutboxMapper mapper) {
        this.mapper = mapper;
    }

    /** @return the ids of the new rows, in order */
    public List<Long> enqueue(List<OutboxMessage> messages) {
        List<OutboxMessage> rows = rows(messages);
        List<Long> ids = new ArrayList<>(rows.size());
        for (OutboxMessage row : rows) {
            ids.add(mapper.insert(row));
        }
        return ids;
    }

    /**
     * Adds many messages with a few multi-row statements, in order, when the caller does not need the rows' ids
     * (many reminders at once).
     */
    public void enqueueAll(List<OutboxMessage> messages) {
        List<OutboxMessage> rows = rows(messages);
        int from = 0;
        long bytes = 0;
        for (int i = 0; i < rows.size(); i++) {
            bytes += 3L * rows.get(i).content().length();
            if (i + 1 - from >= ROWS_PER_STATEMENT || bytes >= BYTES_PER_STATEMENT || i + 1 == rows.size()) {
                mapper.insertAll(rows.subList(from, i + 1));
                from = i + 1;
                bytes = 0;
            }
        }
    }

    /** The rows the messages become: each text split into the parts its door takes, the mentions on the first. */
    private static List<OutboxMessage> rows(List<OutboxMessage> messages) {
        List<OutboxMessage> rows = new ArrayList<>(messages.size());
        for (OutboxMessage message : messages) {
            int limit = PayloadLimits.maxBytes(message.channel(), message.format());
            List<String> parts = limit == 0 ? List.of(message.content()) : TextParts.split(message.content(), limit);
            for (int i = 0; i < parts.size(); i++) {
                rows.add(message.withContent(parts.get(i), i == 0 ? message.mentions() : null));
            }
        }
        return rows;
    }
}
