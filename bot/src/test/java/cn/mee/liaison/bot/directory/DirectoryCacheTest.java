package cn.mee.liaison.bot.directory;

import static org.assertj.core.api.Assertions.assertThat;

import cn.mee.liaison.testsupport.MutableClock;
import java.time.LocalDateTime;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Who waits for a check of the directory's revision, and who goes on with the snapshot it has. */
class DirectoryCacheTest {

    private final MutableClock clock = MutableClock.at(LocalDateTime.of(2026, 11, 30, 9, 0));
    private final GatedStore store = new GatedStore();
    private final DirectoryCache cache = new DirectoryCache(store, clock, Duration.ofSeconds(1));

    /** A store whose loads can be held at a gate; each load is a new revision. */
    private static final class GatedStore extends DirectoryStore {
        final AtomicInteger loads = new AtomicInteger();
        volatile CountDownLatch entered = new CountDownLatch(0);
        volatile CountDownLatch gate = new CountDownLatch(0);

        GatedStore() {
            super(null, null);
        }

        @Override
        Optional<DirectorySnapshot> loadIfChanged(long knownRevision) {
            entered.countDown();
            try {
                gate.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Optional.of(snapshot(loads.incrementAndGet()));
        }

        void hold() {
            entered = new CountDownLatch(1);
            gate = new CountDownLatch(1);
        }
    }

    private static DirectorySnapshot snapshot(long revision) {
        return new DirectorySnapshot(revision, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of());
    }

    @Test
    void checksAtMostOncePerInterval() {
        assertThat(cache.snapshot().revision()).isEqualTo(1);
        clock.advance(Duration.ofMillis(900));
        assertThat(cache.snapshot().revision()).isEqualTo(1);
        assertThat(store.loads).hasValue(1);
        clock.advance(Duration.ofMillis(200));
        assertThat(cache.snapshot().revision()).isEqualTo(2);
    }

    @Test
    void othersGoOnWithTheSnapshotTheyHaveWhileOneChecks() throws Exception {
        cache.snapshot();
        clock.advance(Duration.ofSeconds(2));
        store.hold();
        CompletableFuture<DirectorySnapshot> checker = CompletableFuture.supplyAsync(cache::snapshot);
        assertThat(store.entered.await(10, TimeUnit.SECONDS)).isTrue();

        assertThat(cache.snapshot().revision()).as("not queued behind the check").isEqualTo(1);

        store.gate.countDown();
        assertThat(checker.get(10, TimeUnit.SECONDS).revision()).isEqualTo(2);
        assertThat(cache.snapshot().revision()).isEqualTo(2);
    }

    @Test
    void afterAChangeOfItsOwnEveryCallerWaitsForTheNewSnapshot() throws Exception {
        cache.snapshot();
        clock.advance(Duration.ofSeconds(2));
        store.hold();
        CompletableFuture<DirectorySnapshot> checker = CompletableFuture.supplyAsync(cache::snapshot);
        assertThat(store.entered.await(10, TimeUnit.SECONDS)).isTrue();

        cache.invalidate(); // this instance changed the directory while a check that began before was running
        CompletableFuture<DirectorySnapshot> after = CompletableFuture.supplyAsync(cache::snapshot);
        assertThat(after).as("waits for the check in progress").isNotDone();

        store.gate.countDown();
        assertThat(checker.get(10, TimeUnit.SECONDS).revision()).isEqualTo(2);
        assertThat(after.get(10, TimeUnit.SECONDS).revision())
                .as("and then checks again: the check in progress began before the change").isEqualTo(3);
    }
}
