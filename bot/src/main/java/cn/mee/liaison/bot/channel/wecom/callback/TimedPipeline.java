package cn.mee.liaison.bot.channel.wecom.callback;

import cn.mee.liaison.bot.inbound.InboundMessage;
import cn.mee.liaison.bot.inbound.PipelineOutcome;
import cn.mee.liaison.bot.pipeline.Filing;
import cn.mee.liaison.bot.pipeline.InboundPipeline;
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
import org.springframework.beans.factory.DisposableBean;
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

    private final InboundPipeline pipeline;
    private final ThreadPoolExecutor executor;

    TimedPipeline(InboundPipeline pipeline) {
        this.pipeline = pipeline;
        AtomicInteger count = new AtomicInteger();
        // 8 threads file and answer at once (with a queue, the pool never grows past its core size); more did not
        // file faster on a 2-core machine but made callbacks wait for the database's connections (docs/performance.md)
        this.executor = new ThreadPoolExecutor(8, 32, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(2000), r -> {
            Thread thread = new Thread(r, "callback-pipeline-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** A message on its way: filed first, answered after. */
    public final class Run {
        private final CompletableFuture<Filing> filed = new CompletableFuture<>();
        private final CompletableFuture<PipelineOutcome> answered = new CompletableFuture<>();
        /** System.nanoTime() of the deadline: a real-time budget, not the campaign's clock. */
        private final long deadline;

        private Run(long deadline) {
            this.deadline = deadline;
        }

        /**
         * @throws CallbackRejected 503 when filing failed (the database is down) or did not finish by the deadline
         */
        public Filing filed() {
            return await(filed).orElseThrow(() -> new CallbackRejected(HttpStatus.SERVICE_UNAVAILABLE,
                    "the message was not filed in time; the platform will deliver it again"));
        }

        /** The answer if it is ready by the deadline; it goes out through the outbox either way. */
        public Optional<PipelineOutcome> answered() {
            try {
                return await(answered);
            } catch (CallbackRejected failed) {
                return Optional.empty();
            }
        }

        private <T> Optional<T> await(CompletableFuture<T> step) {
            long left = Math.max(0, deadline - System.nanoTime());
            try {
                return Optional.of(step.get(left, TimeUnit.NANOSECONDS));
            } catch (TimeoutException late) {
                return Optional.empty();
            } catch (ExecutionException failed) {
                throw new CallbackRejected(HttpStatus.SERVICE_UNAVAILABLE,
                        "filing failed: " + failed.getCause().getClass().getSimpleName());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CallbackRejected(HttpStatus.SERVICE_UNAVAILABLE, "interrupted");
            }
        }
    }

    /**
     * @throws CallbackRejected 503 when too much work is queued already
     */
    public Run start(InboundMessage message, Duration budget) {
        return start(message, budget, () -> { });
    }

    /**
     * @param alsoWhenFiled done in the transaction that files the message (whether new or a duplicate), such as
     *                      recording the callback's nonce
     * @throws CallbackRejected 503 when too much work is queued already
     */
    public Run start(InboundMessage message, Duration budget, Runnable alsoWhenFiled) {
        return start(message, budget, alsoWhenFiled, null);
    }

    /**
     * @param holdRepliesUntil the replies kept from the outbox workers until then, for the callback to give them in
     *                         its answer ({@link InboundPipeline#answer(Filing, Instant)})
     * @throws CallbackRejected 503 when too much work is queued already
     */
    public Run start(InboundMessage message, Duration budget, Runnable alsoWhenFiled,
                     Instant holdRepliesUntil) {
        Run run = new Run(System.nanoTime() + budget.toNanos());
        try {
            executor.execute(() -> {
                Filing filing;
                try {
                    filing = pipeline.file(message, alsoWhenFiled);
                    run.filed.complete(filing);
                } catch (RuntimeException e) {
                    run.filed.completeExceptionally(e);
                    return;
                }
                try {
                    run.answered.complete(pipeline.answer(filing, holdRepliesUntil));
                } catch (RuntimeException e) {
                    run.answered.completeExceptionally(e);
                }
            });
        } catch (RejectedExecutionException busy) {
            throw new CallbackRejected(HttpStatus.SERVICE_UNAVAILABLE, "too many callbacks queued");
        }
        return run;
    }

    @Override
    public void destroy() {
        executor.shutdown();
    }
}
