package cn.mee.liaison.bot.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.mee.liaison.bot.support.FilingQueue;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The messages waiting together are committed in one transaction, by whichever caller gets a free committer; one
 * message's fault rolls that transaction back and each of its messages is filed again alone (the faulty one failing
 * for its caller only); the database out of reach fails every caller at once; a batch size of 1 runs each message
 * alone. Ordering is by latches: the first messages hold the committers while the others queue behind them.
 */
class GroupCommitTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final ExecutorService callers = Executors.newCachedThreadPool();
    private final Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();
    private final Map<String, String> threads = new ConcurrentHashMap<>();
    private JdbcTemplate jdbc;
    private TransactionTemplate transactions;
    private GroupCommit commits;

    @BeforeEach
    void database() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:group-commit-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        jdbc = new JdbcTemplate(dataSource);
        jdbc.execute("create table filed (name varchar(20) primary key)");
        transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    @AfterEach
    void stop() {
        callers.shutdownNow();
    }

    /** Files {@code name}, counting its runs and noting the thread. */
    private Supplier<String> filing(String name) {
        return () -> {
            runs.computeIfAbsent(name, n -> new AtomicInteger()).incrementAndGet();
            threads.put(name, Thread.currentThread().getName());
            jdbc.update("insert into filed (name) values (?)", name);
            return "filed " + name;
        };
    }

    /** Files {@code name}, then fails with {@code fault}. */
    private Supplier<String> failing(String name, RuntimeException fault) {
        Supplier<String> filing = filing(name);
        return () -> {
            filing.get();
            throw fault;
        };
    }

    /** Files {@code name} once {@code release} opens, having told {@code entered}. */
    private Supplier<String> held(String name, CountDownLatch entered, CountDownLatch release) {
        Supplier<String> filing = filing(name);
        return () -> {
            entered.countDown();
            try {
                assertThat(release.await(20, TimeUnit.SECONDS)).isTrue();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return filing.get();
        };
    }

    private CompletableFuture<String> submit(Supplier<String> work) {
        return CompletableFuture.supplyAsync(() -> commits.run(work), callers);
    }

    /**
     * The first message holds the only committer; the others are submitted one after the other and queue behind it;
     * then it is released. Returns the futures of the others, in order.
     */
    private List<CompletableFuture<String>> queuedBehindOne(List<Supplier<String>> others) throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> first = submit(held("first", entered, release));
        assertThat(entered.await(20, TimeUnit.SECONDS)).isTrue();
        List<CompletableFuture<String>> queued = new ArrayList<>();
        for (Supplier<String> work : others) {
            queued.add(submit(work));
            FilingQueue.awaitWaiting(meters, queued.size()); // one after the other: the batch runs them in this order
        }
        release.countDown();
        assertThat(first.get(20, TimeUnit.SECONDS)).isEqualTo("filed first");
        return queued;
    }

    private List<String> filed() {
        return jdbc.queryForList("select name from filed order by name", String.class);
    }

    private DistributionSummary batchSizes() {
        return meters.get("liaison.filing.batch.size").summary();
    }

    @Test
    void theMessagesWaitingTogetherShareOneCommitOnTheWriter() throws Exception {
        commits = new GroupCommit(transactions, 32, 1, meters);
        List<CompletableFuture<String>> queued = queuedBehindOne(
                List.of(filing("a"), filing("b"), filing("c"), filing("d"), filing("e")));

        for (int i = 0; i < queued.size(); i++) {
            assertThat(queued.get(i).get(20, TimeUnit.SECONDS)).isEqualTo("filed " + "abcde".charAt(i));
        }
        assertThat(filed()).containsExactly("a", "b", "c", "d", "e", "first");
        assertThat(batchSizes().count()).as("transactions").isEqualTo(2);
        assertThat(batchSizes().max()).isEqualTo(5);
        // all five run by one caller: the one who got the committer next
        assertThat(Stream.of("a", "b", "c", "d", "e").map(threads::get).distinct()).hasSize(1);
        assertThat(runs.values()).allSatisfy(count -> assertThat(count.get()).isEqualTo(1));
    }

    @Test
    void aBatchIsNeverLargerThanItsSize() throws Exception {
        commits = new GroupCommit(transactions, 3, 1, meters);
        List<CompletableFuture<String>> queued = queuedBehindOne(
                List.of(filing("a"), filing("b"), filing("c"), filing("d"), filing("e")));

        CompletableFuture.allOf(queued.toArray(CompletableFuture[]::new)).get(20, TimeUnit.SECONDS);
        assertThat(filed()).hasSize(6);
        assertThat(batchSizes().count()).isEqualTo(3); // the first, then 3 and 2
        assertThat(batchSizes().max()).isEqualTo(3);
    }

    @Test
    void oneMessagesFaultRollsItBackAndTheOthersAreFiledAlone() throws Exception {
        commits = new GroupCommit(transactions, 32, 1, meters);
        IllegalStateException fault = new IllegalStateException("a command failed");
        List<CompletableFuture<String>> queued = queuedBehindOne(
                List.of(filing("a"), failing("b", fault), filing("c")));

        assertThat(queued.get(0).get(20, TimeUnit.SECONDS)).isEqualTo("filed a");
        assertThat(queued.get(2).get(20, TimeUnit.SECONDS)).isEqualTo("filed c");
        assertThatThrownBy(() -> queued.get(1).join()).hasCause(fault);
        assertThat(filed()).containsExactly("a", "c", "first");
        // a and b ran in the transaction rolled back, then each alone on its caller's thread; c never reached the batch
        // after b's fault
        assertThat(runs.get("a").get()).isEqualTo(2);
        assertThat(runs.get("b").get()).isEqualTo(2);
        assertThat(runs.get("c").get()).isEqualTo(1);
        assertThat(threads.get("a")).as("alone, on a's own thread").isNotEqualTo(threads.get("c"));
    }

    @Test
    void theDatabaseOutOfReachFailsEveryCallerAtOnce() throws Exception {
        commits = new GroupCommit(transactions, 32, 1, meters);
        DataAccessResourceFailureException down = new DataAccessResourceFailureException("connection refused");
        List<CompletableFuture<String>> queued = queuedBehindOne(List.of(filing("a"), failing("b", down)));

        assertThatThrownBy(() -> queued.get(0).join()).hasCause(down);
        assertThatThrownBy(() -> queued.get(1).join()).hasCause(down);
        assertThat(filed()).containsExactly("first");
        assertThat(runs.get("a").get()).as("not tried again at once").isEqualTo(1);
    }

    @Test
    void aMessageAloneGetsItsOwnFailureAsItIs() {
        commits = new GroupCommit(transactions, 32, 1, meters);
        IllegalArgumentException fault = new IllegalArgumentException("refused");

        assertThatThrownBy(() -> commits.run(failing("x", fault))).isSameAs(fault);
        assertThat(runs.get("x").get()).isEqualTo(1);
        assertThat(filed()).isEmpty();
    }

    @Test
    void aMessageAloneIsCommittedOnItsCallersThread() {
        commits = new GroupCommit(transactions, 32, 1, meters);

        assertThat(commits.run(filing("a"))).isEqualTo("filed a");
        assertThat(threads.get("a")).isEqualTo(Thread.currentThread().getName());
        assertThat(batchSizes().count()).isEqualTo(1);
    }

    @Test
    void aBatchSizeOfOneFilesEachMessageAlone() {
        commits = new GroupCommit(transactions, 1, 1, meters);

        assertThat(commits.run(filing("a"))).isEqualTo("filed a");
        assertThat(threads.get("a")).isEqualTo(Thread.currentThread().getName());
        assertThat(batchSizes().count()).as("no batches").isZero();
        assertThat(filed()).containsExactly("a");
        assertThatThrownBy(() -> new GroupCommit(transactions, 0, 1, meters))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new GroupCommit(transactions, 32, 0, meters))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void withTwoCommittersOneHeldUpDoesNotHoldUpTheOther() throws Exception {
        commits = new GroupCommit(transactions, 32, 2, meters);
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> slow = submit(held("slow", entered, release));
        assertThat(entered.await(20, TimeUnit.SECONDS)).isTrue();

        assertThat(submit(filing("a")).get(20, TimeUnit.SECONDS)).isEqualTo("filed a");
        assertThat(commits.run(filing("b"))).isEqualTo("filed b");
        assertThat(filed()).containsExactly("a", "b");
        release.countDown();
        assertThat(slow.get(20, TimeUnit.SECONDS)).isEqualTo("filed slow");
        assertThat(filed()).containsExactly("a", "b", "slow");
    }

    @Test
    void workAlreadyInATransactionJoinsIt() {
        commits = new GroupCommit(transactions, 32, 1, meters);

        assertThatThrownBy(() -> transactions.execute(status -> {
            commits.run(filing("inner"));
            throw new IllegalStateException("the outer transaction fails");
        })).hasMessage("the outer transaction fails");
        assertThat(filed()).as("rolled back with it").isEmpty();
        assertThat(batchSizes().count()).isZero();
    }
}
