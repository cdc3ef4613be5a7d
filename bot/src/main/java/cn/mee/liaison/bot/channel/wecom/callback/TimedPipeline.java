package cn.mee.liaison.bot.channel.wecom.callback;

import cn.mee.liaison.bot.inbound.InboundMessage;
import cn.mee.liaison.bot.inbound.PipelineOutcome;
import cn.mee.liaison.bot.pipeline.Filing;
import cn.mee.liaison.bot.pipeline.InboundPipeline;
import cn.mee.liaison.bot.pipeline.ReplyDoor;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Runs the pipeline for a callback against a deadline, so that the platform's 5-second limit is never at risk
 * whatever the database or a command does. The work goes on past the deadline; the callback is answered with what
 * is known by then: filed (200), or not yet (an error, so that the platform delivers again and the repeated delivery
 * finds the message filed).
 */
@Component
public class TimedPipeline implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(TimedPipeline.class);

    /**
     * How long a door that took its replies as given waits past its budget for the answer's commit. The budget (3 s by
     * default) and this stay well inside WeCom's 5 s.
     */
    static final Duration GIVING_GRACE = Duration.ofSeconds(1);

    private final InboundPipeline pipeline;
    private final Duration givingGrace;
    private final ThreadPoolExecutor executor;

    @Autowired
    TimedPipeline(InboundPipeline pipeline) {
        this(pipeline, GIVING_GRACE);
    }

    TimedPipeline(InboundPipeline pipeline, Duration givingGrace) {
        this.pipeline = pipeline;
        this.givingGrace = givingGrace;
        AtomicInteger count = new AtomicInteger();
        // 8 threads file and answer at once (with a queue, the pool never grows past its core size); more did not
        // file faster on a 2-core machine but made callbacks wait for the database's connections (docs/performance.md)
        this.executor = new ThreadPoolExecutor(8, 32, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(2000), r -> {
            Thread thread = new Thread(r, "callback-pipeline-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * A message on its way: filed, then answered (at once, or one after the other). A run started for a door that
     * gives the replies in its own answer is that door ({@link ReplyDoor}): while the door still waits, the answer's
     * transaction takes the replies as given; once it has, the door waits for that commit a little past its deadline
     * ({@link #GIVING_GRACE} by default), since the rows are then written sent and only the door's answer carries them.
     */
    public final class Run implements ReplyDoor {
        private final CompletableFuture<Filing> filed = new CompletableFuture<>();
        private final CompletableFuture<PipelineOutcome> answered = new CompletableFuture<>();
        /** System.nanoTime() of the deadline: a real-time budget, not the campaign's clock. */
        private final long deadline;
        private final boolean givesReplies;
        private final AtomicReference<DoorState> door = new AtomicReference<>(DoorState.WAITING);

        private Run(long deadline, boolean givesReplies) {
            this.deadline = deadline;
            this.givesReplies = givesReplies;
        }

        /**
         * @throws CallbackRejected 503 when filing failed (the database is down) or did not finish by the deadline;
         *                          the door's own refusal (409 for a replayed nonce) as it was thrown
         */
        public Filing filed() {
            return await(filed).orElseThrow(() -> new CallbackRejected(HttpStatus.SERVICE_UNAVAILABLE,
                    "the message was not filed in time; the platform will deliver it again"));
        }

        /**
         * The answer if it is ready by the deadline (its {@link PipelineOutcome#given() given} rows are this door's to
         * give); otherwise it goes out through the outbox.
         */
        public Optional<PipelineOutcome> answered() {
            try {
                return await(answered);
            } catch (CallbackRejected failed) {
                return Optional.empty();
            }
        }

        @Override
        public boolean takesAsGiven() {
            return givesReplies && (door.compareAndSet(DoorState.WAITING, DoorState.GIVING)
                    || door.get() == DoorState.GIVING);
        }

        @Override
        public Instant holdUntil() {
            return null; // not taken: the door has stopped waiting, the workers send them at once
        }

        private <T> Optional<T> await(CompletableFuture<T> step) {
            long left = Math.max(0, deadline - System.nanoTime());
            try {
                try {
                    return Optional.of(step.get(left, TimeUnit.NANOSECONDS));
                } catch (TimeoutException late) {
                    if (door.compareAndSet(DoorState.WAITING, DoorState.GONE) || door.get() == DoorState.GONE) {
                        return Optional.empty();
                    }
                    // the answer is committing with this door's replies written sent: only its answer carries them
                    return Optional.of(step.get(givingGrace.toNanos(), TimeUnit.NANOSECONDS));
                }
            } catch (TimeoutException late) {
                log.warn("a callback's answer took more than {} past its budget to commit; its passive reply is lost",
                        givingGrace);
                return Optional.empty();
            } catch (ExecutionException failed) {
                if (failed.getCause() instanceof CallbackRejected refused) {
                    throw refused; // by the door itself, in the filing transaction (a replayed nonce)
                }
                throw new CallbackRejected(HttpStatus.SERVICE_UNAVAILABLE,
                        "filing failed: " + failed.getCause().getClass().getSimpleName());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CallbackRejected(HttpStatus.SERVICE_UNAVAILABLE, "interrupted");
            }
        }
    }

    /** Where a door that gives replies stands. */
    private enum DoorState {
        /** Waiting for the answer within its budget. */
        WAITING,
        /** The answer's transaction took its replies as given: the door waits for that commit. */
        GIVING,
        /** Its budget ran out first: it answered without them, and they go through the outbox. */
        GONE
    }

    /**
     * @throws CallbackRejected 503 when too much work is queued already
     */
    public Run start(InboundMessage message, Duration budget) {
        return start(message, budget, () -> { }, false);
    }

    /**
     * @param alsoWhenFiled done in the transaction that files the message (whether new or a duplicate), such as
     *                      recording the callback's nonce
     * @param givesReplies  whether the caller gives the answer's text replies in its own answer to the platform: the
     *                      run is then their {@link ReplyDoor}
     * @throws CallbackRejected 503 when too much work is queued already
     */
    public Run start(InboundMessage message, Duration budget, Runnable alsoWhenFiled, boolean givesReplies) {
        Run run = new Run(System.nanoTime() + budget.toNanos(), givesReplies);
        try {
            executor.execute(() -> {
                try {
                    run.answered.complete(pipeline.handle(message, alsoWhenFiled, givesReplies ? run : null,
                            run.filed::complete));
                } catch (RuntimeException e) {
                    // not filed: the callback is refused; filed, then not answered: the answer is missing
                    run.filed.completeExceptionally(e);
                    run.answered.completeExceptionally(e);
                }
            });
        } catch (RejectedExecutionException busy) {
            throw new CallbackRejected(HttpStatus.SERVICE_UNAVAILABLE, "too many callbacks queued");
        }
        return run;
    }

    /**
     * A step of a callback that files nothing (recording the nonce of an event the bot does not file), run on the
     * pipeline's threads so that the callback waits for it no longer than the budget either.
     *
     * @throws CallbackRejected 503 when it did not finish by the deadline or failed (the platform delivers again);
     *                          the step's own refusal (409 for a replayed nonce) as it was thrown
     */
    public void within(Duration budget, Runnable step) {
        CompletableFuture<Void> done;
        try {
            done = CompletableFuture.runAsync(step, executor);
        } catch (RejectedExecutionException busy) {
            throw new CallbackRejected(HttpStatus.SERVICE_UNAVAILABLE, "too many callbacks queued");
        }
        try {
            done.get(budget.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException late) {
            throw new CallbackRejected(HttpStatus.SERVICE_UNAVAILABLE,
                    "the callback was not recorded in time; the platform will deliver it again");
        } catch (ExecutionException failed) {
            if (failed.getCause() instanceof CallbackRejected refused) {
                throw refused;
            }
            throw new CallbackRejected(HttpStatus.SERVICE_UNAVAILABLE,
                    "recording the callback failed: " + failed.getCause().getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CallbackRejected(HttpStatus.SERVICE_UNAVAILABLE, "interrupted");
        }
    }

    @Override
    public void destroy() {
        executor.shutdown();
    }
}
