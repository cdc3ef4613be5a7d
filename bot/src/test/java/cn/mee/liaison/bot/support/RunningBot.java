package cn.mee.liaison.bot.support;

import cn.mee.liaison.testsupport.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole bot on a random port, on MariaDB when LIAISON_TEST_MYSQL_URL is set (CI) and on H2 otherwise, talked to
 * over real HTTP. Tests share one running bot, so each names its groups and chats uniquely.
 */
@AutoConfigureObservability
@ActiveProfiles(resolver = DatabaseProfiles.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "liaison.security.admin-username=admin",
        "liaison.security.admin-password=" + RunningBot.ADMIN_PASSWORD,
        "liaison.data-dir=target/test-data",
        // the daily dispatch runs when a test says so (DispatchTest moves its clock and ticks)
        "liaison.dispatch.tick-cron=",
        // the deadline reminders too (DeadlineRemindersTest moves its clock and ticks)
        "liaison.deadlines.tick-cron="})
public abstract class RunningBot {

    public static final String ADMIN_PASSWORD = "admin-secret-1";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @LocalServerPort
    protected int port;

    @Autowired
    protected ObjectMapper json;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.preferredProperties().forEach((key, value) -> registry.add(key, () -> value));
        // Quartz keeps its data sources in a JVM-wide registry by scheduler name: each running bot its own name
        String scheduler = "liaison-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        registry.add("spring.quartz.properties.org.quartz.scheduler.instanceName", () -> scheduler);
    }

    protected String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** A call as the administrator. */
    protected Answer call(String method, String path, Object body) {
        return call("admin", ADMIN_PASSWORD, method, path, body);
    }

    protected Answer call(String user, String password, String method, String path, Object body) {
        try {
            String text = body == null ? null : body instanceof String s ? s : json.writeValueAsString(body);
            return send(user, password, method, path, "application/json", text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A call as the administrator with a body of another type, such as a CSV file. */
    protected Answer call(String method, String path, String contentType, String body) {
        return send("admin", ADMIN_PASSWORD, method, path, contentType, body);
    }

    /** A multipart/form-data POST as the administrator. */
    protected Answer postMultipart(String path, MultipartBody body) {
        return send("admin", ADMIN_PASSWORD, "POST", path, body.contentType(), body.bytes());
    }

    private Answer send(String user, String password, String method, String path, String contentType, String body) {
        return send(user, password, method, path, contentType,
                body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    }

    private Answer send(String user, String password, String method, String path, String contentType, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(30));
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        try {
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", contentType)
                        .method(method, HttpRequest.BodyPublishers.ofByteArray(body));
            }
            HttpResponse<byte[]> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(response.statusCode(), response.body(), response.headers()
                    .firstValue("Content-Type").orElse(""), json);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An HTTP answer. */
    public record Answer(int status, byte[] bytes, String contentType, ObjectMapper json) {

        public String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        public JsonNode body() {
            try {
                return json.readTree(bytes);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON: " + text(), e);
            }
        }
    }
}
