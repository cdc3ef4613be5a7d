package cn.mee.liaison.bot.records;

import cn.mee.liaison.bot.directory.DirectoryCache;
import cn.mee.liaison.bot.directory.DirectorySnapshot;
import cn.mee.liaison.bot.security.Viewer;
import cn.mee.liaison.storage.message.FiledMessage;
import cn.mee.liaison.storage.message.FiledMessageMapper;
import cn.mee.liaison.storage.message.MessageQuery;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** Finds filed records for a viewer, within what the viewer may see. */
@Service
public class RecordSearch {

    /** How many more messages the window holds than the keyword's share needs for a page (the share is a guess). */
    static final long WINDOW_SPARE = 3;
    /** A larger window costs more than the index would. */
    static final long MAX_WINDOW = 3_000;

    private final FiledMessageMapper messages;
    private final DirectoryCache directory;
    private final Clock clock;
    private final KeywordStatistics statistics;

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
     * The page: for a common keyword first among the filters' newest messages, in time order (a window about
     * {@value #WINDOW_SPARE} times as many as the keyword's share needs, at most {@value #MAX_WINDOW}), which is the
     * right page when it comes back full; else, or for a rarer keyword, through the keyword's index.
     */
    private List<FiledMessage> page(MessageQuery query, long total) {
        long reach = query.keywordReach();
        long filed = statistics.sample().filed();
        if (query.textPattern() != null && reach > 0 && filed < Long.MAX_VALUE) {
            long window = (query.offset() + query.limit()) * WINDOW_SPARE * filed / reach;
            if (window <= MAX_WINDOW) {
                List<FiledMessage> recent = messages.searchRecent(query, (int) window);
                if (recent.size() == Math.min(query.limit(), total - query.offset())) {
                    return recent;
                }
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
