package cn.mee.liaison.storage.notice;

import cn.mee.liaison.storage.directory.Channel;
import cn.mee.liaison.storage.support.GeneratedId;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
public interface NoticeMapper {

    void insertNoticeRow(@Param("row") Notice notice, @Param("key") GeneratedId key);

    default long insert(Notice notice) {
        GeneratedId key = new GeneratedId();
        insertNoticeRow(notice, key);
        return key.value();
    }

    void insertDeliveryRow(@Param("row") NoticeDelivery delivery, @Param("key") GeneratedId key);

    default long insert(NoticeDelivery delivery) {
        GeneratedId key = new GeneratedId();
        insertDeliveryRow(delivery, key);
        return key.value();
    }

    Optional<Notice> findById(@Param("id") long id);

    /** The notice a delivery belongs to. */
    Optional<Notice> findByDeliveryId(@Param("deliveryId") long deliveryId);

    /** Newest first. */
    List<Notice> findRecent(@Param("offset") int offset, @Param("limit") int limit);

    long count();

    List<DeliveryProgress> progressOf(@Param("noticeId") long noticeId);

    /** Cancels what has not gone out yet; returns how many outbox rows were cancelled. */
    int cancelPending(@Param("noticeId") long noticeId, @Param("at") Instant at);

    void markCancelled(@Param("noticeId") long noticeId, @Param("at") Instant at);

    /** Makes the failed rows due again at once; returns how many. */
    int resendFailed(@Param("noticeId") long noticeId, @Param("at") Instant at);

    /**
     * The delivery a member's 收到 in this chat acknowledges: the newest notice asking for it, delivered here, sent
     * before now and not yet acknowledged here; optionally only notices whose title the quoted text contains.
     */
    Optional<NoticeDelivery> findAwaitingAck(@Param("channel") Channel channel, @Param("chatId") String chatId,
                                             @Param("now") Instant now, @Param("quoted") String quoted);

    int acknowledge(@Param("deliveryId") long deliveryId, @Param("userId") String userId,
                    @Param("userName") String userName, @Param("at") Instant at, @Param("messageId") long messageId);

    /**
     * Deliveries of notices asking for acknowledgement that went out before {@code sentBefore} (each timed from its own
     * send), on a door that can answer, not acknowledged and not yet reminded; by notice.
     */
    default List<NoticeDelivery> dueForReminder(Instant sentBefore) {
        return dueForReminderOn(sentBefore, hearing());
    }

    /** The same, not yet escalated to the unit's coordinator. */
    default List<NoticeDelivery> dueForEscalation(Instant sentBefore) {
        return dueForEscalationOn(sentBefore, hearing());
    }

    List<NoticeDelivery> dueForReminderOn(@Param("sentBefore") Instant sentBefore,
                                          @Param("hearing") List<Channel> hearing);

    List<NoticeDelivery> dueForEscalationOn(@Param("sentBefore") Instant sentBefore,
                                            @Param("hearing") List<Channel> hearing);

    /** @return false when the delivery was reminded already (by another instance) */
    boolean markReminded(@Param("deliveryId") long deliveryId, @Param("at") Instant at);

    boolean markEscalated(@Param("deliveryId") long deliveryId, @Param("at") Instant at);

    /** Keeps on the notice when its first reminder or escalation happened (null: leave it). */
    void noteFollowedUp(@Param("noticeId") long noticeId, @Param("remindedAt") Instant remindedAt,
                        @Param("escalatedAt") Instant escalatedAt);

    /** The doors whose groups can answer a notice ({@link Channel#hearsGroupReplies()}). */
    private static List<Channel> hearing() {
        return Arrays.stream(Channel.values()).filter(Channel::hearsGroupReplies).toList();
    }
}
