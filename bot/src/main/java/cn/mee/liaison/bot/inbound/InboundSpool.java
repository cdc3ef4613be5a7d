package cn.mee.liaison.bot.inbound;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * Incoming messages kept on disk until filed: for doors whose platform does not deliver a message again (the robot's
 * long connection, the Wechaty event stream), a message that arrives while the database is down waits here, and
 * survives a restart, until it is filed. Files are written atomically (temporary file, then a move).
 */
public class InboundSpool {

    private final Path directory;

    /** @param directory where the messages wait, one file each */
    public InboundSpool(Path directory) {
        this.directory = directory;
    }

    public Path keep(String id, String content) {
        try {
            Files.createDirectories(directory);
            Path target = directory.resolve(id.replaceAll("[^A-Za-z0-9_.-]", "_") + ".json");
            Path temp = Files.createTempFile(directory, ".incoming", ".tmp");
            Files.writeString(temp, content, StandardCharsets.UTF_8);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep an incoming message on disk", e);
        }
    }

    public void drop(Path kept) {
        try {
            Files.deleteIfExists(kept);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<Path> waiting() {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String read(Path kept) {
        try {
            return Files.readString(kept, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
