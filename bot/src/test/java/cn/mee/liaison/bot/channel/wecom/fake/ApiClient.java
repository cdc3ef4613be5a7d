package cn.mee.liaison.bot.channel.wecom.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A plain JDK HTTP client for poking the fake in its own tests. */
final class ApiClient {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    ApiClient(String base) {
        this.base = base;
    }

    JsonNode get(String pathAndQuery) {
        return json(send("GET", pathAndQuery, null, null, Duration.ofSeconds(10)));
    }

    JsonNode post(String pathAndQuery, String json) {
        return json(send("POST", pathAndQuery, json.getBytes(StandardCharsets.UTF_8), "application/json",
                Duration.ofSeconds(10)));
    }

    JsonNode upload(String pathAndQuery, String filename, byte[] bytes) {
        String boundary = "----fake-wecom-boundary";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"media\"; filename=\""
                + filename + "\"; filelength=" + bytes.length + "\r\nContent-Type: application/octet-stream\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(bytes);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return json(send("POST", pathAndQuery, body.toByteArray(), "multipart/form-data; boundary=" + boundary,
                Duration.ofSeconds(10)));
    }

    HttpResponse<byte[]> send(String method, String pathAndQuery, byte[] body, String contentType, Duration timeout) {
        try {
            return client.send(request(method, pathAndQuery, body, contentType, timeout),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpRequest request(String method, String pathAndQuery, byte[] body, String contentType, Duration timeout) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + pathAndQuery)).timeout(timeout);
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        return builder.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(body)).build();
    }

    HttpClient client() {
        return client;
    }

    static JsonNode json(HttpResponse<byte[]> response) {
        if (response.statusCode() != 200) {
            throw new AssertionError("HTTP " + response.statusCode() + ": "
                    + new String(response.body(), StandardCharsets.UTF_8));
        }
        try {
            return MAPPER.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
