package cn.mee.liaison.storage.attachment;

import cn.mee.liaison.storage.support.GeneratedId;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
public interface AttachmentMapper {

    void insertRow(@Param("row") Attachment attachment, @Param("key") GeneratedId key);

    default long insert(Attachment attachment) {
        GeneratedId key = new GeneratedId();
        insertRow(attachment, key);
        return key.value();
    }

    List<Attachment> findByMessage(@Param("messageId") long messageId);

    Optional<Attachment> findById(@Param("id") long id);

    /** Locks due rows (pending and due, or fetching with a lapsed claim), skipping rows others hold. */
    List<Long> lockDue(@Param("now") Instant now, @Param("limit") int limit);

    void claim(@Param("ids") Collection<Long> ids, @Param("worker") String worker, @Param("until") Instant until);

    List<Attachment> findByIds(@Param("ids") Collection<Long> ids);

    boolean markStored(@Param("id") long id, @Param("worker") String worker, @Param("fileName") String fileName,
                       @Param("contentType") String contentType, @Param("sizeBytes") long sizeBytes,
                       @Param("sha256") String sha256, @Param("storedPath") String storedPath,
                       @Param("storedAt") Instant storedAt);

    boolean markRetry(@Param("id") long id, @Param("worker") String worker, @Param("nextAttemptAt") Instant next,
                      @Param("error") String error);

    boolean markFailed(@Param("id") long id, @Param("worker") String worker, @Param("error") String error);
}
