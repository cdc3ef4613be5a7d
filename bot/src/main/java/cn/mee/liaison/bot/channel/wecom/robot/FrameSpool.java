package cn.mee.liaison.bot.channel.wecom.robot;

import cn.mee.liaison.bot.files.FileStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * Long-connection frames kept on disk until filed. WeCom does not deliver a long-connection message again, so a
 * frame that arrives while the database is down waits here, and survives a restart, until it is filed.
 */
@Component
class FrameSpool {

    private final Path directory;

    FrameSpool(FileStore files) {
        this.directory = files.resolve("spool/robot");
    }

    Path keep(String reqId, String frame) {
        try {
            Files.createDirectories(directory);
            Path target = directory.resolve(reqId.replaceAll("[^A-Za-z0-9_.-]", "_") + ".json");
            Path temp = Files.createTempFile(directory, ".frame", ".tmp");
            Files.writeString(temp, frame, StandardCharsets.UTF_8);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep a long-connection frame on disk", e);
        }
    }

    void drop(Path kept) {
        try {
            Files.deleteIfExists(kept);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<Path> waiting() {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String read(Path kept) {
        try {
            return Files.readString(kept, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
