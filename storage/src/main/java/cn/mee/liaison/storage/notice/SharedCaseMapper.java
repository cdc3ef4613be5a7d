package cn.mee.liaison.storage.notice;

import cn.mee.liaison.storage.message.FiledMessage;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** Typical cases marked for sharing, and which digest pushed them. */
@Mapper
public interface SharedCaseMapper {

    /** Marks a case; false when it was marked before. */
    boolean mark(@Param("messageId") long messageId, @Param("by") String by, @Param("at") Instant at);

    boolean isMarked(@Param("messageId") long messageId);

    /** The marked cases no digest has pushed yet, oldest first, locked for the digest being made. */
    List<FiledMessage> lockUndigested();

    void digested(@Param("messageIds") Collection<Long> messageIds, @Param("noticeId") long noticeId);
}
