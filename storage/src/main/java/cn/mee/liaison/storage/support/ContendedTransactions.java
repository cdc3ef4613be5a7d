package cn.mee.liaison.storage.support;

import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Transactions that several instances run at the same moment to claim the same thing (a dispatch stage, a
 * reminder): InnoDB may choose one of them as a deadlock victim (two inserts of one unique key both wait on the
 * first, then both want the row). The victim has done nothing, so it runs again — a few times, after a short random
 * pause — and then sees the claim the winner made.
 */
@Component
public class ContendedTransactions {

    static final int ATTEMPTS = 4;
    private static final Logger log = LoggerFactory.getLogger(ContendedTransactions.class);

    private final TransactionTemplate transactions;

    public ContendedTransactions(PlatformTransactionManager transactions) {
        this.transactions = new TransactionTemplate(transactions);
    }

    public <T> T execute(TransactionCallback<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transactions.execute(work);
            } catch (PessimisticLockingFailureException contended) {
                if (attempt >= ATTEMPTS) {
                    throw contended;
                }
                log.debug("a contended transaction lost to another instance (attempt {}); running it again",
                        attempt);
                pause(attempt);
            }
        }
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(5, 20L * attempt + 5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying a contended transaction", e);
        }
    }
}
