package cn.mee.liaison.bot.outbox;

import cn.mee.liaison.storage.outbox.OutboxMapper;
import cn.mee.liaison.storage.outbox.OutboxMessage;
import cn.mee.liaison.storage.support.MapperBatches;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.springframework.stereotype.Service;

/**
 * Where everything the bot says goes first. Rows join the caller's transaction: a reply exists exactly when the
 * message it answers was filed; workers deliver them after commit. A text too long for its door becomes several
 * numbered rows, each within the door's limit, so that each part is delivered (and retried) on its own.
 */
@Service
public class Outbox {

    private final OutboxMapper mapper;
    private final MapperBatches batches;
    private final OutboxClaims claims;

    Outbox(OutboxMapper mapper, MapperBatches batches, OutboxClaims claims) {
        this.mapper = mapper;
        this.batches = batches;
        this.claims = claims;
    }

    /**
     * What {@link #enqueue(List, Predicate, Instant)} wrote.
     *
     * @param ids   every new row's id, in order
     * @param given the rows written as given by their door, with their ids, in order
     */
    public record Enqueued(List<Long> ids, List<OutboxMessage> given) {
    }

    /** @return the ids of the new rows, in order */
    public List<Long> enqueue(List<OutboxMessage> messages) {
        return enqueue(messages, row -> false, null).ids();
    }

    /**
     * Adds the messages; the rows {@code given} accepts are written already sent by this instance at {@code now}:
     * their door gives them in its own answer to the platform once this transaction commits (the robot's passive
     * reply), so no worker ever sees them.
     */
    public Enqueued enqueue(List<OutboxMessage> messages, Predicate<OutboxMessage> given, Instant now) {
        List<OutboxMessage> rows = rows(messages);
        List<Long> ids = new ArrayList<>(rows.size());
        List<OutboxMessage> givenRows = new ArrayList<>();
        for (OutboxMessage row : rows) {
            if (given.test(row)) {
                OutboxMessage sent = row.givenBy(claims.holder(), now);
                long id = mapper.insert(sent);
                ids.add(id);
                givenRows.add(sent.withId(id));
                claims.countGiven(sent);
            } else {
                ids.add(mapper.insert(row));
            }
        }
        return new Enqueued(ids, givenRows);
    }

    /**
     * Adds many messages as one JDBC batch (multi-row INSERTs on MySQL/MariaDB), in order, when the caller does not
     * need the rows' ids (many reminders at once). Only inside a transaction.
     */
    public void enqueueAll(List<OutboxMessage> messages) {
        List<OutboxMessage> rows = rows(messages);
        if (!rows.isEmpty()) {
            batches.run(OutboxMapper.class, batch -> rows.forEach(batch::insertWithoutId));
        }
    }

    /** The rows the messages become: each text split into the parts its door takes, the mentions on the first. */
    private static List<OutboxMessage> rows(List<OutboxMessage> messages) {
        List<OutboxMessage> rows = new ArrayList<>(messages.size());
        for (OutboxMessage message : messages) {
            int limit = PayloadLimits.maxBytes(message.channel(), message.format(), message.mentions());
            List<String> parts = limit == 0 ? List.of(message.content()) : TextParts.split(message.content(), limit);
            for (int i = 0; i < parts.size(); i++) {
                rows.add(message.withContent(parts.get(i), i == 0 ? message.mentions() : null));
            }
        }
        return rows;
    }
}
