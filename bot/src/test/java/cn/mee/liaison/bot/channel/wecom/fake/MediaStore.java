package cn.mee.liaison.bot.channel.wecom.fake;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * Media files: set up by the test (visible to every app and webhook, never expiring), uploaded through the app or a
 * webhook key (visible to that corp or key only, valid three days like WeCom's temporary media), and the intelligent
 * robot's encrypted downloads.
 */
final class MediaStore {

    static final Duration TEMPORARY_MEDIA_LIFETIME = Duration.ofDays(3);

    /** @param scope "corp:ID", "webhook:KEY", or null for media any caller may use */
    record Media(String id, byte[] bytes, String filename, String type, String scope, Instant expiresAt) {
    }

    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Media> media = new HashMap<>();
    private final Map<String, byte[]> robotFiles = new HashMap<>();

    MediaStore(Clock clock) {
        this.clock = clock;
    }

    synchronized void register(String mediaId, byte[] bytes, String filename) {
        media.put(mediaId, new Media(mediaId, bytes.clone(), filename, "file", null, null));
    }

    synchronized Media upload(byte[] bytes, String filename, String type, String scope) {
        String id = "3" + randomId(30);
        Media stored = new Media(id, bytes.clone(), filename, type, scope,
                clock.instant().plus(TEMPORARY_MEDIA_LIFETIME));
        media.put(id, stored);
        return stored;
    }

    /** The media if it exists, is visible in this scope and has not expired. */
    synchronized Optional<Media> find(String mediaId, String scope) {
        Media found = media.get(mediaId);
        if (found == null || (found.scope() != null && !found.scope().equals(scope))) {
            return Optional.empty();
        }
        if (found.expiresAt() != null && !clock.instant().isBefore(found.expiresAt())) {
            return Optional.empty();
        }
        return Optional.of(found);
    }

    synchronized String robotFile(byte[] encrypted) {
        String id = randomId(16);
        robotFiles.put(id, encrypted.clone());
        return id;
    }

    synchronized Optional<byte[]> robotFile(String id) {
        return Optional.ofNullable(robotFiles.get(id)).map(byte[]::clone);
    }

    String randomId(int bytes) {
        byte[] value = new byte[bytes];
        random.nextBytes(value);
        return HexFormat.of().formatHex(value);
    }
}
