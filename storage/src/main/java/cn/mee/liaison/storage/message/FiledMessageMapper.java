package cn.mee.liaison.storage.message;

import cn.mee.liaison.storage.directory.Channel;
import cn.mee.liaison.storage.support.GeneratedId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.cursor.Cursor;

/** The archive of filed messages. */
@Mapper
public interface FiledMessageMapper {

    /** Fails with a duplicate-key error when (channel, externalId) is already filed. */
    void insertRow(@Param("row") FiledMessage message, @Param("key") GeneratedId key);

    default long insert(FiledMessage message) {
        GeneratedId key = new GeneratedId();
        insertRow(message, key);
        return key.value();
    }

    Optional<FiledMessage> findByExternalId(@Param("channel") Channel channel, @Param("externalId") String externalId);

    Optional<FiledMessage> findById(@Param("id") long id);

    /** Newest first. */
    List<FiledMessage> search(@Param("q") MessageQuery query);

    long count(@Param("q") MessageQuery query);

    /** Newest first, without paging, streamed: for exports. */
    Cursor<FiledMessage> stream(@Param("q") MessageQuery query);

    List<TypeCount> countByType(@Param("from") Instant from, @Param("to") Instant to);

    /** The latest messages of one chat, newest first: the console's live conversation view. */
    List<FiledMessage> findLatestInChat(@Param("chatId") String chatId, @Param("limit") int limit);
}
