package cn.mee.liaison.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The bot's executable jar running as a process of its own, on a free port, its log in a file. */
final class BotProcess implements AutoCloseable {

    static final String ADMIN_PASSWORD = "bench-Admin-1";

    private final Process process;
    private final int port;
    private final Path log;
    private final long startedNanos;

    private BotProcess(Process process, int port, Path log, long startedNanos) {
        this.process = process;
        this.port = port;
        this.log = log;
        this.startedNanos = startedNanos;
    }

    /**
     * Starts the jar with the given JVM flags and settings (each {@code name=value}, passed as {@code --name=value}),
     * the console administrator's password set, in {@code dataDir}.
     */
    static BotProcess start(Path jar, Path dataDir, List<String> jvmFlags, List<String> settings) throws IOException {
        Files.createDirectories(dataDir);
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmFlags);
        command.add("-jar");
        command.add(jar.toAbsolutePath().toString());
        command.add("--server.port=" + port);
        command.add("--liaison.data-dir=" + dataDir.toAbsolutePath());
        command.add("--liaison.security.admin-password=" + ADMIN_PASSWORD);
        for (String setting : settings) {
            command.add("--" + setting);
        }
        Path log = dataDir.resolve("bot.log");
        long started = System.nanoTime();
        Process process = new ProcessBuilder(command).directory(dataDir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new BotProcess(process, port, log, started);
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    long pid() {
        return process.pid();
    }

    Path log() {
        return log;
    }

    /** Waits until {@code /actuator/health} answers UP; returns the time from the process start to that answer. */
    Duration awaitHealthy(Duration timeout) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the bot stopped at start; its log: " + log);
            }
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(baseUrl()
                        + "/actuator/health")).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200 && health.body().contains("\"UP\"")) {
                    return Duration.ofNanos(System.nanoTime() - startedNanos);
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("the bot was not healthy within " + timeout + "; its log: " + log);
    }

    /** The first line of the bot's log that contains {@code text}, waited for up to the timeout; empty if none. */
    Optional<String> awaitLogLine(String text, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try (var lines = Files.lines(log, StandardCharsets.UTF_8)) {
                Optional<String> found = lines.filter(l -> l.contains(text)).findFirst();
                if (found.isPresent()) {
                    return found;
                }
            } catch (UncheckedIOException partialLine) {
                // the bot is writing a line just now: look again
            }
            Thread.sleep(200);
        }
        return Optional.empty();
    }

    /** Resident memory (VmRSS) of the process, in MiB. */
    double residentMiB() throws IOException {
        return status("VmRSS:");
    }

    /** A size in kB from /proc/PID/status ({@code VmRSS:}, {@code RssAnon:}, {@code RssFile:}), in MiB. */
    double status(String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
            if (line.startsWith(field)) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
            }
        }
        throw new IllegalStateException("no VmRSS");
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor();
        }
    }
}
