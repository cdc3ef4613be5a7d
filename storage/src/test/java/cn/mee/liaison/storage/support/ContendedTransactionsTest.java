package cn.mee.liaison.storage.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DeadlockLoserDataAccessException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.SimpleTransactionStatus;

/** A deadlock victim runs again; other failures, and a victim too many times, are passed on. */
class ContendedTransactionsTest {

    private final AtomicInteger commits = new AtomicInteger();
    private final AtomicInteger rollbacks = new AtomicInteger();
    private final ContendedTransactions claims = new ContendedTransactions(new PlatformTransactionManager() {
        @Override
        public TransactionStatus getTransaction(TransactionDefinition definition) {
            return new SimpleTransactionStatus();
        }

        @Override
        public void commit(TransactionStatus status) {
            commits.incrementAndGet();
        }

        @Override
        public void rollback(TransactionStatus status) {
            rollbacks.incrementAndGet();
        }
    });

    @Test
    void aDeadlockVictimRunsAgain() {
        AtomicInteger runs = new AtomicInteger();
        String result = claims.execute(status -> {
            if (runs.incrementAndGet() < 3) {
                throw new DeadlockLoserDataAccessException("Deadlock found when trying to get lock", null);
            }
            return "claimed";
        });
        assertThat(result).isEqualTo("claimed");
        assertThat(runs).hasValue(3);
        assertThat(rollbacks).hasValue(2);
        assertThat(commits).hasValue(1);
    }

    @Test
    void givesUpAfterAFewAttemptsAndPassesOtherFailuresOnAtOnce() {
        AtomicInteger runs = new AtomicInteger();
        assertThatThrownBy(() -> claims.execute(status -> {
            runs.incrementAndGet();
            throw new DeadlockLoserDataAccessException("again", null);
        })).isInstanceOf(DeadlockLoserDataAccessException.class);
        assertThat(runs).hasValue(ContendedTransactions.ATTEMPTS);

        AtomicInteger once = new AtomicInteger();
        assertThatThrownBy(() -> claims.execute(status -> {
            once.incrementAndGet();
            throw new DataIntegrityViolationException("not contention");
        })).isInstanceOf(DataIntegrityViolationException.class);
        assertThat(once).hasValue(1);
    }
}
