package cn.mee.liaison.bot.channel.wechaty;

import cn.mee.liaison.bot.channel.wechaty.grpc.MessagePayloadResponse;
import cn.mee.liaison.bot.files.FileStore;
import cn.mee.liaison.bot.inbound.InboundMessage;
import cn.mee.liaison.bot.inbound.InboundSpool;
import cn.mee.liaison.bot.pipeline.InboundPipeline;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * What arrives on the Wechaty event stream, into the pipeline: the message is fetched from the puppet service, the
 * bot's own messages are dropped (no reply loops), the rest is kept on disk, filed (the WeChat message id is the
 * external id, so a replayed event files nothing new) and answered through the outbox. The event stream does not
 * deliver a message again: fetching and filing are retried with backoff until they succeed, and what waits on disk
 * is filed after a restart — except a message the service does not know (NOT_FOUND) or one that arrives while the
 * account is not logged in, so that the bot cannot tell whether it said it itself: tried {@value #MAX_UNSURE_ATTEMPTS}
 * times, then dropped with a warning and counted in {@code liaison.wechaty.messages.dropped}.
 */
@Component
class WechatyMessages implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(WechatyMessages.class);
    private static final long FIRST_RETRY_MS = 1_000;
    private static final long MAX_RETRY_MS = 60_000;
    static final int MAX_UNSURE_ATTEMPTS = 4;

    private final InboundPipeline pipeline;
    private final InboundSpool spool;
    private final ObjectMapper json;
    private final MeterRegistry meters;
    private final ThreadPoolExecutor workers;
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "wechaty-retry");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean closing;

    WechatyMessages(InboundPipeline pipeline, FileStore files, ObjectMapper json, MeterRegistry meters) {
        this.pipeline = pipeline;
        this.spool = new InboundSpool(files.resolve("spool/wechaty"));
        this.json = json;
        this.meters = meters;
        AtomicInteger count = new AtomicInteger();
        this.workers = new ThreadPoolExecutor(2, 8, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(5000), r -> {
            Thread thread = new Thread(r, "wechaty-message-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }, new ThreadPoolExecutor.CallerRunsPolicy());
    }

    /** A message event: fetch, keep, file and answer it, off the event stream's thread. */
    void arrived(String messageId, WechatyConnection connection) {
        workers.execute(() -> fetch(messageId, connection, FIRST_RETRY_MS, 1));
    }

    /** Messages left on disk by an earlier run (the database was down, or the bot stopped): file them now. */
    void replaySpooled() {
        for (Path kept : spool.waiting()) {
            workers.execute(() -> {
                try {
                    WechatyMessage message = json.readValue(spool.read(kept), WechatyMessage.class);
                    file(message, kept, FIRST_RETRY_MS);
                } catch (Exception e) {
                    log.warn("a spooled WeChat message could not be read and is left on disk: {}", kept);
                }
            });
        }
    }

    private void fetch(String messageId, WechatyConnection connection, long retryMs, int attempt) {
        if (closing) {
            return;
        }
        // the client and the account's id from one read: a logout between two reads must not make the bot's own
        // message look like someone else's
        Optional<WechatyConnection.Session> session = connection.session();
        if (session.isEmpty()) {
            retryOrDrop(messageId, connection, retryMs, attempt, "not-logged-in", "the account is not logged in, "
                    + "so the bot cannot tell whether it said it itself");
            return;
        }
        PuppetClient c = session.get().client();
        String self = session.get().selfId();
        MessagePayloadResponse payload;
        String talkerName;
        try {
            payload = c.message(messageId);
            if (self.equals(payload.getTalkerId())) {
                meters.counter("liaison.wechaty.own.messages").increment();
                log.debug("WeChat message {} is the bot's own: not filed, not answered", messageId);
                return;
            }
            talkerName = payload.getTalkerId().isBlank() ? null : c.nameOf(payload.getTalkerId());
        } catch (StatusRuntimeException e) {
            if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
                retryOrDrop(messageId, connection, retryMs, attempt, "not-found", "the puppet service does not know "
                        + "it (" + e.getStatus().getDescription() + ")");
                return;
            }
            retry(messageId, connection, retryMs, attempt, e.toString());
            return;
        } catch (RuntimeException e) {
            retry(messageId, connection, retryMs, attempt, e.toString());
            return;
        }
        WechatyMessage message = WechatyMessage.of(payload, talkerName, self);
        Path kept;
        try {
            kept = spool.keep("wechaty-" + messageId, json.writeValueAsString(message));
        } catch (Exception e) {
            throw new IllegalStateException("cannot keep WeChat message " + messageId + " on disk", e);
        }
        file(message, kept, FIRST_RETRY_MS);
    }

    private void retry(String messageId, WechatyConnection connection, long retryMs, int attempt, String why) {
        log.warn("WeChat message {} cannot be fetched ({}); trying again in {} ms", messageId, why, retryMs);
        retries.schedule(() -> workers.execute(() -> fetch(messageId, connection, Math.min(retryMs * 2, MAX_RETRY_MS),
                attempt + 1)), retryMs, TimeUnit.MILLISECONDS);
    }

    private void retryOrDrop(String messageId, WechatyConnection connection, long retryMs, int attempt, String reason,
                             String why) {
        if (attempt < MAX_UNSURE_ATTEMPTS) {
            retry(messageId, connection, retryMs, attempt, why);
            return;
        }
        meters.counter("liaison.wechaty.messages.dropped", "reason", reason).increment();
        log.warn("WeChat message {} is dropped after {} attempts, neither filed nor answered: {}", messageId, attempt,
                why);
    }

    private void file(WechatyMessage message, Path kept, long retryMs) {
        if (closing) {
            return;
        }
        InboundMessage inbound = message.inbound(json);
        try {
            pipeline.handle(inbound);
        } catch (RuntimeException e) {
            log.warn("WeChat message {} could not be filed ({}); trying again in {} ms", message.id(), e.toString(),
                    retryMs);
            retries.schedule(() -> workers.execute(() -> file(message, kept, Math.min(retryMs * 2, MAX_RETRY_MS))),
                    retryMs, TimeUnit.MILLISECONDS);
            return;
        }
        spool.drop(kept);
    }

    @Override
    public void destroy() {
        closing = true;
        retries.shutdownNow();
        workers.shutdown();
    }
}
