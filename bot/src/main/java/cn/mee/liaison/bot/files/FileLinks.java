package cn.mee.liaison.bot.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Download links group members can open without logging in, for the doors that cannot send a file into a chat:
 * {@code <liaison.public-base-url>/files/<area>/<id>/<token>}. The token is the link's expiry and an HMAC-SHA256 of
 * area, id and expiry under a random key kept in the data directory (shared by every instance, as the files are), so
 * it cannot be guessed or moved to another file. Without {@code liaison.public-base-url} there are no links.
 */
@Component
public class FileLinks {

    static final String KEY_FILE = "keys/file-links.key";
    private static final String HMAC = "HmacSHA256";

    private final FileStore store;
    private final Clock clock;
    private final String publicBaseUrl;
    private final Duration validFor;
    private volatile byte[] key;

    FileLinks(FileStore store, Clock clock, @Value("${liaison.public-base-url:}") String publicBaseUrl,
              @Value("${liaison.files.link-valid-for:30d}") Duration validFor) {
        this.store = store;
        this.clock = clock;
        this.publicBaseUrl = publicBaseUrl.strip().replaceAll("/+$", "");
        this.validFor = validFor;
    }

    /** A link to the file of {@code area}/{@code id}, valid from now for the configured time; empty without a base. */
    public Optional<FileLink> link(String area, long id) {
        if (publicBaseUrl.isEmpty()) {
            return Optional.empty();
        }
        Instant expires = clock.instant().plus(validFor).truncatedTo(ChronoUnit.SECONDS);
        String token = Long.toString(expires.getEpochSecond(), 36) + "." + signature(area, id, expires);
        return Optional.of(new FileLink(URI.create(publicBaseUrl + "/files/" + area + "/" + id + "/" + token),
                expires));
    }

    /** Whether the token was made by {@link #link} for this area and id and has not expired. */
    public boolean valid(String area, long id, String token) {
        int dot = token.indexOf('.');
        if (dot <= 0) {
            return false;
        }
        Instant expires;
        try {
            expires = Instant.ofEpochSecond(Long.parseLong(token.substring(0, dot), 36));
        } catch (NumberFormatException | java.time.DateTimeException e) {
            return false;
        }
        return clock.instant().isBefore(expires) && MessageDigest.isEqual(
                signature(area, id, expires).getBytes(StandardCharsets.US_ASCII),
                token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII));
    }

    private String signature(String area, long id, Instant expires) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(key(), HMAC));
            byte[] sig = mac.doFinal((area + "/" + id + "/" + expires.getEpochSecond())
                    .getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(sig);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The key, made once for the data directory: written aside and linked into place, so one instance wins. */
    private byte[] key() {
        byte[] k = key;
        if (k != null) {
            return k;
        }
        Path file = store.resolve(KEY_FILE);
        try {
            if (!Files.exists(file)) {
                byte[] fresh = new byte[32];
                new SecureRandom().nextBytes(fresh);
                Files.createDirectories(file.getParent());
                Path temp = Files.createTempFile(file.getParent(), ".key", ".tmp");
                try {
                    Files.write(temp, Base64.getEncoder().encode(fresh));
                    Files.createLink(file, temp);
                } catch (FileAlreadyExistsException anotherInstanceWon) {
                    // read theirs below
                } catch (UnsupportedOperationException | FileSystemException noHardLinksHere) {
                    moveUnlessThere(temp, file);
                } finally {
                    Files.deleteIfExists(temp);
                }
            }
            k = Base64.getDecoder().decode(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or make the key of download links in the data directory", e);
        }
        key = k;
        return k;
    }

    private static void moveUnlessThere(Path temp, Path file) throws IOException {
        try {
            Files.move(temp, file);
        } catch (FileAlreadyExistsException anotherInstanceWon) {
            // read theirs
        }
    }

    /** A download link and when it stops working. */
    public record FileLink(URI url, Instant expires) {
    }
}
