package cn.mee.liaison.bot.directory;

import cn.mee.liaison.bot.audit.AuditTrail;
import cn.mee.liaison.storage.directory.Channel;
import cn.mee.liaison.storage.directory.Chat;
import cn.mee.liaison.storage.directory.DirectoryMapper;
import java.time.Clock;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies a directory document as one transaction: validated as a whole against the stored organisation, then
 * merged into it. Nothing is written when anything is wrong; importing the same document again changes nothing.
 * Imports are serialised across instances by locking the revision row.
 */
@Service
public class DirectoryImport {

    private final DirectoryMapper mapper;
    private final DirectoryStore store;
    private final DirectoryCache cache;
    private final AuditTrail audit;
    private final Clock clock;
    private final MessageSource messages;

    DirectoryImport(DirectoryMapper mapper, DirectoryStore store, DirectoryCache cache, AuditTrail audit,
                    Clock clock, MessageSource messages) {
        this.mapper = mapper;
        this.store = store;
        this.cache = cache;
        this.audit = audit;
        this.clock = clock;
        this.messages = messages;
    }

    /**
     * Binds one more chat to a work group (a group chat the bot just created), keeping the group's other chats.
     *
     * @throws IllegalArgumentException when the chat is bound already
     */
    @Transactional
    public void bindChat(long groupId, Channel channel, String chatId, String name, String actor) {
        mapper.lockRevision();
        DirectorySnapshot stored = store.load(mapper.currentRevision());
        if (stored.chat(channel, chatId).isPresent()) {
            throw new IllegalArgumentException("chat " + channel + "/" + chatId + " is bound already");
        }
        mapper.insert(new Chat(null, channel, chatId, groupId, name, null));
        mapper.bumpRevision(clock.instant());
        audit.record(actor, AuditTrail.DIRECTORY_IMPORT, stored.groupName(groupId),
                "绑定群聊 " + channel + "/" + chatId);
        cache.invalidate();
    }

    /** A JSON document: problems are named by their path in it. */
    @Transactional
    public ImportResult apply(DirectoryDocument document, String actor, String source) {
        return apply(document, Map.of(), actor, source);
    }

    /**
     * @param rows where each entry of the document came from, for problems to name the row (an Excel source)
     */
    @Transactional
    public ImportResult apply(DirectoryDocument document, Map<String, String> rows, String actor, String source) {
        long revision = mapper.lockRevision();
        DirectorySnapshot stored = store.load(revision);
        ValidDirectory valid = new DirectoryValidator(stored, rows, messages).validate(document);
        DirectoryMerge merge = new DirectoryMerge(mapper, stored);
        merge.apply(valid);
        if (merge.changes() == 0) {
            return new ImportResult(0, 0, 0, revision);
        }
        mapper.bumpRevision(clock.instant());
        ImportResult result = new ImportResult(merge.created(), merge.updated(), merge.removed(), revision + 1);
        audit.record(actor, AuditTrail.DIRECTORY_IMPORT, source, result.summary());
        cache.invalidate();
        return result;
    }
}
