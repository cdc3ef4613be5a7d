package cn.mee.liaison.bot.support;

import static org.awaitility.Awaitility.await;

import static org.assertj.core.api.Assertions.assertThat;

import cn.mee.liaison.bot.LiaisonBotApplication;
import cn.mee.liaison.bot.channel.wecom.fake.FakeWeCom;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
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
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The bot as a separate operating-system process, started from the test classpath (the jar exists only after the
 * package phase) with {@link LiaisonBotApplication} as main and every setting on its command line, as a deployment
 * starts it. {@link #kill()} is {@code kill -9}: no shutdown hook, no graceful stop, nothing flushed.
 */
public final class BotProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The outbox's sender threads in the {@link #settings} (the most rows in flight at a kill). */
    public static final int SENDERS = 8;

    private final Process process;
    private final int port;
    private final Path log;

    private BotProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts the bot on a free port with these settings and waits until /actuator/health answers 200. */
    public static BotProcess start(Map<String, ?> settings, Path log, Duration startTimeout) {
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of("-Xmx768m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss1m",
                "-Duser.timezone=Asia/Shanghai", "-Dfile.encoding=UTF-8"));
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(LiaisonBotApplication.class.getName());
        settings.forEach((name, value) -> command.add("--" + name + "=" + value));
        command.add("--server.port=" + port);
        try {
            Files.createDirectories(log.getParent());
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            BotProcess bot = new BotProcess(process, port, log);
            await("the bot process answers /actuator/health (log: " + log + ")").atMost(startTimeout)
                    .pollInterval(Duration.ofMillis(500)).until(() -> {
                        if (!process.isAlive()) {
                            throw new AssertionError("the bot process exited with " + process.exitValue()
                                    + "; see " + log);
                        }
                        return bot.healthy();
                    });
            return bot;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the bot process", e);
        }
    }

    public int port() {
        return port;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public Path log() {
        return log;
    }

    public long pid() {
        return process.pid();
    }

    /**
     * The settings a process test starts a bot with: its own data directory, no cron but what the test turns on, the
     * self-built app of this fake WeCom, eight senders polling every 200 ms, and a claim lease of 10 s (60 s by
     * default) so that a killed process's claims lapse within the test.
     */
    public static Map<String, Object> settings(String dataDir, FakeWeCom wecom, String corp, String secret) {
        Map<String, Object> settings = new HashMap<>();
        settings.put("liaison.data-dir", target(dataDir));
        settings.put("liaison.security.admin-password", RunningBot.ADMIN_PASSWORD);
        settings.put("liaison.dispatch.tick-cron", "");
        settings.put("liaison.deadlines.tick-cron", "");
        settings.put("liaison.cases.digest-cron", "");
        settings.put("liaison.wecom.api-base-url", wecom.apiBaseUrl());
        settings.put("liaison.wecom.app.corp-id", corp);
        settings.put("liaison.wecom.app.agent-id", FakeWeCom.DEFAULT_AGENT_ID);
        settings.put("liaison.wecom.app.secret", secret);
        settings.put("liaison.outbox.senders", SENDERS);
        settings.put("liaison.outbox.poll-interval", "200ms");
        settings.put("liaison.outbox.claim-lease", "10s");
        return settings;
    }

    /** An API call as the administrator: asserts the answer's status, and gives its body as JSON. */
    public JsonNode call(String method, String path, Object body, int expected) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path))
                    .timeout(Duration.ofSeconds(60)).header("Authorization", "Basic " + Base64.getEncoder()
                            .encodeToString(("admin:" + RunningBot.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)));
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", "application/json").method(method,
                        HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8));
            }
            HttpResponse<String> response = HTTP.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(expected);
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** SIGKILL, and waits until the process is gone. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean healthy() {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The path of a file under target/ for this run. */
    public static Path target(String name) {
        return new File("target", name).toPath().toAbsolutePath();
    }
}
