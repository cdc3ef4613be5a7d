package cn.mee.liaison.storage.attachment;

import java.time.Instant;

/**
 * A picture, file or voice that came with a filed message.
 *
 * @param source     where to fetch it: a download URL, or {@code media:<id>} for the app's media API
 * @param decryptKey the key the content is encrypted with, when the platform encrypts it
 * @param storedPath where it is kept, relative to the data directory, once stored
 */
public record Attachment(Long id, long messageId, String kind, String source, String decryptKey, String fileName,
                         String contentType, Long sizeBytes, String sha256, String storedPath,
                         AttachmentStatus status, int attempts, Instant nextAttemptAt, String lastError,
                         Instant createdAt, Instant storedAt) {

    public static Attachment pending(long messageId, String kind, String source, String decryptKey, String fileName,
                                     Instant now) {
        return new Attachment(null, messageId, kind, source, decryptKey, fileName, null, null, null, null,
                AttachmentStatus.PENDING, 0, now, null, now, null);
    }
}
