package cn.mee.liaison.bot.channel.wechaty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import cn.mee.liaison.bot.LiaisonBotApplication;
import cn.mee.liaison.bot.directory.DirectoryDocument;
import cn.mee.liaison.bot.directory.DirectoryDocument.Chat;
import cn.mee.liaison.bot.directory.DirectoryDocument.City;
import cn.mee.liaison.bot.directory.DirectoryDocument.Member;
import cn.mee.liaison.bot.directory.DirectoryDocument.Person;
import cn.mee.liaison.bot.directory.DirectoryDocument.Round;
import cn.mee.liaison.bot.directory.DirectoryDocument.Unit;
import cn.mee.liaison.bot.directory.DirectoryDocument.WorkGroup;
import cn.mee.liaison.bot.directory.DirectoryImport;
import cn.mee.liaison.testsupport.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The bot against the real Wechaty puppet service (npm wechaty-puppet-service's PuppetServer) serving the mock puppet
 * (wechaty-puppet-mock), plain-text gRPC: a member says 日报 … in a room, the record is filed once, the reply appears in
 * the room, a replayed event files nothing new, and the bot does not answer itself; and, with the service's TLS on,
 * the bot's defaults reach it (Wechaty root CA, server name from the token). The harness is
 * {@code bot/src/test/wechaty} (see its README); it is installed with {@code npm ci} into {@code target/}. Skipped
 * where Node.js is not installed — but failed in CI ({@code CI} set, or {@code LIAISON_CI=1} as {@code .ci/run} sets
 * it), where a skip would hide that the real service was never tried.
 */
class WechatyPuppetServiceTest {

    private static final Path SOURCE = Path.of("src/test/wechaty");
    private static final Path INSTALLED = Path.of("target/wechaty-harness");
    private static final String ROOM = "room-bd1@chatroom";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static Process harness;
    private static ConfigurableApplicationContext bot;
    private static JsonNode facts;

    @BeforeAll
    static void startHarnessAndBot() throws Exception {
        boolean node = commandWorks("node", "--version") && commandWorks("npm", "--version");
        if (!node && nodeRequired(System.getenv())) {
            Assertions.fail("Node.js and npm are needed for the real Wechaty puppet service and this is CI "
                    + "(CI or LIAISON_CI=1): install them (.ci/run tries apt-get install nodejs npm)");
        }
        Assumptions.assumeTrue(node, "Node.js is not installed");
        install();
        String token = "insecure_" + UUID.randomUUID();
        harness = harness(token, false, "harness.log");
        facts = startLine(harness, "harness.log");

        Map<String, Object> properties = new HashMap<>(TestDatabase.preferredProperties());
        properties.put("server.port", "0");
        properties.put("liaison.data-dir", "target/wechaty-it-" + UUID.randomUUID().toString().substring(0, 8));
        properties.put("liaison.security.admin-password", "wechaty-admin-1");
        properties.put("liaison.wechaty.endpoint", "127.0.0.1:" + facts.get("grpcPort").asInt());
        properties.put("liaison.wechaty.token", token);
        properties.put("liaison.wechaty.tls", "false");
        properties.put("liaison.dispatch.tick-cron", "");
        properties.put("liaison.deadlines.tick-cron", "");
        if (TestDatabase.mysqlAvailable()) {
            properties.put("spring.profiles.active", "mysql");
        }
        bot = new SpringApplicationBuilder(LiaisonBotApplication.class)
                .run(properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                        .toArray(String[]::new));
        bot.getBean(DirectoryImport.class).apply(organisation(), "test", "test");
        WechatyConnection connection = bot.getBean(WechatyConnection.class);
        await().atMost(Duration.ofSeconds(60)).until(() -> connection.selfId().isPresent());
        assertThat(connection.selfId()).contains(facts.get("selfId").asText());
    }

    @AfterAll
    static void stop() throws Exception {
        if (bot != null) {
            bot.close();
        }
        if (harness != null) {
            stop(harness);
        }
    }

    /** The harness, with TLS (Wechaty's stock "insecure" certificate, signed by its root CA) or plain text. */
    private static Process harness(String token, boolean tls, String log) throws IOException {
        ProcessBuilder builder = new ProcessBuilder("node", "harness.js").directory(INSTALLED.toFile())
                .redirectError(INSTALLED.resolve(log).toFile());
        builder.environment().putAll(Map.of("WECHATY_PORT", "0", "CONTROL_PORT", "0", "WECHATY_TOKEN", token,
                "WECHATY_PUPPET_SERVICE_NO_TLS_INSECURE_SERVER", String.valueOf(!tls)));
        return builder.start(); // its stdin stays open: it exits when this JVM goes, however it goes
    }

    private static JsonNode startLine(Process started, String log) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(started.getInputStream(),
                StandardCharsets.UTF_8));
        String first = out.readLine();
        assertThat(first).as("the harness's start line (see target/wechaty-harness/" + log + ")").isNotNull();
        return JSON.readTree(first);
    }

    private static void stop(Process started) throws Exception {
        started.getOutputStream().close();
        if (!started.waitFor(10, TimeUnit.SECONDS)) {
            started.destroyForcibly();
        }
    }

    /** {@code npm ci} into target/, once per change of the lock file. */
    private static void install() throws Exception {
        Files.createDirectories(INSTALLED);
        for (String file : List.of("package.json", "package-lock.json", ".npmrc", "harness.js")) {
            Files.copy(SOURCE.resolve(file), INSTALLED.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        Path stamp = INSTALLED.resolve("node_modules/.installed-lock");
        String lock = Files.readString(SOURCE.resolve("package-lock.json"));
        if (Files.exists(stamp) && Files.readString(stamp).equals(lock)) {
            return;
        }
        Process npm = new ProcessBuilder("npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund")
                .directory(INSTALLED.toFile()).redirectErrorStream(true)
                .redirectOutput(INSTALLED.resolve("npm-ci.log").toFile()).start();
        assertThat(npm.waitFor(10, TimeUnit.MINUTES)).as("npm ci finished").isTrue();
        assertThat(npm.exitValue()).as("npm ci (see target/wechaty-harness/npm-ci.log)").isZero();
        Files.writeString(stamp, lock);
    }

    /** In CI ({@code CI} set and not false, or {@code LIAISON_CI=1}) this test must run, not skip. */
    static boolean nodeRequired(Map<String, String> env) {
        String ci = env.getOrDefault("CI", "");
        return "1".equals(env.get("LIAISON_CI")) || !ci.isBlank() && !"false".equalsIgnoreCase(ci.strip());
    }

    private static boolean commandWorks(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static DirectoryDocument organisation() {
        String unit = "中国环境科学研究院";
        return new DirectoryDocument(List.of(new Unit(unit, new Person("coord-wx", "王协调"))),
                List.of(new City("保定市", unit, List.of())),
                List.of(new Round("2026年第4轮", "2020-01-01", "2099-12-31")),
                List.of(new WorkGroup("保定市第一组", "保定市", unit, "ORDINARY", "2026年第4轮",
                        List.of(new Member("wxid_leader", "张三", "LEADER"), new Member("wxid_member", "李四", "MEMBER")),
                        List.of(new Chat("WECHATY", ROOM, null, "保定市第一组")))),
                List.of(), List.of());
    }

    private static JsonNode control(String method, String path, Object body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + facts.get("controlPort").asInt() + path)).timeout(Duration.ofSeconds(10));
        if (body == null) {
            request.GET();
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static List<JsonNode> roomMessages(boolean fromSelf) throws Exception {
        List<JsonNode> found = new ArrayList<>();
        control("GET", "/room/" + ROOM + "/messages", null).get("messages").forEach(m -> {
            if (m.get("fromSelf").asBoolean() == fromSelf) {
                found.add(m);
            }
        });
        return found;
    }

    private static int filed(String externalId) {
        return bot.getBean(JdbcTemplate.class).queryForObject(
                "SELECT COUNT(*) FROM filed_message WHERE channel = 'WECHATY' AND external_id = ?", Integer.class,
                externalId);
    }

    @Test
    void aReportInARoomIsFiledOnceAndAnsweredInTheRoomAndTheBotDoesNotAnswerItself() throws Exception {
        String id = control("POST", "/say", Map.of("from", "wxid_member", "room", ROOM, "text",
                "日报 检查企业数：3，发现问题数：1，督办问题核查数：0，明日计划：继续排查清苑区涉VOCs企业")).get("messageId").asText();

        await().atMost(Duration.ofSeconds(30)).until(() -> !roomMessages(true).isEmpty());
        assertThat(roomMessages(true)).singleElement().satisfies(reply -> {
            assertThat(reply.get("text").asText()).contains("已登记【每日调度】保定市第一组", "检查企业数：3",
                    "明日计划：继续排查清苑区涉VOCs企业");
            assertThat(reply.get("mentionIdList").toString()).contains("wxid_member");
        });
        assertThat(filed(id)).isEqualTo(1);

        // the same event again, and a later message as a marker that everything before it was handled
        control("POST", "/replay", Map.of("messageId", id));
        String marker = control("POST", "/say", Map.of("from", "wxid_leader", "room", ROOM, "text", "好的，辛苦"))
                .get("messageId").asText();
        await().atMost(Duration.ofSeconds(30)).until(() -> filed(marker) == 1);
        assertThat(filed(id)).as("a replayed event files nothing new").isEqualTo(1);
        assertThat(roomMessages(true)).as("one answer, and no answer to its own answer").hasSize(1);
        String own = roomMessages(true).get(0).get("messageId").asText();
        assertThat(filed(own)).as("the bot's own message is not filed as a member's").isZero();
    }

    /**
     * A stock puppet service with TLS on (its built-in certificate for {@code insecure}, signed by the Wechaty root
     * CA) is reached with the defaults alone — TLS, the bundled root CA, the server name from an
     * {@code insecure_<uuid>} token — and refused when the certificate is checked for another name.
     */
    @Test
    void theStockServiceWithTlsIsReachedWithTheDefaultsAlone() throws Exception {
        String token = "insecure_" + UUID.randomUUID();
        Process tls = harness(token, true, "harness-tls.log");
        try {
            JsonNode started = startLine(tls, "harness-tls.log");
            assertThat(started.get("tls").asBoolean()).isTrue();
            String endpoint = "127.0.0.1:" + started.get("grpcPort").asInt();
            WechatyProperties defaults = new WechatyProperties(endpoint, token, null, null, null, null, null, null,
                    null, null);
            try (PuppetClient client = new PuppetClient(new PuppetChannels().open(defaults), token,
                    Duration.ofSeconds(20))) {
                client.start();
                client.ding("tls");
            }
            WechatyProperties otherName = new WechatyProperties(endpoint, token, true, "puppet.example.org", null,
                    null, null, null, null, null);
            try (PuppetClient client = new PuppetClient(new PuppetChannels().open(otherName), token,
                    Duration.ofSeconds(20))) {
                assertThatThrownBy(() -> client.ding("tls")).isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE));
            }
        } finally {
            stop(tls);
        }
    }
}
