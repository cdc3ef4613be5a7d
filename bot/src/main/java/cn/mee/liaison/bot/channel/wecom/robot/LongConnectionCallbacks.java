package cn.mee.liaison.bot.channel.wecom.robot;

import cn.mee.liaison.bot.channel.wecom.api.WeComFailure;
import cn.mee.liaison.bot.channel.wecom.callback.PassiveReply;
import cn.mee.liaison.bot.inbound.InboundMessage;
import cn.mee.liaison.bot.inbound.PipelineOutcome;
import cn.mee.liaison.bot.outbox.OneAnswer;
import cn.mee.liaison.bot.pipeline.InboundPipeline;
import cn.mee.liaison.bot.pipeline.ReplyDoor;
import cn.mee.liaison.storage.outbox.OutboxMessage;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * What comes in on the long connection: kept on disk, filed, then answered with the callback's req_id. A frame that
 * cannot be filed (the database is down) stays on disk and is tried again with backoff, also after a restart.
 */
@Component
class LongConnectionCallbacks implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(LongConnectionCallbacks.class);
    private static final long FIRST_RETRY_MS = 2_000;
    private static final long MAX_RETRY_MS = 60_000;
    /** How long a message's replies wait for this door before the outbox workers may send them instead. */
    private static final Duration REPLY_HOLD = Duration.ofSeconds(10);

    private final InboundPipeline pipeline;
    private final PassiveReply replies;
    private final FrameSpool spool;
    private final ObjectMapper json;
    private final Clock clock;
    private final ThreadPoolExecutor workers;
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "robot-frame-retry");
        thread.setDaemon(true);
        return thread;
    });

    LongConnectionCallbacks(InboundPipeline pipeline, PassiveReply replies, FrameSpool spool, ObjectMapper json,
                            Clock clock) {
        this.pipeline = pipeline;
        this.replies = replies;
        this.spool = spool;
        this.json = json;
        this.clock = clock;
        AtomicInteger count = new AtomicInteger();
        this.workers = new ThreadPoolExecutor(4, 16, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(5000), r -> {
            Thread thread = new Thread(r, "robot-callback-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }, new ThreadPoolExecutor.CallerRunsPolicy());
    }

    void handle(JsonNode frame, RobotLongConnection connection) {
        String reqId = frame.path("headers").path("req_id").asText("");
        Path kept = spool.keep(reqId.isBlank() ? RobotFrames.newRequestId("frame") : reqId, frame.toString());
        workers.execute(() -> process(frame, kept, connection, FIRST_RETRY_MS));
    }

    /** Frames left on disk by an earlier run (the database was down, or the bot stopped): file them now. */
    void replaySpooled(RobotLongConnection connection) {
        for (Path kept : spool.waiting()) {
            try {
                JsonNode frame = json.readTree(spool.read(kept));
                workers.execute(() -> process(frame, kept, connection, FIRST_RETRY_MS));
            } catch (Exception e) {
                log.warn("a spooled long-connection frame could not be read and is left on disk: {}", kept);
            }
        }
    }

    private void process(JsonNode frame, Path kept, RobotLongConnection connection, long retryMs) {
        Optional<InboundMessage> message = RobotMessages.read(frame.path("body"), frame.toString(), true);
        if (message.isEmpty()) {
            spool.drop(kept);
            return;
        }
        Instant hold = clock.instant().plus(REPLY_HOLD);
        AtomicBoolean filed = new AtomicBoolean();
        PipelineOutcome outcome;
        try {
            outcome = pipeline.handle(message.get(), () -> { }, ReplyDoor.holdingUntil(hold), filing -> {
                filed.set(true);
                spool.drop(kept);
            });
        } catch (RuntimeException e) {
            if (filed.get()) {
                throw e; // filed, not answered: answered when the database is back (UnansweredMessages)
            }
            log.warn("a long-connection message could not be filed ({}); trying again in {} ms", e.toString(),
                    retryMs);
            retries.schedule(() -> workers.execute(() -> process(frame, kept, connection,
                    Math.min(retryMs * 2, MAX_RETRY_MS))), retryMs, TimeUnit.MILLISECONDS);
            return;
        }
        if (!outcome.duplicate()) {
            answer(frame.path("headers").path("req_id").asText(""), message.get(), outcome, connection, hold);
        }
    }

    private void answer(String reqId, InboundMessage m, PipelineOutcome outcome, RobotLongConnection connection,
                        Instant hold) {
        List<OutboxMessage> rows = replies.take(outcome.replyIds(), m, hold);
        if (rows.isEmpty()) {
            return;
        }
        try {
            connection.respond(reqId, connection.finishedStream(OneAnswer.joined(rows)));
            replies.sent(rows);
        } catch (WeComFailure failure) {
            replies.giveBack(rows, failure.describe());
        }
    }

    @Override
    public void destroy() {
        retries.shutdownNow();
        workers.shutdown();
    }
}
