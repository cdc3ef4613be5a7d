package cn.mee.liaison.bot.channel.wecom.api;

import cn.mee.liaison.bot.channel.wecom.WeComProperties;
import cn.mee.liaison.bot.channel.wecom.api.WeComFailure.Kind;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * JSON over HTTP to WeCom's servers, with timeouts, and every outcome turned into a value or a classified
 * {@link WeComFailure}. Paths are logged and reported without their query, which carries tokens and keys.
 */
@Component
public class WeComHttp {

    private static final Pattern FILENAME_STAR = Pattern.compile("filename\\*=UTF-8''([^;\\s]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern FILENAME = Pattern.compile("filename=\"?([^\";]+)\"?", Pattern.CASE_INSENSITIVE);

    private final ObjectMapper json;
    private final WeComProperties properties;
    private volatile HttpClient client;

    WeComHttp(WeComProperties properties, ObjectMapper json) {
        this.properties = properties;
        this.json = json;
    }

    /**
     * Made at the first request, not at start: a JDK HTTP client loads the default TLS context (the whole trust
     * store) and starts a selector thread, which a bot whose WeCom doors are all off never needs.
     */
    private HttpClient client() {
        HttpClient current = client;
        if (current == null) {
            synchronized (this) {
                current = client;
                if (current == null) {
                    current = HttpClient.newBuilder().connectTimeout(properties.http().connectTimeout())
                            .followRedirects(HttpClient.Redirect.NEVER).build();
                    client = current;
                }
            }
        }
        return current;
    }

    /** A path under the API base URL, e.g. {@code /cgi-bin/gettoken?corpid=…}. */
    public URI api(String pathAndQuery) {
        return URI.create(properties.apiBaseUrl() + pathAndQuery);
    }

    public JsonNode get(URI uri) {
        return answer(uri, send(uri, request(uri).GET()));
    }

    public JsonNode post(URI uri, Object body) {
        byte[] bytes;
        try {
            bytes = json.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalArgumentException("body cannot be written as JSON", e);
        }
        return answer(uri, send(uri, request(uri).header("Content-Type", "application/json; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))));
    }

    /** A multipart upload of one file in the field {@code media}, as WeCom's upload APIs take it. */
    public JsonNode upload(URI uri, String fileName, String contentType, byte[] content) {
        String boundary = "----liaison" + UUID.randomUUID().toString().replace("-", "");
        ByteArrayOutputStream body = new ByteArrayOutputStream(content.length + 512);
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"media\"; filename=\""
                + fileName.replace("\"", "") + "\"; filelength=" + content.length + "\r\nContent-Type: "
                + contentType + "\r\n\r\n";
        body.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return answer(uri, send(uri, request(uri).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))));
    }

    /**
     * Raw bytes (a file, a picture); a JSON body here is WeCom reporting an error. A body larger than
     * {@code liaison.wecom.http.max-download} is not read to its end: a permanent failure saying so.
     */
    public Download download(URI uri) {
        long max = properties.http().maxDownload().toBytes();
        HttpResponse<InputStream> response = send(uri, request(uri).GET(), HttpResponse.BodyHandlers.ofInputStream());
        byte[] bytes;
        try (InputStream in = response.body()) {
            if (response.headers().firstValueAsLong("Content-Length").orElse(-1) > max) {
                throw tooLarge(uri, max);
            }
            bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
            if (bytes.length > max) {
                throw tooLarge(uri, max);
            }
        } catch (IOException e) {
            throw new WeComFailure(Kind.TRANSIENT, where(uri) + " 连接失败：" + e.getClass().getSimpleName(), e);
        }
        String type = response.headers().firstValue("Content-Type").orElse(null);
        if (type != null && type.contains("json")) {
            answer(uri, bytes); // throws when it is an error
        }
        return new Download(bytes, fileName(response.headers().firstValue("Content-Disposition")
                .orElse(null)), type);
    }

    private static WeComFailure tooLarge(URI uri, long max) {
        String limit = max >= DataSize.ofMegabytes(1).toBytes() ? DataSize.ofBytes(max).toMegabytes() + " MB"
                : DataSize.ofBytes(max).toKilobytes() + " KB";
        return new WeComFailure(Kind.PERMANENT, 0, where(uri) + " 的文件超过 " + limit
                + " 上限（liaison.wecom.http.max-download），未保存");
    }

    private HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(properties.http().requestTimeout());
    }

    private HttpResponse<byte[]> send(URI uri, HttpRequest.Builder request) {
        return send(uri, request, HttpResponse.BodyHandlers.ofByteArray());
    }

    private <T> HttpResponse<T> send(URI uri, HttpRequest.Builder request, HttpResponse.BodyHandler<T> body) {
        try {
            HttpResponse<T> response = client().send(request.build(), body);
            int status = response.statusCode();
            if (status >= 300 || status == 429) {
                if (response.body() instanceof Closeable stream) {
                    stream.close();
                }
            }
            if (status >= 500 || status == 429) {
                throw new WeComFailure(Kind.TRANSIENT, 0, where(uri) + " 返回 HTTP " + status);
            }
            if (status >= 300) {
                throw new WeComFailure(Kind.PERMANENT, 0, where(uri) + " 返回 HTTP " + status);
            }
            return response;
        } catch (HttpTimeoutException e) {
            throw new WeComFailure(Kind.TRANSIENT, where(uri) + " 超时", e);
        } catch (IOException e) {
            throw new WeComFailure(Kind.TRANSIENT, where(uri) + " 连接失败：" + e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WeComFailure(Kind.TRANSIENT, where(uri) + " 被中断", e);
        }
    }

    private JsonNode answer(URI uri, HttpResponse<byte[]> response) {
        return answer(uri, response.body());
    }

    private JsonNode answer(URI uri, byte[] bytes) {
        JsonNode body;
        try {
            body = json.readTree(bytes);
        } catch (IOException e) {
            throw new WeComFailure(Kind.TRANSIENT, 0, where(uri) + " 的回答不是 JSON");
        }
        if (body == null || !body.isObject()) {
            throw new WeComFailure(Kind.TRANSIENT, 0, where(uri) + " 的回答不是 JSON 对象");
        }
        int errcode = body.path("errcode").asInt(0);
        if (errcode != 0) {
            throw new WeComFailure(ErrorCodes.classify(errcode), errcode,
                    where(uri) + "：" + body.path("errmsg").asText(""));
        }
        return body;
    }

    /** The path only: the query holds the access token or the webhook key. */
    static String where(URI uri) {
        return uri.getPath();
    }

    static String fileName(String disposition) {
        if (disposition == null) {
            return null;
        }
        Matcher star = FILENAME_STAR.matcher(disposition);
        if (star.find()) {
            return URLDecoder.decode(star.group(1), StandardCharsets.UTF_8);
        }
        Matcher plain = FILENAME.matcher(disposition);
        return plain.find() ? plain.group(1).strip() : null;
    }
}
