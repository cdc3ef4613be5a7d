package cn.mee.liaison.bot.records;

import cn.mee.liaison.bot.directory.DirectoryCache;
import cn.mee.liaison.bot.directory.DirectorySnapshot;
import cn.mee.liaison.bot.security.Viewer;
import cn.mee.liaison.storage.message.FiledMessage;
import cn.mee.liaison.storage.message.FiledMessageMapper;
import cn.mee.liaison.storage.message.MessageQuery;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;

/** Finds filed records for a viewer, within what the viewer may see. */
@Service
public class RecordSearch {

    private static final Logger log = LoggerFactory.getLogger(RecordSearch.class);
    /** Rows read in time order for a common keyword's page before giving up for its index. */
    static final int EXAMINED = 2_000;
    /** MySQL's ER_PARSE_ERROR. */
    private static final int SYNTAX_ERROR = 1064;

    private final FiledMessageMapper messages;
    private final DirectoryCache directory;
    private final Clock clock;
    private final KeywordStatistics statistics;
    private final MeterRegistry meters;
    /** Matches counted through before the total is given as "at least": a common word is in tens of thousands. */
    private final long exactTotalUpTo;
    /** False once the server refused the capped read's syntax (MySQL 8 has no ROWS EXAMINED): not tried again. */
    private volatile boolean cappedReadSupported = true;

    RecordSearch(FiledMessageMapper messages, DirectoryCache directory, Clock clock, KeywordStatistics statistics,
                 MeterRegistry meters, @Value("${liaison.records.exact-total-up-to:1000}") long exactTotalUpTo) {
        this.messages = messages;
        this.directory = directory;
        this.clock = clock;
        this.statistics = statistics;
        this.meters = meters;
        this.exactTotalUpTo = exactTotalUpTo;
    }

    /** A page, with its total counted exactly up to {@code liaison.records.exact-total-up-to} and "at least" beyond. */
    public RecordPage search(RecordFilter filter, Viewer viewer, int page, int size) {
        return search(filter, viewer, page, size, false);
    }

    /** A page; with {@code exactTotal}, its total counted to the last match however many there are. */
    public RecordPage search(RecordFilter filter, Viewer viewer, int page, int size, boolean exactTotal) {
        MessageQuery query = filter.toQuery(clock.getZone(), viewer.unitScope(), page, size)
                .sampled(statistics.sample());
        DirectorySnapshot names = directory.snapshot();
        // the total first: a page past it (often the only page of a rare keyword with filters) needs no reading
        Total total = exactTotal ? new Total(messages.count(query), true) : total(query);
        List<FiledMessage> found = total.counted() > query.offset() ? page(query, total) : List.of();
        List<RecordView> items = found.stream().map(m -> RecordView.of(m, names, clock.getZone(), false)).toList();
        return new RecordPage(items, total.counted(), total.exact());
    }

    /**
     * How many messages match: exactly up to {@code liaison.records.exact-total-up-to} (or the end of the page asked
     * for, when further), else that many and "at least". Counted one further, to know whether there are more.
     */
    public Total total(MessageQuery query) {
        long upTo = Math.max(exactTotalUpTo, (long) query.offset() + query.limit()) + 1;
        long counted = messages.countUpTo(query, upTo);
        return counted < upTo ? new Total(counted, true) : new Total(upTo - 1, false);
    }

    /** Whether the keyword's words are in 1 % of the messages or more, by the sample. */
    private boolean common(MessageQuery query) {
        long filed = statistics.sample().filed();
        return cappedReadSupported && query.textPattern() != null && filed < Long.MAX_VALUE
                && query.keywordReach() >= filed / 100;
    }

    /** A count of matches, exact or a lower bound. */
    public record Total(long counted, boolean exact) {

        /** One match fewer (the asking message itself, say): a lower bound stays one. */
        public Total less(long n) {
            return exact ? new Total(counted - n, true) : this;
        }

        /** For people: {@code 37}, or {@code 1000+}. */
        public String text() {
            return exact ? String.valueOf(counted) : counted + "+";
        }
    }

    /**
     * The page: for a common keyword with a full page to show, first in time order without the keyword's index,
     * reading at most {@value #EXAMINED} rows — its page is among the filters' newest messages —, which is the right
     * page when it comes back full; else (the read stopped short, or would have sorted), or for a rarer keyword,
     * through the index. Not tried when the matches, counted exactly, are too few among the rows the read would walk
     * for the page to be found within {@value #EXAMINED} of them.
     */
    private List<FiledMessage> page(MessageQuery query, Total total) {
        if (common(query) && total.counted() >= query.offset() + query.limit()) {
            if (!walkFits(query, total)) {
                return read(query, "index-walk-too-long");
            }
            try {
                List<FiledMessage> inOrder = messages.searchInOrder(query, EXAMINED);
                if (inOrder.size() == query.limit()) {
                    counted("in-order");
                    return inOrder;
                }
            } catch (DataAccessException e) {
                refused(e);
            }
            return read(query, "index-walk-stopped-short");
        }
        return read(query, "index");
    }

    /** The page through the keyword's index (or LIKE alone), counted by how it came to be read so. */
    private List<FiledMessage> read(MessageQuery query, String how) {
        counted(how);
        return messages.search(query);
    }

    /** A page read, by how ({@code liaison.records.pages}). */
    private void counted(String how) {
        meters.counter("liaison.records.pages", "read", how).increment();
    }

    /**
     * Whether a read in time order may find the page within {@value #EXAMINED} rows: the rows of its index's range
     * (the index's own filter and the window, every one examined newest first) times the share of them the page needs
     * ({@code offset + limit} of the matches). Counted from the index, no further than that; with a total that is only
     * a lower bound the share is not known, and the read is tried.
     */
    private boolean walkFits(MessageQuery query, Total total) {
        if (!total.exact()) {
            return true;
        }
        long upTo = EXAMINED * total.counted() / (query.offset() + query.limit()) + 1;
        return messages.countTimeOrderRangeUpTo(query.timeOrderRange(), upTo) < upTo;
    }

    /** A capped read in time order failed: a sort it would have needed, or a database without the cap. */
    private void refused(DataAccessException e) {
        if (e.getMostSpecificCause() instanceof SQLException sql && sql.getErrorCode() == SYNTAX_ERROR) {
            cappedReadSupported = false;
            log.info("The database does not take LIMIT ROWS EXAMINED (MySQL, not MariaDB): common keywords "
                    + "are searched through the index from now on");
        }
        log.debug("Searched through the index: {}", e.getMessage());
    }

    public Optional<RecordView> find(long id, Viewer viewer) {
        return messages.findById(id).filter(m -> viewer.seesUnit(m.unitId()))
                .map(m -> RecordView.of(m, directory.snapshot(), clock.getZone(), true));
    }

    public Optional<FiledMessage> findFiled(long id, Viewer viewer) {
        return messages.findById(id).filter(m -> viewer.seesUnit(m.unitId()));
    }
}
