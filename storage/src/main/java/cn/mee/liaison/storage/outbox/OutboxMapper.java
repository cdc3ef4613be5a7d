package cn.mee.liaison.storage.outbox;

import cn.mee.liaison.storage.directory.Channel;
import cn.mee.liaison.storage.support.GeneratedId;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** The outbox. Claiming is safe with several instances: rows are locked and skipped, never taken twice. */
@Mapper
public interface OutboxMapper {

    void insertRow(@Param("row") OutboxMessage message, @Param("key") GeneratedId key);

    default long insert(OutboxMessage message) {
        GeneratedId key = new GeneratedId();
        insertRow(message, key);
        return key.value();
    }

    /** Adds a row whose id is not needed: many of them as one JDBC batch ({@code MapperBatches}). */
    void insertWithoutId(@Param("row") OutboxMessage message);

    /**
     * Locks up to {@code limit} due rows (pending and due, or claimed by a worker whose lease ran out), skipping rows
     * other transactions hold. Call inside a transaction, then {@link #claim}.
     */
    List<Long> lockDue(@Param("now") Instant now, @Param("limit") int limit);

    /** Locks the given rows if they are still due, skipping rows other transactions hold. */
    List<Long> lockDueAmong(@Param("ids") Collection<Long> ids, @Param("now") Instant now);


    void claim(@Param("ids") Collection<Long> ids, @Param("worker") String worker, @Param("until") Instant until);

    List<OutboxMessage> findByIds(@Param("ids") Collection<Long> ids);

    Optional<OutboxMessage> findById(@Param("id") long id);

    /** Marks a claimed row sent; false when the claim was lost to another worker in the meantime. */
    boolean markSent(@Param("id") long id, @Param("worker") String worker, @Param("sentAt") Instant sentAt);

    boolean markRetry(@Param("id") long id, @Param("worker") String worker, @Param("nextAttemptAt") Instant next,
                      @Param("error") String error);

    /** Puts a claimed row back unsent, without counting the attempt: it waits for its turn (pacing). */
    boolean defer(@Param("id") long id, @Param("worker") String worker, @Param("nextAttemptAt") Instant next);

    boolean markFailed(@Param("id") long id, @Param("worker") String worker, @Param("error") String error);

    /**
     * What the bot said to one target, in the order it was sent, from a time on (null: from the start): the newest
     * {@code limit} of it, oldest first.
     */
    List<OutboxMessage> findSentTo(@Param("channel") Channel channel, @Param("targetType") TargetType targetType,
                                   @Param("targetId") String targetId,
                                   @Param("since") Instant since, @Param("limit") int limit);

    List<OutboxMessage> findByReplyTo(@Param("messageId") long messageId);

    long countByStatus(@Param("status") OutboxStatus status);
}
