package cn.mee.liaison.storage.message;

import cn.mee.liaison.storage.directory.Channel;
import cn.mee.liaison.storage.support.GeneratedId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.cursor.Cursor;

/** The archive of filed messages. */
@Mapper
public interface FiledMessageMapper {

    /**
     * Fails with a duplicate-key error when (channel, externalId) is already filed.
     *
     * @param answered false when the message is still to be answered ({@link #claimAnswering})
     */
    void insertRow(@Param("row") FiledMessage message, @Param("answered") boolean answered,
                   @Param("searchText") String searchText, @Param("key") GeneratedId key);

    /** Files a message that is already answered (or needs no answer). */
    default long insert(FiledMessage message) {
        return insert(message, true);
    }

    default long insert(FiledMessage message, boolean answered) {
        GeneratedId key = new GeneratedId();
        insertRow(message, answered, SearchText.of(message.text(), message.unitId(), message.cityId(),
                message.workGroupId(), message.recordType() == null ? null : message.recordType().name(),
                message.receivedAt()), key);
        return key.value();
    }

    /**
     * Files a message again under another type or with other fields, once its answer knows better than the first
     * reading (a free-text reply to the daily dispatch, read with the group's plan).
     */
    void reclassify(@Param("id") long id, @Param("type") RecordType type, @Param("fields") Map<String, Object> fields);

    /** Takes the answering of a message: true for exactly one caller, while the message is unanswered. */
    boolean claimAnswering(@Param("id") long id);

    /** Messages filed before the given time and still unanswered, oldest first. */
    List<FiledMessage> findUnanswered(@Param("before") Instant before, @Param("limit") int limit);

    Optional<FiledMessage> findByExternalId(@Param("channel") Channel channel, @Param("externalId") String externalId);

    Optional<FiledMessage> findById(@Param("id") long id);

    /** Newest first. */
    List<FiledMessage> search(@Param("q") MessageQuery query);

    long count(@Param("q") MessageQuery query);

    /**
     * How many match, counted no further than {@code upTo}: a keyword in tens of thousands of messages is not read
     * through to the last one only to say how many there are.
     */
    long countUpTo(@Param("q") MessageQuery query, @Param("upTo") long upTo);

    /**
     * Newest first, read in time order without the keyword's index, and on MariaDB reading no more than
     * {@code examined} rows ({@code LIMIT ROWS EXAMINED}): when the plan reads in time order it stops there with the
     * page found so far — the same page as {@link #search} whenever it is full —, when it would sort the statement
     * fails. For a common keyword, whose page is among the filters' newest few hundred messages, while its index
     * gives thousands to read and sort. H2: the same as {@link #search}; MySQL 8 has no {@code ROWS EXAMINED}
     * (fails).
     */
    List<FiledMessage> searchInOrder(@Param("q") MessageQuery query, @Param("examined") int examined);

    /**
     * How many messages a read in time order would walk ({@link MessageQuery#timeOrderRange}, on the index it names),
     * counted no further than {@code upTo}: from the index alone.
     */
    long countTimeOrderRangeUpTo(@Param("q") MessageQuery range, @Param("upTo") long upTo);

    /** Newest first, without paging, streamed: for exports. */
    Cursor<FiledMessage> stream(@Param("q") MessageQuery query);

    /** The newest messages' texts and types, newest first: a sample of how common words and types are. */
    List<SampledMessage> newestMessages(@Param("limit") int limit);

    /** When the first message filed was received; null when there is none. */
    Instant firstReceived();

    /** When the last message filed was received; null when there is none. */
    Instant lastReceived();

    /**
     * Whether the database's buffer pool is as large as the messages' table with its indexes (MySQL/MariaDB), so that
     * the rows a search reads come from memory; false on H2.
     */
    boolean poolHoldsMessages();

    long countAll();

    /** Messages received in a time span by record type, most first; of some units only (null: of all). */
    List<TypeCount> countByType(@Param("from") Instant from, @Param("to") Instant to,
                                @Param("units") List<Long> units);

    /** The latest messages of one chat, newest first: the console's live conversation view. */
    List<FiledMessage> findLatestInChat(@Param("chatId") String chatId, @Param("limit") int limit);
}
