package cn.mee.liaison.bot.directory;

import cn.mee.liaison.storage.directory.DirectoryMapper;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads the whole organisation from the database as one snapshot. The revision and every table are read in one
 * repeatable-read transaction, so a snapshot never mixes two revisions (a chat whose work group an import committed
 * between two of the reads).
 */
@Component
class DirectoryStore {

    private final DirectoryMapper mapper;
    private final TransactionTemplate consistentRead;

    DirectoryStore(DirectoryMapper mapper, PlatformTransactionManager transactions) {
        this.mapper = mapper;
        this.consistentRead = new TransactionTemplate(transactions);
        consistentRead.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        consistentRead.setReadOnly(true);
    }

    /** The directory as of now, unless its revision is still {@code knownRevision}. */
    Optional<DirectorySnapshot> loadIfChanged(long knownRevision) {
        return consistentRead.execute(status -> {
            long revision = mapper.currentRevision();
            if (revision == knownRevision) {
                return Optional.<DirectorySnapshot>empty();
            }
            return Optional.of(load(revision));
        });
    }

    /** The directory within the caller's transaction, which holds the revision row's lock. */
    DirectorySnapshot load(long revision) {
        return new DirectorySnapshot(revision, mapper.findUnits(), mapper.findCities(), mapper.findCityCoUnits(),
                mapper.findRounds(), mapper.findWorkGroups(), mapper.findMembers(), mapper.findChats(),
                mapper.findBureauStaff());
    }
}
