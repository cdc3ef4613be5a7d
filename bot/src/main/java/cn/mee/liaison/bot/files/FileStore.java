package cn.mee.liaison.bot.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Files under the data directory ({@code liaison.data-dir}): attachments that arrived with messages and files the
 * bot sends. Paths given out are relative to the data directory and never leave it.
 */
@Component
public class FileStore {

    private final Path root;

    FileStore(@Value("${liaison.data-dir:./data}") String dataDir) {
        this.root = Path.of(dataDir).toAbsolutePath().normalize();
    }

    /** A file stored under {@code area/yyyy/MM/<random>/name}; returns where, relative to the data directory. */
    public StoredFile store(String area, LocalDate day, String name, byte[] content) {
        String safe = safeName(name);
        Path relative = Path.of(area, String.valueOf(day.getYear()), String.format("%02d", day.getMonthValue()),
                UUID.randomUUID().toString(), safe);
        Path target = resolve(relative.toString());
        try {
            Files.createDirectories(target.getParent());
            Path temp = Files.createTempFile(target.getParent(), ".incoming", ".tmp");
            Files.write(temp, content);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store a file under the data directory", e);
        }
        return new StoredFile(relative.toString().replace('\\', '/'), safe, content.length, sha256(content));
    }

    public byte[] read(String relativePath) {
        try {
            return Files.readAllBytes(resolve(relativePath));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + relativePath + " from the data directory", e);
        }
    }

    public Path resolve(String relativePath) {
        Path path = root.resolve(relativePath).normalize();
        if (!path.startsWith(root)) {
            throw new IllegalArgumentException("path leaves the data directory: " + relativePath);
        }
        return path;
    }

    /** The last path element, without characters that are unsafe in file names. */
    static String safeName(String name) {
        String base = name == null || name.isBlank() ? "file" : Path.of(name.replace('\\', '/')).getFileName()
                .toString();
        String cleaned = base.replaceAll("[\\p{Cntrl}/\\\\:*?\"<>|]", "_").strip();
        if (cleaned.isEmpty() || cleaned.equals(".") || cleaned.equals("..")) {
            cleaned = "file";
        }
        return cleaned.length() > 120 ? cleaned.substring(cleaned.length() - 120) : cleaned;
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Where a file was stored, relative to the data directory, with its size and SHA-256. */
    public record StoredFile(String path, String name, long size, String sha256) {
    }
}
