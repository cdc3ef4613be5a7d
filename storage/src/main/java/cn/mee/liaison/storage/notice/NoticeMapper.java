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

    /** Notices asking for acknowledgement, sent before {@code sentBefore}, whose given stage is not done. */
    List<Notice> dueForReminder(@Param("sentBefore") Instant sentBefore);

    List<Notice> dueForEscalation(@Param("sentBefore") Instant sentBefore);

    boolean markReminded(@Param("noticeId") long noticeId, @Param("at") Instant at);

    boolean markEscalated(@Param("noticeId") long noticeId, @Param("at") Instant at);

    /**
     * Deliveries of a notice that went out and are not acknowledged, on the doors that can carry an answer back
     * ({@link Channel#hearsGroupReplies()}): a webhook or appchat group cannot acknowledge, so it is not chased.
     */
    default List<NoticeDelivery> silentDeliveries(long noticeId) {
        return silentDeliveriesOn(noticeId, Arrays.stream(Channel.values()).filter(Channel::hearsGroupReplies).toList());
    }

    List<NoticeDelivery> silentDeliveriesOn(@Param("noticeId") long noticeId,
                                            @Param("hearing") List<Channel> hearing);
}
