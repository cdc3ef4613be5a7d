package cn.mee.liaison.storage.message;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * A filter over filed messages; every part is optional (null means "any").
 *
 * @param unitScope when not null, only messages of these units are visible (a unit coordinator's view);
 *                  an empty scope sees nothing
 * @param text      a keyword looked for in the message text
 * @param sample    how common the keyword's bigrams are, to choose what the FULLTEXT index is asked for
 *                  ({@link SearchText#query(MessageQuery)}); null: everything. The results are the same either way.
 */
public record MessageQuery(
        String chatId,
        Long workGroupId,
        Long unitId,
        Long cityId,
        Long roundId,
        RecordType type,
        String senderId,
        Instant from,
        Instant to,
        String text,
        Collection<Long> unitScope,
        int offset,
        int limit,
        BigramSample sample) {

    public MessageQuery(String chatId, Long workGroupId, Long unitId, Long cityId, Long roundId, RecordType type,
                        String senderId, Instant from, Instant to, String text, Collection<Long> unitScope, int offset,
                        int limit) {
        this(chatId, workGroupId, unitId, cityId, roundId, type, senderId, from, to, text, unitScope, offset, limit,
                null);
    }

    public static MessageQuery all() {
        return new MessageQuery(null, null, null, null, null, null, null, null, null, null, null, 0, 50);
    }

    public MessageQuery page(int newOffset, int newLimit) {
        return new MessageQuery(chatId, workGroupId, unitId, cityId, roundId, type, senderId, from, to, text,
                unitScope, newOffset, newLimit, sample);
    }

    public MessageQuery inChat(String newChatId) {
        return new MessageQuery(newChatId, workGroupId, unitId, cityId, roundId, type, senderId, from, to, text,
                unitScope, offset, limit, sample);
    }

    public MessageQuery ofType(RecordType newType) {
        return new MessageQuery(chatId, workGroupId, unitId, cityId, roundId, newType, senderId, from, to, text,
                unitScope, offset, limit, sample);
    }

    public MessageQuery containing(String newText) {
        return new MessageQuery(chatId, workGroupId, unitId, cityId, roundId, type, senderId, from, to, newText,
                unitScope, offset, limit, sample);
    }

    public MessageQuery scopedTo(Collection<Long> units) {
        return new MessageQuery(chatId, workGroupId, unitId, cityId, roundId, type, senderId, from, to, text,
                units == null ? null : List.copyOf(units), offset, limit, sample);
    }

    /** The same query, its FULLTEXT part chosen by this sample of how common the bigrams are. */
    public MessageQuery sampled(BigramSample newSample) {
        return new MessageQuery(chatId, workGroupId, unitId, cityId, roundId, type, senderId, from, to, text,
                unitScope, offset, limit, newSample);
    }

    /** About how many messages may contain the keyword, by the sample; every message when there is none. */
    public long keywordReach() {
        return (sample == null ? BigramSample.UNKNOWN : sample).messagesWithAll(SearchText.bigrams(text));
    }

    /** The keyword as a LIKE pattern, with LIKE's own wildcards escaped by {@code !} (portable across databases). */
    public String textPattern() {
        if (text == null || text.isBlank()) {
            return null;
        }
        String escaped = text.strip().replace("!", "!!").replace("%", "!%").replace("_", "!_");
        return "%" + escaped + "%";
    }

    /** The keyword's FULLTEXT query on {@code search_text} ({@link SearchText}), or null when it has none. */
    public String searchQuery() {
        return searchQuery(Long.MAX_VALUE);
    }

    /** The same, for a statement that stops after {@code upTo} matches (a count capped there). */
    public String searchQuery(long upTo) {
        return text == null || text.isBlank() ? null : SearchText.query(this, upTo);
    }

    /**
     * The index a read in time order walks: that of the most selective filter by equality, each ordered by time
     * within it (MariaDB left to itself read the type's index by type alone, from the newest message of the type down
     * to the window, for a window months back: seconds instead of milliseconds, docs/performance.md).
     */
    public String timeOrderIndex() {
        if (chatId != null && !chatId.isBlank()) {
            return "ix_filed_message_chat";
        }
        if (workGroupId != null) {
            return "ix_filed_message_group";
        }
        if (senderId != null && !senderId.isBlank()) {
            return "ix_filed_message_sender";
        }
        if (cityId != null) {
            return "ix_filed_message_city";
        }
        if (unitId != null) {
            return "ix_filed_message_unit";
        }
        if (type != null) {
            return "ix_filed_message_type";
        }
        return "ix_filed_message_received";
    }

    /**
     * The messages a read in time order walks ({@link #timeOrderIndex}): those of its index's filter within the time
     * window, whatever else is asked — every one of them is examined, newest first, until the page is full.
     */
    public MessageQuery timeOrderRange() {
        String index = timeOrderIndex();
        return new MessageQuery(index.endsWith("_chat") ? chatId : null,
                index.endsWith("_group") ? workGroupId : null, index.endsWith("_unit") ? unitId : null,
                index.endsWith("_city") ? cityId : null, null, index.endsWith("_type") ? type : null,
                index.endsWith("_sender") ? senderId : null, from, to, null, null, 0, limit);
    }

    public boolean scopeIsEmpty() {
        return unitScope != null && unitScope.isEmpty();
    }
}
