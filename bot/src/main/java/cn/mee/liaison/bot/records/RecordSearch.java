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

    private final FiledMessageMapper messages;
    private final DirectoryCache directory;
    private final Clock clock;

    RecordSearch(FiledMessageMapper messages, DirectoryCache directory, Clock clock) {
        this.messages = messages;
        this.directory = directory;
        this.clock = clock;
    }

    public RecordPage search(RecordFilter filter, Viewer viewer, int page, int size) {
        MessageQuery query = filter.toQuery(clock.getZone(), viewer.unitScope(), page, size);
        DirectorySnapshot names = directory.snapshot();
        List<RecordView> items = messages.search(query).stream()
                .map(m -> RecordView.of(m, names, clock.getZone(), false)).toList();
        return new RecordPage(items, messages.count(query));
    }

    public Optional<RecordView> find(long id, Viewer viewer) {
        return messages.findById(id).filter(m -> viewer.seesUnit(m.unitId()))
                .map(m -> RecordView.of(m, directory.snapshot(), clock.getZone(), true));
    }

    public Optional<FiledMessage> findFiled(long id, Viewer viewer) {
        return messages.findById(id).filter(m -> viewer.seesUnit(m.unitId()));
    }
}
