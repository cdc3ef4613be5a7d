package cn.mee.liaison.bot.attachments;

import cn.mee.liaison.bot.channel.wecom.WeComProperties;
import cn.mee.liaison.bot.channel.wecom.api.AppApi;
import cn.mee.liaison.bot.channel.wecom.api.Download;
import cn.mee.liaison.bot.channel.wecom.api.WeComFailure;
import cn.mee.liaison.bot.channel.wecom.api.WeComHttp;
import cn.mee.liaison.bot.channel.wecom.crypto.FileCipher;
import cn.mee.liaison.bot.channel.wecom.crypto.WeComCryptoException;
import cn.mee.liaison.bot.channel.wecom.robot.IncomingFileKeys;
import cn.mee.liaison.bot.files.FileStore;
import cn.mee.liaison.storage.attachment.Attachment;
import cn.mee.liaison.storage.attachment.AttachmentMapper;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fetches the pictures, files and voices that came with filed messages and keeps them under the data directory,
 * linked to their record. Claimed like outbox rows (several instances share the work); transient failures are
 * retried with backoff, up to {@value #MAX_ATTEMPTS} attempts.
 */
@Component
class AttachmentFetcher {

    private static final Logger log = LoggerFactory.getLogger(AttachmentFetcher.class);
    static final int MAX_ATTEMPTS = 8;
    private static final Duration LEASE = Duration.ofMinutes(2);

    private final AttachmentMapper attachments;
    private final TransactionTemplate transactions;
    private final WeComHttp http;
    private final AppApi app;
    private final FileStore files;
    private final WeComProperties.Robot robot;
    private final Clock clock;
    private final String worker = ManagementFactory.getRuntimeMXBean().getName() + "/"
            + UUID.randomUUID().toString().substring(0, 8);

    AttachmentFetcher(AttachmentMapper attachments, TransactionTemplate transactions, WeComHttp http, AppApi app,
                      FileStore files, WeComProperties properties, Clock clock) {
        this.attachments = attachments;
        this.transactions = transactions;
        this.http = http;
        this.app = app;
        this.files = files;
        this.robot = properties.robot();
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${liaison.attachments.poll-interval:2s}", initialDelayString = "5s")
    void fetchDue() {
        try {
            claim().forEach(this::fetch);
        } catch (RuntimeException e) {
            log.warn("fetching attachments failed, will try again: {}", e.toString());
        }
    }

    private List<Attachment> claim() {
        Instant now = clock.instant();
        return transactions.execute(status -> {
            List<Long> ids = attachments.lockDue(now, 10);
            if (ids.isEmpty()) {
                return List.<Attachment>of();
            }
            attachments.claim(ids, worker, now.plus(LEASE));
            return attachments.findByIds(ids);
        });
    }

    private void fetch(Attachment attachment) {
        try {
            Download download = download(attachment);
            byte[] content = decrypted(attachment, download.bytes());
            String name = firstNonBlank(download.fileName(), attachment.fileName(), defaultName(attachment));
            FileStore.StoredFile stored = files.store("attachments", LocalDate.now(clock), name, content);
            attachments.markStored(attachment.id(), worker, stored.name(), download.contentType(), stored.size(),
                    stored.sha256(), stored.path(), clock.instant());
        } catch (WeComFailure failure) {
            if (failure.kind() == WeComFailure.Kind.PERMANENT || attachment.attempts() >= MAX_ATTEMPTS) {
                attachments.markFailed(attachment.id(), worker, clip(failure.describe()));
            } else {
                attachments.markRetry(attachment.id(), worker, clock.instant().plusSeconds(
                        Math.min(600, 5L << Math.min(attachment.attempts(), 7))), clip(failure.describe()));
            }
        } catch (WeComCryptoException | IllegalArgumentException e) {
            attachments.markFailed(attachment.id(), worker, clip("无法解密或保存：" + e.getMessage()));
        }
    }

    private Download download(Attachment attachment) {
        String source = attachment.source();
        if (source.startsWith("media:")) {
            return app.media(source.substring("media:".length()));
        }
        return http.download(URI.create(source));
    }

    private byte[] decrypted(Attachment attachment, byte[] bytes) {
        String key = attachment.decryptKey();
        if (key == null || key.isBlank()) {
            return bytes;
        }
        if (IncomingFileKeys.ROBOT.equals(key)) {
            if (!robot.callbackConfigured()) {
                throw new IllegalArgumentException("robot EncodingAESKey is not configured");
            }
            return FileCipher.decrypt(bytes, robot.encodingAesKey());
        }
        return FileCipher.decrypt(bytes, key);
    }

    private static String defaultName(Attachment attachment) {
        return switch (attachment.kind()) {
            case "IMAGE" -> "图片-" + attachment.messageId() + ".jpg";
            case "VOICE" -> "语音-" + attachment.messageId() + ".amr";
            default -> "文件-" + attachment.messageId();
        };
    }

    private static String firstNonBlank(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }

    private static String clip(String text) {
        return text == null || text.length() <= 1000 ? text : text.substring(0, 1000);
    }
}
