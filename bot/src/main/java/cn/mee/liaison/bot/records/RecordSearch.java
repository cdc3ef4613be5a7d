package cn.mee.liaison.bot.records;

import cn.mee.liaison.bot.directory.DirectoryCache;
import cn.mee.liaison.bot.directory.DirectorySnapshot;
import cn.mee.liaison.bot.security.Viewer;
import cn.mee.liaison.storage.message.FiledMessage;
import cn.mee.liaison.storage.message.FiledMessageMapper;
import cn.mee.liaison.storage.message.MessageQuery;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
    /** False once the server refused the capped read's syntax (MySQL 8 has no ROWS EXAMINED): not tried again. */
    private volatile boolean cappedReadSupported = true;

    RecordSearch(FiledMessageMapper messages, DirectoryCache directory, Clock clock, KeywordStatistics statistics) {
        this.messages = messages;
        this.directory = directory;
        this.clock = clock;
        this.statistics = statistics;
    }

    public RecordPage search(RecordFilter filter, Viewer viewer, int page, int size) {
        MessageQuery query = filter.toQuery(clock.getZone(), viewer.unitScope(), page, size)
                .sampled(statistics.sample());
        DirectorySnapshot names = directory.snapshot();
        // the total first: a page past it (often the only page of a rare keyword with filters) needs no reading
        long total = messages.count(query);
        List<FiledMessage> found = total > query.offset() ? page(query, total) : List.of();
        List<RecordView> items = found.stream().map(m -> RecordView.of(m, names, clock.getZone(), false)).toList();
        return new RecordPage(items, total);
    }

    /**
     * The page: for a common keyword with a full page to show, first in time order without the keyword's index,
     * reading at most {@value #EXAMINED} rows — its page is among the filters' newest messages —, which is the right
     * page when it comes back full; else (the read stopped short, or would have sorted), or for a rarer keyword,
     * through the index.
     */
    private List<FiledMessage> page(MessageQuery query, long total) {
        long filed = statistics.sample().filed();
        boolean common = filed < Long.MAX_VALUE && query.keywordReach() >= filed / 100;
        if (cappedReadSupported && query.textPattern() != null && common
                && total >= query.offset() + query.limit()) {
            try {
                List<FiledMessage> inOrder = messages.searchInOrder(query, EXAMINED);
                if (inOrder.size() == query.limit()) {
                    return inOrder;
                }
            } catch (DataAccessException e) {
                if (e.getMostSpecificCause() instanceof SQLException sql && sql.getErrorCode() == SYNTAX_ERROR) {
                    cappedReadSupported = false;
                    log.info("The database does not take LIMIT ROWS EXAMINED (MySQL, not MariaDB): common keywords "
                            + "are searched through the index from now on");
                }
                log.debug("Searched through the index: {}", e.getMessage());
            }
        }
        return messages.search(query);
    }

    public Optional<RecordView> find(long id, Viewer viewer) {
        return messages.findById(id).filter(m -> viewer.seesUnit(m.unitId()))
                .map(m -> RecordView.of(m, directory.snapshot(), clock.getZone(), true));
    }

    public Optional<FiledMessage> findFiled(long id, Viewer viewer) {
        return messages.findById(id).filter(m -> viewer.seesUnit(m.unitId()));
    }
}
